package io.kubedl.persist.reliability.races;

import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.JobStatus;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.PodStatus;
import io.kubedl.persist.reliability.model.FinalStateOracle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What the racing threads write: every version of every identity as one task, all
 * shuffled together and dealt to the threads. An identity in the removed set is
 * removed by the thread that saves its highest version, right after that save, so
 * the final state is known: highest version, then removed (D1); a save of an even
 * higher version issued after the removal MUST be STALE (W8).
 *
 * <p>Statuses never revisit an earlier value and each record's gmtModified is the
 * time of its status transition, so the final row does not depend on which
 * intermediate versions a thread happened to apply.
 */
final class RacePlan {
    static final String REGION = "race";
    static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");
    static final Instant REMOVED_AT = Instant.parse("2026-05-01T01:00:00Z");

    /** One save the threads race on. */
    record Task(JobRecord job, PodRecord pod, boolean highest, boolean remove) {
    }

    final int versions;
    final List<JobRecord> highestJobs = new ArrayList<>();
    final List<PodRecord> highestPods = new ArrayList<>();
    final List<List<Task>> perThread = new ArrayList<>();
    final Map<Object, Boolean> removed = new HashMap<>();

    RacePlan(long seed, int jobs, int pods, int versions, int threads, int removeEvery) {
        this.versions = versions;
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            boolean remove = i % removeEvery == 0;
            for (int v = 1; v <= versions; v++) {
                JobRecord job = job(i, v);
                tasks.add(new Task(job, null, v == versions, remove));
                if (v == versions) {
                    highestJobs.add(job);
                    removed.put(job.key(), remove);
                }
            }
        }
        for (int i = 0; i < pods; i++) {
            boolean remove = i % removeEvery == 1;
            for (int v = 1; v <= versions; v++) {
                PodRecord pod = pod(i, v);
                tasks.add(new Task(null, pod, v == versions, remove));
                if (v == versions) {
                    highestPods.add(pod);
                    removed.put(pod.key(), remove);
                }
            }
        }
        Collections.shuffle(tasks, new Random(seed));
        for (int t = 0; t < threads; t++) {
            perThread.add(new ArrayList<>());
        }
        for (int i = 0; i < tasks.size(); i++) {
            perThread.get(i % threads).add(tasks.get(i));
        }
    }

    /** @return the rows the store MUST hold afterwards */
    FinalStateOracle oracle() {
        Map<io.kubedl.persist.model.JobKey, JobRecord> jobs = new HashMap<>();
        for (JobRecord job : highestJobs) {
            jobs.put(job.key(), removed.get(job.key()) ? FinalStateOracle.removed(job, REMOVED_AT) : job);
        }
        Map<io.kubedl.persist.model.PodKey, PodRecord> pods = new HashMap<>();
        for (PodRecord pod : highestPods) {
            pods.put(pod.key(), removed.get(pod.key()) ? FinalStateOracle.removed(pod, REMOVED_AT) : pod);
        }
        return new FinalStateOracle(jobs, pods);
    }

    static JobRecord job(int i, int v) {
        boolean running = v > 2;
        return JobRecord.builder().region(REGION).jobId("race-job-" + i).name("race-" + i).namespace("ns-" + (i % 5))
                .kind("PyTorchJob").version(Long.toString(1_000L * i + v))
                .status(running ? JobStatus.RUNNING : JobStatus.CREATED).remark("v" + v).owner("owner-" + v)
                .gmtCreated(T0).gmtModified(running ? T0.plusSeconds(3) : T0)
                .gmtRunning(running ? T0.plusSeconds(3) : null).build();
    }

    static PodRecord pod(int i, int v) {
        boolean running = v > 2;
        return PodRecord.builder().region(REGION).podId("race-pod-" + i).name("race-" + (i / 4) + "-worker-" + (i % 4))
                .namespace("ns-" + (i % 5)).jobId("race-job-" + (i / 4)).version(Long.toString(1_000L * i + v))
                .status(running ? PodStatus.RUNNING : PodStatus.PENDING).image("img:" + v).replicaType("worker")
                .hostIp(running ? "10.0.0." + (i % 200) : null).remark("v" + v).gmtCreated(T0)
                .gmtModified(running ? T0.plusSeconds(3) : T0).gmtStarted(running ? T0.plusSeconds(3) : null).build();
    }
}
