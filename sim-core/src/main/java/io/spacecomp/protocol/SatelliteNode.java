package io.spacecomp.protocol;

import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.tasks.Collector;
import io.spacecomp.tasks.Combiner;
import io.spacecomp.tasks.Mapper;
import io.spacecomp.tasks.Record;
import io.spacecomp.tasks.Reducer;
import io.spacecomp.tasks.TaskContext;
import io.spacecomp.trace.TraceEvent;
import io.spacecomp.trace.TraceSink;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;

/**
 * One satellite's side of the job protocol (SPEC §6): coordinator, collector, mapper, combiner and
 * reducer behaviour, with per-job state so many jobs run at once. It sees only {@link NodeServices}:
 * a clock, a transport and the task registry; the simulator and the emulator run this same class.
 *
 * <p>A satellite works on one message at a time: a message waits until the satellite is free, its task
 * runs, the satellite stays busy for the time the {@link ProcessingModel} gives, then its output leaves.
 *
 * <p>Exactly-once reduction: every stream into a mapper or the reducer is numbered; a stream is complete
 * when its last batch (which carries the count) and every batch before it have arrived, in any order;
 * duplicates are ignored. The reducer reduces once, when the number of streams is known and all are
 * complete. The coordinator publishes one outcome per job: done, or failed with a reason.
 *
 * <p>Bounded state: whatever a satellite keeps of a job (streams, partial reductions, the marks that
 * ignore late duplicates) is dropped {@link #EXPIRY_GRACE_S} after the job's deadline, whether the job
 * finished, failed or was never heard of again; a long-running constellation does not grow.
 */
public final class SatelliteNode {

    private final SatId id;
    private final NodeServices services;

    private final Queue<Runnable> inbox = new ArrayDeque<>();
    private boolean busy;

    /** How long past a job's deadline a satellite keeps its marks of the job: late duplicates still meet them. */
    public static final double EXPIRY_GRACE_S = 5.0;

    private final Map<String, Coordination> coordinating = new HashMap<>();
    private final Set<String> finishedJobs = new HashSet<>();
    /** Per job, per collector: the batch stream a mapper is receiving. */
    private final Map<String, Map<SatId, Stream>> mapStreams = new HashMap<>();
    private final Map<String, ReduceState> reducing = new HashMap<>();
    private final Set<String> reducedJobs = new HashSet<>();
    private final Set<String> reportedFailures = new HashSet<>();
    /** Jobs whose state here has its expiry scheduled. */
    private final Set<String> expiring = new HashSet<>();

    public SatelliteNode(SatId id, NodeServices services) {
        this.id = id;
        this.services = services;
    }

    public SatId id() {
        return id;
    }

    /** Number of jobs this satellite currently coordinates. */
    public int openJobs() {
        return coordinating.size();
    }

    /**
     * How much this satellite holds, job by job: all zero once every job it saw is past its deadline and grace.
     *
     * @param coordinating     jobs it coordinates
     * @param finished         finished jobs it remembers (to ignore a resubmission)
     * @param mapStreams       open mapper streams
     * @param reducing         partial reductions
     * @param reduced          reduced jobs it remembers (to ignore late batches)
     * @param reportedFailures jobs whose unreachable peer it reported
     * @param expiring         jobs with an expiry scheduled
     */
    public record Retained(int coordinating, int finished, int mapStreams, int reducing, int reduced, int reportedFailures,
                           int expiring) {
        /** Whether nothing at all is held. */
        public boolean isEmpty() {
            return coordinating + finished + mapStreams + reducing + reduced + reportedFailures + expiring == 0;
        }
    }

    public Retained retained() {
        int streams = 0;
        for (Map<SatId, Stream> m : mapStreams.values()) {
            streams += m.size();
        }
        return new Retained(coordinating.size(), finishedJobs.size(), streams, reducing.size(), reducedJobs.size(),
                reportedFailures.size(), expiring.size());
    }

    /** Schedules, once per job, the drop of everything held of it at its deadline plus the grace. */
    private void expireAfterDeadline(JobMeta meta) {
        expireAfterDeadline(meta.jobId(), meta.deadlineS());
    }

