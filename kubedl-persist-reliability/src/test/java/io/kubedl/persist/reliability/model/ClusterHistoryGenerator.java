package io.kubedl.persist.reliability.model;

import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.JobStatus;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.PodStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates what a KubeDL controller sees: jobs of several kinds, each with 2..8 pods,
 * moving Created/Pending -> Running (with status noise) -> Succeeded/Failed or left
 * running; resourceVersions from one cluster-wide counter that crosses a digit
 * boundary (999999 -> 1000000, KEP-5504 "longer is newer"); ~5% duplicates and ~5%
 * out-of-order deliveries; removals from etcd at the end; and a few stale saves
 * re-delivered after removal.
 *
 * <p>The model keeps the final state independent of which intermediate versions a
 * store (or a coalescing write-behind) actually applies: statuses never revisit an
 * earlier value, each record's gmtModified is the time of its status transition, and
 * gmtRunning/gmtStarted/gmtFinished are carried forward once set.
 */
public final class ClusterHistoryGenerator {
    private static final String[] KINDS = {"TFJob", "PyTorchJob", "XGBoostJob", "MPIJob"};
    private static final String[] REPLICAS = {"worker", "ps", "chief", "master"};
    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private final long seed;
    private final int targetEvents;
    private final String region;
    private final String prefix;

    /**
     * @param seed the random seed; the same seed gives the same history
     * @param targetEvents roughly how many events to produce (saves, then removals)
     * @param region the deploy region of every object
     * @param prefix prefix of every UID and name, so that runs in one database do not collide
     */
    public ClusterHistoryGenerator(long seed, int targetEvents, String region, String prefix) {
        this.seed = seed;
        this.targetEvents = targetEvents;
        this.region = region;
        this.prefix = prefix;
    }

    /** @return the generated history */
    public ClusterHistory generate() {
        Random random = new Random(seed);
        Simulation sim = new Simulation(random);
        int saveBudget = (int) (targetEvents * 0.85);
        while (sim.saves.size() < saveBudget) {
            // about 200 objects in flight at once interleave their events as a busy cluster does
            if (sim.active.size() < 200) {
                sim.createJob();
            } else {
                sim.advance(random.nextInt(sim.active.size()));
            }
        }
        List<WatchEvent> events = new ArrayList<>(sim.saves);
        int duplicates = 0;
        int reordered = 0;
        for (int i = 0; i < events.size() - 4; i++) {
            int dice = random.nextInt(100);
            if (dice < 5) {
                int j = i + 1 + random.nextInt(3);
                WatchEvent swapped = events.get(i);
                events.set(i, events.get(j));
                events.set(j, swapped);
                reordered++;
            } else if (dice < 10) {
                int at = Math.min(events.size(), i + 2 + random.nextInt(50));
                events.add(at, events.get(i));
                duplicates++;
            }
        }
        List<Lifecycle<?>> removed = sim.removed(random);
        java.util.Collections.shuffle(removed, random);
        for (Lifecycle<?> life : removed) {
            events.add(life.removal(sim.tick()));
        }
        int lateStale = 0;
        for (int i = 0; i < removed.size() / 50; i++) {
            events.add(removed.get(random.nextInt(removed.size())).firstEvent());
            lateStale++;
        }
        return new ClusterHistory(events, sim.jobCount, sim.podCount, duplicates, reordered, removed.size(), lateStale);
    }

    /** The cluster as it evolves; one save event per step. */
    private final class Simulation {
        private final Random random;
        private final List<WatchEvent> saves = new ArrayList<>();
        private final List<Lifecycle<?>> active = new ArrayList<>();
        private final List<Lifecycle<?>> all = new ArrayList<>();
        private long revision = 999_000;
        private Instant clock = EPOCH;
        private int jobCount;
        private int podCount;

        Simulation(Random random) {
            this.random = random;
        }

        String nextRevision() {
            return Long.toString(++revision);
        }

        Instant tick() {
            clock = clock.plusSeconds(1);
            return clock;
        }

        void createJob() {
            int n = jobCount++;
            String kind = KINDS[random.nextInt(KINDS.length)];
            String jobId = prefix + "-job-" + n;
            String name = prefix + "-" + kind.toLowerCase(java.util.Locale.ROOT) + "-" + n;
            Instant created = tick();
            JobRecord job = JobRecord.builder().region(region).jobId(jobId).name(name).namespace("ns-" + (n % 7))
                    .kind(kind).version(nextRevision()).status(JobStatus.CREATED).tenant("tenant-" + (n % 3))
                    .owner("owner-" + (n % 11)).resources("{\"Worker\":{\"replicas\":" + (n % 8 + 2) + "}}")
                    .gmtCreated(created).gmtModified(created).build();
            JobLifecycle life = new JobLifecycle(job, random.nextInt(3), random.nextInt(10));
            emit(life);
            int pods = 2 + random.nextInt(7);
            for (int p = 0; p < pods; p++) {
                String replica = REPLICAS[p == 0 ? 1 : 0];
                String podName = name + "-" + replica + "-" + p;
                Instant podCreated = tick();
                PodRecord pod = PodRecord.builder().region(region).podId(prefix + "-pod-" + n + "-" + p).name(podName)
                        .namespace(job.namespace()).jobId(jobId).version(nextRevision()).status(PodStatus.PENDING)
                        .replicaType(replica).image("registry.local/train:" + (n % 5))
                        .resources("{\"cpu\":\"" + (p + 1) + "\"}").gmtCreated(podCreated).gmtModified(podCreated)
                        .build();
                podCount++;
                emit(new PodLifecycle(pod, random.nextInt(3), random.nextInt(10)));
            }
        }

