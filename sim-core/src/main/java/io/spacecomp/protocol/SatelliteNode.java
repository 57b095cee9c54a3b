package io.spacecomp.protocol;

import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.routing.UnroutableException;
import io.spacecomp.tasks.Collector;
import io.spacecomp.tasks.Combiner;
import io.spacecomp.tasks.FoldingReducer;
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
import java.util.TreeSet;

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
 *
 * <p>Re-planning ({@link FailurePolicy#REPLAN}): when a satellite working for a job is lost (a message to it
 * comes back undeliverable, or the news of its crash arrives), the coordinator moves a collector's or
 * mapper's work to a spare satellite of the AOI and a reducer's to the next placement, and restarts the
 * affected data ids under a higher epoch: at the mapper and the reducer a stream of a later epoch replaces
 * the earlier one, so every record is still reduced exactly once. Every move is reported in the outcome.
 */
public final class SatelliteNode {

    private final SatId id;
    private final NodeServices services;

    private final Queue<Runnable> inbox = new ArrayDeque<>();
    private boolean busy;

    /**
     * How long a satellite waits before it sends a re-planning job's result or loss report to its coordinator
     * again, when the last try came back undeliverable (s); it tries until the job's deadline.
     */
    public static final double RESEND_S = 1.0;

    /** How long past a job's deadline a satellite keeps its marks of the job: late duplicates still meet them. */
    public static final double EXPIRY_GRACE_S = 5.0;

    private final Map<String, Coordination> coordinating = new HashMap<>();
    private final Set<String> finishedJobs = new HashSet<>();
    /** Per job, per collector and epoch: the batch stream a mapper is receiving. */
    private final Map<String, Map<StreamId, Stream>> mapStreams = new HashMap<>();
    private final Map<String, ReduceState> reducing = new HashMap<>();
    private final Set<String> reducedJobs = new HashSet<>();
    /** Per job: the satellites whose loss this satellite reported (one report per job when the job fails on loss). */
    private final Map<String, Set<SatId>> reportedFailures = new HashMap<>();
    /** Per job: the collector's share being read and sent here, paused while too much waits to leave. */
    private final Map<String, Collecting> collecting = new HashMap<>();
    /** Times a collector here paused part-way through its share (read from other threads, for a host's health report). */
    private final java.util.concurrent.atomic.AtomicLong collectPauses = new java.util.concurrent.atomic.AtomicLong();
    /** Set by {@link #crash}: this object's state is gone and it does nothing more. */
    private boolean crashed;
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
     * @param collecting       collectors' shares part-way read (paused)
     */
    public record Retained(int coordinating, int finished, int mapStreams, int reducing, int reduced, int reportedFailures,
                           int expiring, int collecting) {
        /** Whether nothing at all is held. */
        public boolean isEmpty() {
            return coordinating + finished + mapStreams + reducing + reduced + reportedFailures + expiring + collecting == 0;
        }
    }

    public Retained retained() {
        int streams = 0;
        for (Map<StreamId, Stream> m : mapStreams.values()) {
            streams += m.size();
        }
        return new Retained(coordinating.size(), finishedJobs.size(), streams, reducing.size(), reducedJobs.size(),
                reportedFailures.size(), expiring.size(), collecting.size());
    }

    /**
     * What this satellite's work holds now, for a host that bounds it (the live testbed's admission budgets).
     *
     * @param reducing      jobs whose reduction is in progress here (waiting for streams)
     * @param mapping       jobs with a mapper stream here not yet complete
     * @param mapStreams    mapper streams not yet complete
     * @param reduceStreams reducer streams not yet complete
     * @param reduceBytes   bytes of batches the reductions in progress took in (folded into a running result, or kept)
     * @param keptRecords   records kept whole until their job reduces (none while every reducer folds)
     */
    public record Load(Set<String> reducing, Set<String> mapping, int mapStreams, int reduceStreams, long reduceBytes,
                       int keptRecords) {

        public static final Load NONE = new Load(Set.of(), Set.of(), 0, 0, 0, 0);
    }

    /** Times a collector here paused part-way through its share, waiting for what it sent to leave. */
    public long collectPauses() {
        return collectPauses.get();
    }

    /** What is held now (see {@link Load}); call it where this node's other work runs, never beside it. */
    public Load load() {
        Set<String> mapping = new HashSet<>();
        int mapOpen = 0;
        for (Map.Entry<String, Map<StreamId, Stream>> e : mapStreams.entrySet()) {
            for (Stream s : e.getValue().values()) {
                if (s != Stream.DONE) {
                    mapOpen++;
                    mapping.add(e.getKey());
                }
            }
        }
        int reduceOpen = 0;
        long bytes = 0;
        int kept = 0;
        for (ReduceState r : reducing.values()) {
            for (Lane lane : r.lanes.values()) {
                if (!lane.stream.complete()) {
                    reduceOpen++;
                }
            }
            bytes += r.bytes;
            for (Part p : r.parts) {
                kept += p.records().size();
            }
        }
        return new Load(Set.copyOf(reducing.keySet()), Set.copyOf(mapping), mapOpen, reduceOpen, bytes, kept);
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
            if (collecting.remove(job) != null) {
                trace("job_state_expired", job, null, "collect", id, null, "share part-way read dropped");
            }
            ReduceState r = reducing.remove(job);
            if (r != null) {
                trace("job_state_expired", job, null, "reduce", id, null, r.lanes.size() + " streams dropped");
            }
        });
    }

    // ---------------------------------------------------------------- entry points

    /** A job arrives from the ground: this satellite is its LOS and coordinates it. */
    public void submit(JobSpec spec) {
        if (crashed) {
            return;
        }
        enqueue(() -> coordinate(spec));
    }

    /** A message arrives over the ISL mesh. */
    public void receive(SatId from, Message message) {
        if (crashed) {
            return;
        }
        enqueue(() -> handle(from, message));
    }

    /** A message this satellite sent could not reach {@code to}. */
    public void undeliverable(SatId to, Message message, String reason) {
        if (crashed) {
            return;
        }
        if (message.meta().replans() && to.equals(message.meta().los()) && !to.equals(id)
                && (message instanceof Message.ReduceResponse || message instanceof Message.PeerLost)) {
            // the way to the coordinator may be blocked for a while (a crashed satellite on every minimal path)
            if (services.clock().nowS() + RESEND_S < message.meta().deadlineS()) {
                services.clock().schedule(RESEND_S, () -> {
                    if (!crashed) {
                        enqueue(() -> {
                            send(to, message);
                            return 0.0;
                        });
                    }
                });
            }
            return;
        }
        if (to.equals(message.meta().los()) && !to.equals(id)) {
            return; // the coordinator itself is gone: nobody is left to tell; its deadline will not fire either
        }
        if (message instanceof Message.JobFailed || message instanceof Message.PeerLost) {
            return; // the news of a failure cannot get through either: the coordinator's deadline ends the job
        }
        JobMeta meta = message.meta();
        if (meta.replans()) {
            if (!reportedFailures.computeIfAbsent(meta.jobId(), k -> new HashSet<>()).add(to)) {
                return; // one report per lost satellite and job
            }
        } else if (reportedFailures.putIfAbsent(meta.jobId(), Set.of()) != null) {
            return; // one report per job is enough: a stream of lost batches must not become a stream of reports
        }
        expireAfterDeadline(meta);
        String why = "satellite " + to + " unreachable: " + reason;
        enqueue(() -> {
            if (!meta.replans()) {
                fail(meta, why);
            } else if (meta.los().equals(id)) {
                lost(meta.jobId(), to, why);
            } else {
                send(meta.los(), new Message.PeerLost(meta, to, why, id));
            }
            return 0.0;
        });
    }

    /**
     * News from the constellation (its link state): {@code sat} crashed and its state is gone. Each job this
     * satellite coordinates and {@code sat} works for re-plans, or fails naming it.
     */
    public void satelliteLost(SatId sat, String reason) {
        if (crashed || coordinating.isEmpty()) {
            return;
        }
        enqueue(() -> {
            for (String job : new TreeSet<>(coordinating.keySet())) {
                Coordination c = coordinating.get(job);
                if (c == null || !c.holds(sat)) {
                    continue;
                }
                String why = "satellite " + sat + " " + reason;
                if (c.meta.replans()) {
                    lost(job, sat, why);
                } else {
                    publish(outcome(c, false, why, null));
                }
            }
            return 0.0;
        });
    }

    /**
     * This satellite crashed: everything it held and every queued task is gone, and this object does nothing
     * more (the satellite comes back, if it does, as a new, empty node). Returns the failed outcomes of the
     * jobs it coordinated, in job id order, for whoever stands in for the ground.
     */
    public List<JobOutcome> crash() {
        List<JobOutcome> lost = new ArrayList<>();
        for (String job : new TreeSet<>(coordinating.keySet())) {
            lost.add(outcome(coordinating.get(job), false, "coordinator " + id + " crashed: the job was lost with it", null));
        }
        crashed = true;
        inbox.clear();
        pendingSends.clear();
        coordinating.clear();
        finishedJobs.clear();
        mapStreams.clear();
        reducing.clear();
        reducedJobs.clear();
        reportedFailures.clear();
        expiring.clear();
        collecting.clear();
        return lost;
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
                if (crashed) {
                    return; // the work died with the satellite
                }
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

    /** What the coordinator keeps of a job until it ends: the plan as accepted, and where the work is now. */
    private static final class Coordination {
        final JobSpec spec;
        final JobPlan plan;
        /** The job's metadata now (its reducer moves when the reducer is lost). */
        JobMeta meta;
        final SatId[] collectors;
        final SatId[] mappers;
        final int[] epochs;
        final Set<SatId> lost = new HashSet<>();
        final List<Replan> replans = new ArrayList<>();

        Coordination(JobSpec spec, JobPlan plan, JobMeta meta) {
            this.spec = spec;
            this.plan = plan;
            this.meta = meta;
            int k = plan.allocations().size();
            collectors = new SatId[k];
            mappers = new SatId[k];
            epochs = new int[k];
            for (int i = 0; i < k; i++) {
                collectors[i] = plan.allocations().get(i).collector();
                mappers[i] = plan.allocations().get(i).mapper();
            }
        }

        /** Whether {@code sat} works for the job now. */
        boolean holds(SatId sat) {
            return sat.equals(meta.reducer()) || role(sat);
        }

        private boolean role(SatId sat) {
            for (int i = 0; i < collectors.length; i++) {
                if (collectors[i].equals(sat) || (!meta.skipMap() && mappers[i].equals(sat))) {
                    return true;
                }
            }
            return false;
        }
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
            if (spec.onFailure() == FailurePolicy.REPLAN) {
                // plan around what is unreachable now: such satellites go to the end of the AOI, as spares
                spec = spec.withAoi(reachableFirst(spec.aoi(), now));
                plan = services.planner().plan(spec, id, now, s -> reachable(s, now));
            } else {
                plan = services.planner().plan(spec, id, now);
            }
        } catch (RuntimeException e) {
            String why = e instanceof UnroutableException u ? "satellite " + u.to() + " unreachable: " + e.getMessage()
                    : e.getMessage();
            publish(new JobOutcome(spec.jobId(), false, why, null, now, 0.0, 0.0, id, null, List.of(), 0, 0));
            expireAfterDeadline(spec.jobId(), now + spec.timeoutS());
            return 0.0;
        }
        JobMeta meta = new JobMeta(spec.jobId(), 0, spec.collectors(), now, now + spec.timeoutS(), spec.collectTask(),
                spec.mapTask(), spec.combineTask(), spec.reduceTask(), spec.maxCollectRecords(), spec.jobData(),
                plan.reducer(), id, 0, spec.onFailure());
        coordinating.put(spec.jobId(), new Coordination(spec, plan, meta));
        expireAfterDeadline(meta);
        if (services.trace().enabled()) {
            trace("job_planned", spec.jobId(), null, null, id, null, planDetail(plan));
        }
        services.listener().jobAccepted(spec, id, plan);
        double timeoutS = spec.timeoutS();
        String jobId = spec.jobId();
        services.clock().schedule(timeoutS, () -> {
            Coordination c = coordinating.get(jobId);
            if (c != null) {
                fail(c.meta, "deadline passed: not done " + timeoutS + " s after it was accepted" + lostSoFar(c));
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

    private static String lostSoFar(Coordination c) {
        return c.replans.isEmpty() ? "" : " (" + c.replans.size() + " re-plans)";
    }

    /** Whether the router finds a path from here to {@code sat} now (the coordinator's view of the faults). */
    private boolean reachable(SatId sat, double nowS) {
        if (sat.equals(id)) {
            return true;
        }
        try {
            services.planner().router().route(id, sat, nowS);
            return true;
        } catch (UnroutableException e) {
            return false;
        }
    }

    private List<SatId> reachableFirst(List<SatId> aoi, double nowS) {
        List<SatId> first = new ArrayList<>();
        List<SatId> last = new ArrayList<>();
        for (SatId s : aoi) {
            (reachable(s, nowS) ? first : last).add(s);
        }
        first.addAll(last);
        return first;
    }

    /**
     * {@code sat} is lost to job {@code jobId} (re-planning): its roles move and the data ids they touch restart
     * under a new epoch; the job fails, naming why, when no satellite is left to take a role.
     */
    private void lost(String jobId, SatId sat, String reason) {
        Coordination c = coordinating.get(jobId);
        double now = services.clock().nowS();
        if (c == null || sat.equals(id) || c.lost.contains(sat) || !c.holds(sat) || now >= c.meta.deadlineS()) {
            return; // over, stale news, or already moved
        }
        c.lost.add(sat);
        int movesBefore = c.replans.size();
        int k = c.collectors.length;
        boolean[] restart = new boolean[k];
        boolean newReducer = false;
        for (int i = 0; i < k; i++) {
            if (c.collectors[i].equals(sat)) {
                SatId spare = spare(c, now);
                if (spare == null) {
                    failNoSpare(c, "collector of data id " + (i + 1), sat, reason);
                    return;
                }
                c.replans.add(new Replan(Replan.Role.COLLECTOR, i + 1, sat, spare, now, reason));
                c.collectors[i] = spare;
                restart[i] = true;
            }
            if (!c.meta.skipMap() && c.mappers[i].equals(sat)) {
                SatId spare = spare(c, now);
                if (spare == null) {
                    failNoSpare(c, "mapper of data id " + (i + 1), sat, reason);
                    return;
                }
                c.replans.add(new Replan(Replan.Role.MAPPER, i + 1, sat, spare, now, reason));
                c.mappers[i] = spare;
                restart[i] = true;
            }
        }
        if (sat.equals(c.meta.reducer())) {
            List<SatId> sources = List.of(c.meta.skipMap() ? c.collectors : c.mappers);
            SatId next = services.planner().nextReducer(c.spec, sources, id, now,
                    s -> !c.lost.contains(s) && reachable(s, now));
            if (next == null) {
                failNoSpare(c, "reducer", sat, reason);
                return;
            }
            c.replans.add(new Replan(Replan.Role.REDUCER, 0, sat, next, now, reason));
            c.meta = c.meta.withReducer(next);
            newReducer = true;
            java.util.Arrays.fill(restart, true);
        }
        for (Replan r : c.replans.subList(movesBefore, c.replans.size())) {
            trace("job_replanned", jobId, null, null, id, null, r.toString());
            services.listener().jobReplanned(jobId, id, r);
        }
        if (newReducer) {
            JobMeta m = c.meta.withDataId(0);
            if (m.reducer().equals(id)) {
                expectStreams(m, k);
            } else {
                send(m.reducer(), new Message.SetMapCount(m, k));
            }
        }
        for (int i = 0; i < k; i++) {
            if (restart[i]) {
                c.epochs[i]++;
                send(c.collectors[i], new Message.Collect(c.meta.withDataId(i + 1).withEpoch(c.epochs[i]), c.mappers[i]));
            }
        }
    }

    /** The first satellite of the AOI that does no work for the job, is not lost and is reachable now; or null. */
    private SatId spare(Coordination c, double now) {
        for (SatId s : c.spec.aoi()) {
            if (!c.lost.contains(s) && !c.holds(s) && reachable(s, now)) {
                return s;
            }
        }
        return null;
    }

    private void failNoSpare(Coordination c, String role, SatId sat, String reason) {
        publish(outcome(c, false, "no re-plan possible: no spare satellite left for the " + role + " (lost " + sat
                + ": " + reason + ")" + lostSoFar(c), null));
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
        return outcome(c, done, error, result, now);
    }

    /** @param reducedS when the reducer finished reducing (for a failed job: now) */
    private JobOutcome outcome(Coordination c, boolean done, String error, Record result, double reducedS) {
        double now = services.clock().nowS();
        return new JobOutcome(c.meta.jobId(), done, error, result, c.meta.jobStartS(), now - c.meta.jobStartS(),
                reducedS - c.meta.jobStartS(), id, c.meta.reducer(), c.plan.allocations(), c.plan.distance(),
                c.plan.reduceDistance(), c.replans);
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
            return m.accept(handler);
        } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
            return taskFailed(m.meta(), m.action(), e);
        }
    }

    /** A task's bug (or a user jar missing a class) fails its job, never the satellite: nothing of the step is sent. */
    private double taskFailed(JobMeta meta, String step, Throwable e) {
        pendingSends.clear();
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        fail(meta, step + " failed on " + id + ": " + why);
        return 0.0;
    }

    /** What this satellite does with each message type; returns the busy time. Task exceptions pass through, wrapped. */
    private final Message.Visitor<Double> handler = new Message.Visitor<>() {
        public Double collect(Message.Collect m) {
            return unchecked(() -> SatelliteNode.this.collect(m));
        }

        public Double mapBatch(Message.MapBatch m) {
            return unchecked(() -> map(m));
        }

        public Double reduceBatch(Message.ReduceBatch m) {
            return SatelliteNode.this.reduceBatch(m);
        }

        public Double setMapCount(Message.SetMapCount m) {
            expectStreams(m.meta(), m.streams());
            return 0.0;
        }

        public Double reduceResponse(Message.ReduceResponse m) {
            Coordination c = coordinating.get(m.jobId());
            if (c != null) {
                publish(outcome(c, true, null, m.result(), m.reducedS()));
            }
            return 0.0;
        }

        public Double peerLost(Message.PeerLost m) {
            lost(m.jobId(), m.lost(), m.reason());
            return 0.0;
        }

        public Double jobFailed(Message.JobFailed m) {
            Coordination c = coordinating.get(m.jobId());
            if (c != null) {
                publish(outcome(c, false, m.reason(), null));
            }
            return 0.0;
        }
    };

    /** A task step that may throw a checked exception (a task's), for a visitor method that may not. */
    private interface TaskStep {
        double run() throws Exception;
    }

    private static double unchecked(TaskStep step) {
        try {
            return step.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new TaskFailure(e);
        }
    }

    /** A task's checked exception on its way out of the handler; its message is the task's. */
    private static final class TaskFailure extends RuntimeException {
        TaskFailure(Exception cause) {
            super(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage(), cause);
        }
    }

    private TaskContext context(JobMeta meta) {
        return new TaskContext(meta.jobId(), meta.dataId(), meta.dataSize(), meta.jobData(), id, services.dataFiles());
    }

    /**
     * A collector's share being read and sent on: the batch read but not sent yet (the one after it says whether it is
     * the last), and what was sent so far.
     */
    private static final class Collecting {
        final Message.Collect order;
        final Collector collector;
        final Collector.Share share;
        List<Record> held;
        int sent;
        int records;
        long bytes;

        Collecting(Message.Collect order, Collector collector, Collector.Share share) {
            this.order = order;
            this.collector = collector;
            this.share = share;
        }
    }

    /** How long a collector paused on what waits to leave waits before it looks again (s; never in the simulator). */
    static final double COLLECT_PAUSE_S = 0.05;

    private double collect(Message.Collect c) throws Exception {
        JobMeta meta = c.meta();
        Collector collector = services.tasks().collector(meta.collectTask())
                .orElseThrow(() -> new IllegalArgumentException("unknown collect_task '" + meta.collectTask() + "'"));
        collecting.remove(meta.jobId()); // an earlier epoch's share part-way read: this order starts it over
        trace("task_started", meta.jobId(), null, "collect", id, null, meta.collectTask());
        return collectSome(new Collecting(c, collector, collector.open(context(meta))));
    }

    /**
     * Reads and sends batches of {@code run} until the share ends or this satellite has sent what the transport lets
     * it have waiting to leave ({@link Transport#collectAllowance}; the simulator's is unbounded, so a share goes out
     * in one step there); then the rest waits, {@link #COLLECT_PAUSE_S} at a time, until the transport lets it go on.
     */
    private double collectSome(Collecting run) throws Exception {
        JobMeta meta = run.order.meta();
        int max = meta.maxCollectRecords();
        long allowance = services.transport().collectAllowance(id);
        Combiner combiner = !meta.skipMap() ? null : services.tasks().combiner(meta.combineTask())
                .orElseThrow(() -> new IllegalArgumentException("unknown combine_task '" + meta.combineTask() + "'"));
        if (run.held == null) {
            run.held = run.share.next(max);
        }
        int records = 0;
        long bytes = 0;
        boolean last;
        do {
            List<Record> batch = run.held;
            List<Record> following = batch.isEmpty() ? List.of() : run.share.next(max);
            last = following.isEmpty(); // an empty share still sends one empty batch: its stream ends
            if (combiner != null) {
                Record combined = combiner.combine(context(meta), batch);
                send(meta.reducer(), new Message.ReduceBatch(meta, id, run.sent, last, List.of(combined)));
            } else {
                send(run.order.mapper(), new Message.MapBatch(meta, id, run.sent, last, batch));
            }
            run.sent++;
            records += batch.size();
            bytes += MessageSize.records(batch);
            run.held = following;
        } while (!last && bytes < allowance);
        run.records += records;
        run.bytes += bytes;
        double busyS = services.processing().collectS(run.collector, records, bytes);
        if (combiner != null) {
            busyS += services.processing().mapS(combiner, records, bytes);
        }
        if (last) {
            collecting.remove(meta.jobId());
            trace("task_finished", meta.jobId(), null, "collect", id, run.bytes, run.records + " records");
        } else {
            collecting.put(meta.jobId(), run);
            collectPauses.incrementAndGet();
            expireAfterDeadline(meta); // a share still paused past the deadline is dropped
            resumeLater(run);
        }
        return busyS;
    }

    /** Goes on with {@code run} once the transport lets this satellite send more, unless its job is gone from here. */
    private void resumeLater(Collecting run) {
        String job = run.order.jobId();
        services.clock().schedule(COLLECT_PAUSE_S, () -> {
            if (crashed || collecting.get(job) != run) {
                return; // crashed, expired, or started over by a later order
            }
            if (services.transport().collectAllowance(id) <= 0) {
                resumeLater(run);
                return;
            }
            enqueue(() -> {
                if (collecting.get(job) != run) {
                    return 0.0;
                }
                try {
                    return collectSome(run);
                } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
                    collecting.remove(job);
                    return taskFailed(run.order.meta(), run.order.action(), e);
                }
            });
        });
    }

    private double map(Message.MapBatch b) throws Exception {
        JobMeta meta = b.meta();
        Map<StreamId, Stream> streams = mapStreams.computeIfAbsent(meta.jobId(), k -> new HashMap<>());
        expireAfterDeadline(meta);
        StreamId key = new StreamId(b.collector(), meta.epoch());
        Stream s = streams.computeIfAbsent(key, k -> new Stream());
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
            // Keep only the mark that the stream is complete: a late duplicate must not open a new stream,
            // whose renumbered output could take the place of a real batch at the reducer.
            streams.put(key, Stream.DONE);
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
        int laneId = b.meta().dataId();
        int epoch = b.meta().epoch();
        Lane lane = r.lanes.computeIfAbsent(laneId, k -> new Lane(epoch));
        if (epoch < lane.epoch) {
            return 0.0; // a stream the coordinator has replaced
        }
        if (epoch > lane.epoch) {
            // the coordinator re-planned this data id: its new stream replaces whatever came of the old one
            lane.epoch = epoch;
            lane.stream = new Stream();
            for (Part p : r.parts) {
                if (p.lane() == laneId) {
                    r.records -= p.records().size();
                    r.bytes -= MessageSize.records(p.records());
                }
            }
            r.parts.removeIf(p -> p.lane() == laneId);
        }
        if (!lane.stream.accept(b.index(), b.endMap())) {
            return 0.0; // duplicate
        }
        long bytes = MessageSize.records(b.records());
        r.records += b.records().size();
        r.bytes += bytes;
        try {
            FoldingReducer.Fold fold = r.fold(this);
            if (fold != null) {
                fold.add(b.records());
            } else {
                r.parts.add(new Part(laneId, b.records()));
            }
        } catch (Exception e) {
            // the job fails: what was folded so far is dropped, and its later batches are ignored
            reducing.remove(b.jobId());
            reducedJobs.add(b.jobId());
            throw new IllegalStateException("reduce_task '" + b.meta().reduceTask() + "' failed: " + e.getMessage(), e);
        }
        return services.processing().reduceS(b.records().size(), bytes) + maybeReduce(r);
    }

    /** Reduces once every expected stream is complete; returns the busy time of the reduction. */
    private double maybeReduce(ReduceState r) {
        if (r.expectedStreams < 0 || r.lanes.size() < r.expectedStreams) {
            return 0.0;
        }
        for (Lane lane : r.lanes.values()) {
            if (!lane.stream.complete()) {
                return 0.0;
            }
        }
        JobMeta meta = r.meta;
        Reducer reducer = reducer(meta);
        trace("task_started", meta.jobId(), null, "reduce", id, null, meta.reduceTask());
        Record result;
        try {
            if (r.fold(this) != null) {
                result = r.fold.result();
            } else {
                List<Record> records = new ArrayList<>();
                for (Part p : r.parts) {
                    records.addAll(p.records());
                }
                result = reducer.reduce(context(meta), records);
            }
        } catch (Exception e) {
            throw new IllegalStateException("reduce_task '" + meta.reduceTask() + "' failed: " + e.getMessage(), e);
        }
        trace("task_finished", meta.jobId(), null, "reduce", id, r.bytes, r.records + " records");
        reducing.remove(meta.jobId());
        reducedJobs.add(meta.jobId());
        send(meta.los(), new Message.ReduceResponse(meta, result, id, services.clock().nowS()));
        return services.processing().reduceS(reducer, r.records, r.bytes);
    }

    private Reducer reducer(JobMeta meta) {
        return services.tasks().reducer(meta.reduceTask())
                .orElseThrow(() -> new IllegalArgumentException("unknown reduce_task '" + meta.reduceTask() + "'"));
    }

    /** A mapper's input stream: one collector's batches of one epoch of the job's plan. */
    private record StreamId(SatId collector, int epoch) {
    }

    /** A numbered stream of batches: complete when the last one (carrying the count) and all before it arrived. */
    private static final class Stream {
        /** A complete stream whose batches are no longer kept (never given to {@link #accept}). */
        static final Stream DONE = new Stream(0);

        private final Set<Integer> seen = new HashSet<>();
        private int total;
        int emitted;

        Stream() {
            this(-1);
        }

        private Stream(int total) {
            this.total = total;
        }

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

    /** The reducer's stream of one data id: the latest epoch's. */
    private static final class Lane {
        int epoch;
        Stream stream = new Stream();

        Lane(int epoch) {
            this.epoch = epoch;
        }
    }

    /** Records of one data id, in arrival order among all parts. */
    private record Part(int lane, List<Record> records) {
    }

    /**
     * What the reducer holds of one job until it reduces: the streams, and either a running result (a
     * {@link FoldingReducer} in a job that does not re-plan: each batch is folded in and dropped) or every
     * batch's records (any other reducer, or a job whose streams a later epoch may replace).
     */
    private static final class ReduceState {
        final JobMeta meta;
        int expectedStreams = -1;
        /** By data id. */
        final Map<Integer, Lane> lanes = new HashMap<>();
        final List<Part> parts = new ArrayList<>();
        /** The running result, made at the first batch when the job folds (see {@link #fold(SatelliteNode)}). */
        FoldingReducer.Fold fold;
        private boolean foldChecked;
        /** Records and bytes taken in so far (what the reduction is charged for). */
        int records;
        long bytes;

        ReduceState(JobMeta meta) {
            this.meta = meta;
        }

        /** The job's running result, started on first use; null when its batches are kept whole instead. */
        FoldingReducer.Fold fold(SatelliteNode node) throws Exception {
            if (!foldChecked) {
                foldChecked = true;
                if (!meta.replans() && node.reducer(meta) instanceof FoldingReducer f) {
                    fold = f.start(node.context(meta));
                }
            }
            return fold;
        }
    }

    private void trace(String type, String jobId, Long msgId, String action, SatId at, Long bytes, String detail) {
        TraceSink t = services.trace();
        if (t.enabled()) {
            t.emit(new TraceEvent(services.clock().nowS(), type, jobId, msgId, action, null, null, TraceSink.sat(at), bytes, detail));
        }
    }
}