    private void expireAfterDeadline(String job, double deadlineS) {
        if (!expiring.add(job)) {
            return;
        }
        double delay = Math.max(0.0, deadlineS - services.clock().nowS()) + EXPIRY_GRACE_S;
        // runs on this satellite's own clock thread, never beside its other work (as the deadline timer does)
        services.clock().scheduleHousekeeping(delay, () -> {
            expiring.remove(job);
            finishedJobs.remove(job);
            mapStreams.remove(job);
            reducedJobs.remove(job);
            reportedFailures.remove(job);
            ReduceState r = reducing.remove(job);
            if (r != null) {
                trace("job_state_expired", job, null, "reduce", id, null, r.streams.size() + " streams dropped");
            }
        });
    }

    // ---------------------------------------------------------------- entry points

    /** A job arrives from the ground: this satellite is its LOS and coordinates it. */
    public void submit(JobSpec spec) {
        enqueue(() -> coordinate(spec));
    }

    /** A message arrives over the ISL mesh. */
    public void receive(SatId from, Message message) {
        enqueue(() -> handle(from, message));
    }

    /** A message this satellite sent could not reach {@code to}. */
    public void undeliverable(SatId to, Message message, String reason) {
        if (to.equals(message.meta().los()) && !to.equals(id)) {
            return; // the coordinator itself is gone: nobody is left to tell; its deadline will not fire either
        }
        if (message instanceof Message.JobFailed) {
            return; // the news of a failure cannot get through either: the coordinator's deadline ends the job
        }
        if (!reportedFailures.add(message.jobId())) {
            return; // one report per job is enough: a stream of lost batches must not become a stream of reports
        }
        expireAfterDeadline(message.meta());
        enqueue(() -> {
            fail(message.meta(), "satellite " + to + " unreachable: " + reason);
            return 0.0;
        });
    }

    // ---------------------------------------------------------------- work queue

    /** A unit of work: runs its task, sends nothing yet, returns the busy time after which its output leaves. */
    private interface Work {
        double run();
    }

    private final List<Outgoing> pendingSends = new ArrayList<>();

    private record Outgoing(SatId to, Message message) {
    }

    private void enqueue(Work work) {
        inbox.add(() -> {
            double busyS;
            try {
                busyS = work.run();
            } catch (RuntimeException e) {
                // Handlers turn task and job errors into failed jobs; anything else must not wedge the satellite.
                pendingSends.clear();
                busyS = 0.0;
                trace("node_error", null, null, null, id, null, String.valueOf(e));
            } catch (Error e) {
                // Out of memory and the like: free the satellite before the error ends the process or the thread.
                pendingSends.clear();
                busy = false;
                throw e;
            }
            List<Outgoing> out = new ArrayList<>(pendingSends);
            pendingSends.clear();
            services.clock().schedule(busyS, () -> {
                for (Outgoing o : out) {
                    services.transport().send(id, o.to(), o.message());
                }
                busy = false;
                next();
            });
        });
        next();
    }

    private void next() {
        if (busy || inbox.isEmpty()) {
            return;
        }
        busy = true;
        inbox.poll().run();
    }

    private void send(SatId to, Message m) {
        pendingSends.add(new Outgoing(to, m));
    }

    // ---------------------------------------------------------------- coordinator

    /** What the coordinator keeps of a job until it ends. */
    private record Coordination(JobPlan plan, JobMeta meta) {
    }