        /** Records the object's current state as an event; a new object joins the cluster. */
        void emit(Lifecycle<?> life) {
            saves.add(life.event());
            if (!life.done()) {
                active.add(life);
            }
            all.add(life);
        }

        void advance(int index) {
            Lifecycle<?> life = active.get(index);
            life.step(nextRevision(), tick());
            saves.add(life.event());
            if (life.done()) {
                // swap-remove keeps this O(1); the order of the active list carries no meaning
                active.set(index, active.get(active.size() - 1));
                active.remove(active.size() - 1);
            }
        }

        List<Lifecycle<?>> removed(Random random) {
            List<Lifecycle<?>> removed = new ArrayList<>();
            for (Lifecycle<?> life : all) {
                // finished objects are usually garbage-collected; running ones only sometimes
                if (random.nextInt(100) < (life.finished() ? 60 : 40)) {
                    removed.add(life);
                }
            }
            return removed;
        }
    }

    /**
     * One object's walk through its statuses: first it starts running, then a few
     * steps of noise, then it ends (Succeeded 5 in 10, Failed 3 in 10) or, 2 in 10,
     * it stays running with noise.
     *
     * @param <R> JobRecord or PodRecord
     */
    private abstract static class Lifecycle<R> {
        private final R first;
        private R current;
        private final int noise;
        final int fate;
        private int steps;

        Lifecycle(R first, int noise, int fate) {
            this.first = first;
            this.current = first;
            this.noise = noise;
            this.fate = fate;
        }

        /** @return the record saved at this version and time, now running */
        abstract R started(R current, String version, Instant at);

        /** @return the record with this step's noise, status unchanged */
        abstract R noisy(R current, String version, int step);

        /** @return the record ended at this version and time */
        abstract R ended(R current, String version, Instant at, boolean succeeded);

        abstract WatchEvent saved(R record);

        abstract WatchEvent removed(R record, Instant at);

        abstract boolean isFinished(R record);

        final WatchEvent event() {
            return saved(current);
        }

        final WatchEvent firstEvent() {
            return saved(first);
        }

        final void step(String version, Instant at) {
            steps++;
            if (steps == 1) {
                current = started(current, version, at);
            } else if (steps <= 1 + noise || fate < 2) {
                current = noisy(current, version, steps);
            } else {
                current = ended(current, version, at, fate < 7);
            }
        }

        final boolean done() {
            return finished() || (fate < 2 && steps >= 1 + noise);
        }

        final boolean finished() {
            return isFinished(current);
        }

        final WatchEvent removal(Instant at) {
            return removed(current, at);
        }
    }

    /** Created -> Running -> noise -> Succeeded, Failed, or left running. */
    private static final class JobLifecycle extends Lifecycle<JobRecord> {
        JobLifecycle(JobRecord first, int noise, int fate) {
            super(first, noise, fate);
        }

        @Override
        JobRecord started(JobRecord job, String version, Instant at) {
            return job.toBuilder().version(version).status(JobStatus.RUNNING).gmtModified(at).gmtRunning(at).build();
        }

        @Override
        JobRecord noisy(JobRecord job, String version, int step) {
            return job.toBuilder().version(version).remark("step " + step)
                    .resources("{\"Worker\":{\"replicas\":" + step + "}}").build();
        }

        @Override
        JobRecord ended(JobRecord job, String version, Instant at, boolean succeeded) {
            JobStatus end = succeeded ? JobStatus.SUCCEEDED : JobStatus.FAILED;
            return job.toBuilder().version(version).status(end).gmtModified(at).gmtFinished(at).remark(null).build();
        }

        @Override
        WatchEvent saved(JobRecord job) {
            return new WatchEvent.JobSaved(job);
        }

        @Override
        WatchEvent removed(JobRecord job, Instant at) {
            return new WatchEvent.JobRemoved(job.key(), at);
        }

        @Override
        boolean isFinished(JobRecord job) {
            return job.status().isFinished();
        }
    }

    /** Pending -> Running -> noise (restarts) -> Succeeded, Failed, or left running. */
    private static final class PodLifecycle extends Lifecycle<PodRecord> {
        PodLifecycle(PodRecord first, int noise, int fate) {
            super(first, noise, fate);
        }

        @Override
        PodRecord started(PodRecord pod, String version, Instant at) {
            // started is step 1: the host is 10.0.0.(1 + fate)
            return pod.toBuilder().version(version).status(PodStatus.RUNNING).gmtModified(at).gmtStarted(at)
                    .hostIp("10.0.0." + (1 + fate)).podIp("172.16.0." + fate).build();
        }

        @Override
        PodRecord noisy(PodRecord pod, String version, int step) {
            return pod.toBuilder().version(version).remark("restarts " + (step - 1)).build();
        }

        @Override
        PodRecord ended(PodRecord pod, String version, Instant at, boolean succeeded) {
            PodStatus end = succeeded ? PodStatus.SUCCEEDED : PodStatus.FAILED;
            return pod.toBuilder().version(version).status(end).gmtModified(at).gmtFinished(at).podIp(null).build();
        }

        @Override
        WatchEvent saved(PodRecord pod) {
            return new WatchEvent.PodSaved(pod);
        }

        @Override
        WatchEvent removed(PodRecord pod, Instant at) {
            return new WatchEvent.PodRemoved(pod.key(), at);
        }

        @Override
        boolean isFinished(PodRecord pod) {
            return pod.status().isFinished();
        }
    }
}
