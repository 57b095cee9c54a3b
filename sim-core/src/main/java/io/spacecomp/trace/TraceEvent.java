package io.spacecomp.trace;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One line of a JSON-Lines trace. The simulator and the emulator write the same schema (see the
 * sim-core README). Satellites are {@code [sat, orb]}; absent fields are omitted.
 *
 * @param t       time (s): virtual time in simulation, seconds since the constellation epoch in emulation
 * @param type    shell (header) | job_submitted | job_planned | message_sent | hop | delivered | undeliverable | task_started |
 *                task_finished | job_done | job_failed | node_error
 * @param jobId   the job
 * @param msgId   the message (sent, hop, delivered, undeliverable)
 * @param action  the message's action (collect, map, reduce, ...) or the task phase
 * @param from    sending satellite (message events) or hop start
 * @param to      destination satellite (message events) or hop end
 * @param at      where a task or job event happens
 * @param bytes   message bytes, or bytes processed
 * @param detail  free text: task name, failure reason
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"t", "type", "job", "msg", "action", "from", "to", "at", "bytes", "detail"})
public record TraceEvent(double t, String type, @JsonProperty("job") String jobId, @JsonProperty("msg") Long msgId,
                         String action, int[] from, int[] to, int[] at, Long bytes, String detail) {
}