    private double coordinate(JobSpec spec) {
        double now = services.clock().nowS();
        trace("job_submitted", spec.jobId(), null, null, id, null, spec.allocator() + "/" + spec.reducerPlacement());
        if (coordinating.containsKey(spec.jobId()) || finishedJobs.contains(spec.jobId())) {
            return 0.0; // a resubmitted job id is the same job
        }
        JobPlan plan;
        try {
            requireTasks(spec);
            plan = services.planner().plan(spec, id, now);
        } catch (RuntimeException e) {
            publish(new JobOutcome(spec.jobId(), false, e.getMessage(), null, now, 0.0, id, null, List.of(), 0, 0));
            expireAfterDeadline(spec.jobId(), now + spec.timeoutS());
            return 0.0;
        }
        JobMeta meta = new JobMeta(spec.jobId(), 0, spec.collectors(), now, now + spec.timeoutS(), spec.collectTask(),
                spec.mapTask(), spec.combineTask(), spec.reduceTask(), spec.maxCollectRecords(), spec.jobData(),
                plan.reducer(), id);
        coordinating.put(spec.jobId(), new Coordination(plan, meta));
        expireAfterDeadline(meta);
        if (services.trace().enabled()) {
            trace("job_planned", spec.jobId(), null, null, id, null, planDetail(plan));
        }
        services.listener().jobAccepted(spec, id, plan);
        services.clock().schedule(spec.timeoutS(), () -> {
            if (coordinating.containsKey(spec.jobId())) {
                fail(meta, "deadline passed: not done " + spec.timeoutS() + " s after it was accepted");
            }
        });
        if (plan.reducer().equals(id)) {
            expectStreams(meta, spec.collectors());
        } else {
            send(plan.reducer(), new Message.SetMapCount(meta, spec.collectors()));
        }
        for (int i = 0; i < plan.allocations().size(); i++) {
            JobPlan.Allocation a = plan.allocations().get(i);
            send(a.collector(), new Message.Collect(meta.withDataId(i + 1), a.mapper()));
        }
        return 0.0;
    }

    /** A job_planned event's detail: the plan as one JSON object (the viewer reads it). */
    private static String planDetail(JobPlan plan) {
        StringBuilder b = new StringBuilder(64 + 16 * plan.allocations().size());
        b.append("{\"allocation_cost\":").append(Double.isFinite(plan.allocationCost()) ? Double.toString(plan.allocationCost()) : "null")
                .append(",\"distance\":").append(plan.distance())
                .append(",\"reduce_distance\":").append(plan.reduceDistance())
                .append(",\"reducer\":[").append(plan.reducer().sat()).append(',').append(plan.reducer().orb()).append(']')
                .append(",\"allocations\":[");
        for (int i = 0; i < plan.allocations().size(); i++) {
            JobPlan.Allocation a = plan.allocations().get(i);
            b.append(i == 0 ? "" : ",").append("[[").append(a.collector().sat()).append(',').append(a.collector().orb())
                    .append("],[").append(a.mapper().sat()).append(',').append(a.mapper().orb()).append("]]");
        }
        return b.append("]}").toString();
    }

    private void requireTasks(JobSpec spec) {
        if (services.tasks().collector(spec.collectTask()).isEmpty()) {
            throw new IllegalArgumentException("unknown collect_task '" + spec.collectTask() + "' (known: "
                    + services.tasks().collectors().keySet() + ")");
        }
        boolean skipMap = !spec.combineTask().isEmpty();
        if (skipMap && services.tasks().combiner(spec.combineTask()).isEmpty()) {
            throw new IllegalArgumentException("unknown combine_task '" + spec.combineTask() + "' (known: "
                    + services.tasks().combiners().keySet() + ")");
        }
        if (!skipMap && services.tasks().mapper(spec.mapTask()).isEmpty()) {
            throw new IllegalArgumentException("unknown map_task '" + spec.mapTask() + "' (known: "
                    + services.tasks().mappers().keySet() + ")");
        }
        if (services.tasks().reducer(spec.reduceTask()).isEmpty()) {
            throw new IllegalArgumentException("unknown reduce_task '" + spec.reduceTask() + "' (known: "
                    + services.tasks().reducers().keySet() + ")");
        }
    }

    /** Publishes the job's outcome once; later calls for the same job do nothing. */
    private void publish(JobOutcome outcome) {
        coordinating.remove(outcome.jobId());
        if (!finishedJobs.add(outcome.jobId())) {
            return;
        }
        trace(outcome.done() ? "job_done" : "job_failed", outcome.jobId(), null, null, id, null,
                outcome.done() ? null : outcome.error());
        services.listener().jobFinished(outcome);
    }

    private JobOutcome outcome(Coordination c, boolean done, String error, Record result) {
        double now = services.clock().nowS();
        return new JobOutcome(c.meta().jobId(), done, error, result, c.meta().jobStartS(), now - c.meta().jobStartS(), id,
                c.plan().reducer(), c.plan().allocations(), c.plan().distance(), c.plan().reduceDistance());
    }

    /** Ends the job failed: directly when coordinating it here, else by telling its coordinator. */
    private void fail(JobMeta meta, String reason) {
        if (meta.los().equals(id)) {
            Coordination c = coordinating.get(meta.jobId());
            if (c != null) {
                publish(outcome(c, false, reason, null));
            }
        } else {
            send(meta.los(), new Message.JobFailed(meta, reason, id));
        }
    }

    // ---------------------------------------------------------------- message handling

    private double handle(SatId from, Message m) {
        try {
            if (m instanceof Message.Collect c) {
                return collect(c);
            }
            if (m instanceof Message.MapBatch b) {
                return map(b);
            }
            if (m instanceof Message.ReduceBatch b) {
                return reduceBatch(b);
            }
            if (m instanceof Message.SetMapCount s) {
                expectStreams(s.meta(), s.streams());
                return 0.0;
            }
            if (m instanceof Message.ReduceResponse r) {
                Coordination c = coordinating.get(r.jobId());
                if (c != null) {
                    publish(outcome(c, true, null, r.result()));
                }
                return 0.0;
            }
            if (m instanceof Message.JobFailed f) {
                Coordination c = coordinating.get(f.jobId());
                if (c != null) {
                    publish(outcome(c, false, f.reason(), null));
                }
                return 0.0;
            }
            throw new IllegalStateException("unknown message " + m.action());
        } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
            // a task's bug (or a user jar missing a class) fails its job, never the satellite
            pendingSends.clear();
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            fail(m.meta(), m.action() + " failed on " + id + ": " + why);
            return 0.0;
        }
    }

    private TaskContext context(JobMeta meta) {
        return new TaskContext(meta.jobId(), meta.dataId(), meta.dataSize(), meta.jobData(), id, services.dataFiles());
    }

    private double collect(Message.Collect c) throws Exception {
        JobMeta meta = c.meta();
        Collector collector = services.tasks().collector(meta.collectTask())
                .orElseThrow(() -> new IllegalArgumentException("unknown collect_task '" + meta.collectTask() + "'"));
        trace("task_started", meta.jobId(), null, "collect", id, null, meta.collectTask());
        List<Record> records = collector.collect(context(meta));
        long bytes = MessageSize.records(records);
        double busyS = services.processing().collectS(collector, records.size(), bytes);
        List<List<Record>> batches = batches(records, meta.maxCollectRecords());
        if (meta.skipMap()) {
            Combiner combiner = services.tasks().combiner(meta.combineTask())
                    .orElseThrow(() -> new IllegalArgumentException("unknown combine_task '" + meta.combineTask() + "'"));
            for (int i = 0; i < batches.size(); i++) {
                Record combined = combiner.combine(context(meta), batches.get(i));
                send(meta.reducer(), new Message.ReduceBatch(meta, id, i, i == batches.size() - 1, List.of(combined)));
            }
            busyS += services.processing().mapS(combiner, records.size(), bytes);
        } else {
            for (int i = 0; i < batches.size(); i++) {
                send(c.mapper(), new Message.MapBatch(meta, id, i, i == batches.size() - 1, batches.get(i)));
            }
        }
        trace("task_finished", meta.jobId(), null, "collect", id, bytes, records.size() + " records");
        return busyS;
    }

    private static List<List<Record>> batches(List<Record> records, int size) {
        List<List<Record>> out = new ArrayList<>();
        for (int from = 0; from < records.size(); from += size) {
            out.add(records.subList(from, Math.min(records.size(), from + size)));
        }
        if (out.isEmpty()) {
            out.add(List.of()); // an empty stream still ends
        }
        return out;
    }

    private double map(Message.MapBatch b) throws Exception {
        JobMeta meta = b.meta();
        Map<SatId, Stream> streams = mapStreams.computeIfAbsent(meta.jobId(), k -> new HashMap<>());
        expireAfterDeadline(meta);
        Stream s = streams.computeIfAbsent(b.collector(), k -> new Stream());
        if (s.complete() || !s.accept(b.index(), b.endCollect())) {
            return 0.0; // duplicate
        }
        Mapper mapper = services.tasks().mapper(meta.mapTask())
                .orElseThrow(() -> new IllegalArgumentException("unknown map_task '" + meta.mapTask() + "'"));
        trace("task_started", meta.jobId(), null, "map", id, null, meta.mapTask());
        List<Record> out = mapper.map(context(meta), b.records());
        long bytes = MessageSize.records(b.records());
        boolean last = s.complete();
        send(meta.reducer(), new Message.ReduceBatch(meta, id, s.emitted++, last, out));
        if (last) {
            // Release the stream: a late duplicate would open a new one whose batches the reducer has seen.
            streams.remove(b.collector());
            if (streams.isEmpty()) {
                mapStreams.remove(meta.jobId());
            }
        }
        trace("task_finished", meta.jobId(), null, "map", id, bytes, b.records().size() + " records");
        return services.processing().mapS(mapper, b.records().size(), bytes);
    }

    private ReduceState reduceState(JobMeta meta) {
        expireAfterDeadline(meta);
        return reducing.computeIfAbsent(meta.jobId(), k -> new ReduceState(meta));
    }

    private void expectStreams(JobMeta meta, int streams) {
        if (reducedJobs.contains(meta.jobId())) {
            return;
        }
        ReduceState r = reduceState(meta);
        r.expectedStreams = streams;
        maybeReduce(r);
    }

    private double reduceBatch(Message.ReduceBatch b) {
        if (reducedJobs.contains(b.jobId())) {
            return 0.0; // a late duplicate
        }
        ReduceState r = reduceState(b.meta());
        Stream s = r.streams.computeIfAbsent(b.source(), k -> new Stream());
        if (!s.accept(b.index(), b.endMap())) {
            return 0.0; // duplicate
        }
        r.records.addAll(b.records());
        long bytes = MessageSize.records(b.records());
        return services.processing().reduceS(b.records().size(), bytes) + maybeReduce(r);
    }

    /** Reduces once every expected stream is complete; returns the busy time of the reduction. */
    private double maybeReduce(ReduceState r) {
        if (r.expectedStreams < 0 || r.streams.size() < r.expectedStreams) {
            return 0.0;
        }
        for (Stream s : r.streams.values()) {
            if (!s.complete()) {
                return 0.0;
            }
        }
        JobMeta meta = r.meta;
        Reducer reducer = services.tasks().reducer(meta.reduceTask())
                .orElseThrow(() -> new IllegalArgumentException("unknown reduce_task '" + meta.reduceTask() + "'"));
        trace("task_started", meta.jobId(), null, "reduce", id, null, meta.reduceTask());
        Record result;
        try {
            result = reducer.reduce(context(meta), r.records);
        } catch (Exception e) {
            throw new IllegalStateException("reduce_task '" + meta.reduceTask() + "' failed: " + e.getMessage(), e);
        }
        long bytes = MessageSize.records(r.records);
        trace("task_finished", meta.jobId(), null, "reduce", id, bytes, r.records.size() + " records");
        int records = r.records.size();
        reducing.remove(meta.jobId());
        reducedJobs.add(meta.jobId());
        send(meta.los(), new Message.ReduceResponse(meta, result, id));
        return services.processing().reduceS(reducer, records, bytes);
    }

    /** A numbered stream of batches: complete when the last one (carrying the count) and all before it arrived. */
    private static final class Stream {
        private final Set<Integer> seen = new HashSet<>();
        private int total = -1;
        int emitted;

        /** Records batch {@code index}; false when it was seen before. */
        boolean accept(int index, boolean last) {
            if (!seen.add(index)) {
                return false;
            }
            if (last) {
                total = index + 1;
            }
            return true;
        }

        boolean complete() {
            return total >= 0 && seen.size() == total;
        }
    }

    private static final class ReduceState {
        final JobMeta meta;
        int expectedStreams = -1;
        final Map<SatId, Stream> streams = new HashMap<>();
        final List<Record> records = new ArrayList<>();

        ReduceState(JobMeta meta) {
            this.meta = meta;
        }
    }

    private void trace(String type, String jobId, Long msgId, String action, SatId at, Long bytes, String detail) {
        TraceSink t = services.trace();
        if (t.enabled()) {
            t.emit(new TraceEvent(services.clock().nowS(), type, jobId, msgId, action, null, null, TraceSink.sat(at), bytes, detail));
        }
    }
}
