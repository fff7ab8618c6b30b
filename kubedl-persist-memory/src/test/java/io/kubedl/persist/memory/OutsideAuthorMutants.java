package io.kubedl.persist.memory;

import static io.kubedl.persist.tck.ContractRule.D1;
import static io.kubedl.persist.tck.ContractRule.D4;
import static io.kubedl.persist.tck.ContractRule.P3;
import static io.kubedl.persist.tck.ContractRule.P4;
import static io.kubedl.persist.tck.ContractRule.Q1;
import static io.kubedl.persist.tck.ContractRule.Q2;
import static io.kubedl.persist.tck.ContractRule.Q3;
import static io.kubedl.persist.tck.ContractRule.T1;
import static io.kubedl.persist.tck.ContractRule.V1;
import static io.kubedl.persist.tck.ContractRule.V2;

import io.kubedl.persist.PersistException;
import io.kubedl.persist.model.JobKey;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.JobStatus;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.PodStatus;
import io.kubedl.persist.model.WriteOutcome;
import io.kubedl.persist.query.JobQuery;
import io.kubedl.persist.query.PodQuery;
import io.kubedl.persist.spi.RowRules;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.UnaryOperator;

/**
 * Mistakes an outside plugin author made while certifying a provider written from the
 * docs alone (issue 14), each of which the TCK of that time let pass. Each mutant here
 * names the tests that were added or strengthened to catch it; {@link TckSelfTest}
 * checks that no other test fails on it, so the table shows each rule earning its place.
 */
final class OutsideAuthorMutants {
    /** The tests added or strengthened for the issue-14 mistakes: only these may kill the mutants below. */
    static final Set<String> NEW_RULES = Set.of(
            "required_Q2_everyFilterSelectsItsRows", "required_Q4_everyPodFilterSelectsItsRows",
            "required_Q6_nameContainsMatchesWildcardsLiterally", "required_Q2_exactFiltersAreCaseSensitive",
            "required_Q1_findLatestBreaksTiesAsTheListingDoes", "optional_D4_podPurgeCountsEveryBatch",
            "optional_D4_purgedJobTakesAllItsPods", "required_D1_everyStatusButSucceededFailedStoppedIsUnfinished",
            "optional_D3_reconcileStopsEveryUnfinishedStatus", "required_T1_removedAtIsTruncatedToTheSecond",
            "required_T1_timesAtBothEndsOfTheRangeRoundTrip", "required_T1_timesDoNotDependOnTheJvmZone",
            "required_P4_everyMethodThrowsIllegalStateAfterClose", "optional_P3_failedOpenDoesNotLeakThePassword",
            "required_D1_saveAndMarkRemovedOfANewIdentityAtOnce", "required_V1_nullArgumentsAreRefusedNamingTheParameter",
            "required_V1_statusWithSurroundingWhitespaceIsRefused", "required_V2_removalTimesOutsideTheRangeAreRefused");

    private OutsideAuthorMutants() {
    }

    static List<Mutant> all() {
        List<Mutant> all = new ArrayList<>();
        all.add(newRule(Mutants.jobs("count ignores the tenant filter", Q3, "the COUNT(*) statement was written apart from the listing's and "
                        + "forgot one condition",
                (gate, table, pods) -> new InMemoryJobs(gate, table, pods) {
                    @Override
                    public long count(JobQuery query) {
                        return super.count(query.toBuilder().tenant(null).build());
                    }
                }, null)));
        all.add(newRule(Mutants.pods("pod count ignores replicaType", Q3, "pod COUNT(*) without the replica_type condition",
                (gate, table) -> new InMemoryPods(gate, table) {
                    @Override
                    public long count(PodQuery query) {
                        return super.count(query.toBuilder().replicaType(null).build());
                    }
                })));
        all.add(newRule(Mutants.jobs("findLatest breaks ties the other way", Q1, "ORDER BY gmt_created DESC, id ASC LIMIT 1 while the "
                        + "listing orders by id DESC",
                (gate, table, pods) -> new InMemoryJobs(gate, table, pods) {
                    @Override
                    public Optional<JobRecord> findLatest(String namespace, String name, String kind) {
                        return table.rows().filter(r -> r.record().namespace().equals(namespace) && r.record().name().equals(name)
                                        && r.record().kind().equals(kind))
                                .min(Comparator.comparing((MemoryTable.Row<JobRecord> r) -> r.record().gmtCreated()).reversed()
                                        .thenComparingLong(MemoryTable.Row::seq))
                                .map(MemoryTable.Row::record);
                    }
                }, null)));
        all.add(newRule(Mutants.jobs("exact filters ignore case", Q2, "a case-insensitive collation (utf8mb4_general_ci, SQLite NOCASE) "
                        + "on name, tenant and owner",
                (gate, table, pods) -> new InMemoryJobs(gate, table, pods) {
                    @Override
                    boolean matches(JobQuery q, JobRecord job) {
                        return super.matches(q.toBuilder().name(null).tenant(null).owner(null).build(), job)
                                && q.name().map(job.name()::equalsIgnoreCase).orElse(true)
                                && q.tenant().map(t -> t.equalsIgnoreCase(job.tenant())).orElse(true)
                                && q.owner().map(o -> o.equalsIgnoreCase(job.owner())).orElse(true);
                    }
                }, null)));
        all.add(newRule(Mutants.pods("pod purge stops after its first batch", D4, "the batch loop was written for jobs only: pods are "
                        + "purged 500 at most per call",
                (gate, table) -> new InMemoryPods(gate, table) {
                    @Override
                    public int purge(Instant finishedBefore) {
                        gate.checkOpen();
                        AtomicInteger batch = new AtomicInteger();
                        return table.deleteWhere(pod -> !pod.inEtcd() && pod.gmtFinished() != null
                                && pod.gmtFinished().isBefore(finishedBefore) && batch.incrementAndGet() <= 500).size();
                    }
                })));
        // not a mistake the old TCK missed (the purge test's pods were in etcd), but the rule that a purged job takes them is now written down
        all.add(Mutants.jobs("purge leaves the job's pods in etcd", D4, "DELETE FROM pod_info WHERE job_id IN (...) AND "
                        + "is_in_etcd = 0: the purged job's other pods stay as orphans",
                (gate, table, pods) -> new InMemoryJobs(gate, table, pods) {
                    @Override
                    public int purge(Instant finishedBefore) {
                        gate.checkOpen();
                        List<JobRecord> purged = table.deleteWhere(job -> purges(job, finishedBefore));
                        purged.forEach(job -> this.pods.deleteWhere(pod -> !pod.inEtcd() && pod.region().equals(job.region())
                                && pod.jobId().equals(job.jobId())));
                        return purged.size();
                    }
                }, null));
        all.add(newRule(Mutants.jobTable("finished by exclusion", D1, "status NOT IN ('Created', 'Running', 'Restarting'): a Suspended "
                        + "job keeps its status when removed",
                (validator, clock) -> new JobTable(validator, clock) {
                    @Override
                    JobRecord removed(JobRecord stored, Instant at) {
                        boolean running = List.of(JobStatus.CREATED, JobStatus.RUNNING, JobStatus.RESTARTING).contains(stored.status());
                        return running ? super.removed(stored, at) : stored.toBuilder().inEtcd(false)
                                .gmtFinished(stored.gmtFinished() != null ? stored.gmtFinished() : at).build();
                    }
                })));
        all.add(newRule(Mutants.podTable("pod finished by exclusion", D1, "status NOT IN ('Pending', 'Running'): a pod in Unknown keeps "
                        + "its status when removed",
                (validator, clock) -> new PodTable(validator, clock) {
                    @Override
                    PodRecord removed(PodRecord stored, Instant at) {
                        boolean running = List.of(PodStatus.PENDING, PodStatus.RUNNING).contains(stored.status());
                        return running ? super.removed(stored, at) : stored.toBuilder().inEtcd(false)
                                .gmtFinished(stored.gmtFinished() != null ? stored.gmtFinished() : at).build();
                    }
                })));
        all.add(newRule(Mutants.jobs("removedAt rounded", T1, "the removal time is bound as a fractional DATETIME and the column rounds it",
                (gate, table, pods) -> new InMemoryJobs(gate, table, pods) {
                    @Override
                    public WriteOutcome markRemoved(JobKey key, Instant removedAt) {
                        return super.markRemoved(key, removedAt == null ? null : removedAt.plusMillis(500).truncatedTo(ChronoUnit.SECONDS));
                    }
                }, null)));
        all.add(newRule(Mutants.jobTable("times as 32-bit epoch seconds", T1, "an INT column of epoch seconds: 2040 reads back as 1903",
                (validator, clock) -> new JobTable(validator, clock) {
                    @Override
                    JobRecord inserted(JobRecord job) {
                        UnaryOperator<Instant> int32 = t -> t == null ? null : Instant.ofEpochSecond((int) t.getEpochSecond());
                        JobRecord row = super.inserted(job);
                        return row.toBuilder().gmtCreated(int32.apply(row.gmtCreated())).gmtModified(int32.apply(row.gmtModified()))
                                .gmtRunning(int32.apply(row.gmtRunning())).gmtFinished(int32.apply(row.gmtFinished())).build();
                    }
                })));
        all.add(newRule(Mutants.jobs("times in the JVM's zone", T1, "Timestamp.valueOf(LocalDateTime.ofInstant(t, ZoneId.systemDefault())): "
                        + "round-trips inside one JVM zone only",
                (gate, table, pods) -> new InMemoryJobs(gate, table, pods) {
                    @Override
                    public WriteOutcome save(JobRecord job) {
                        return super.save(job == null ? null : shifted(job, +1));
                    }

                    @Override
                    public Optional<JobRecord> get(JobKey key) {
                        return super.get(key).map(job -> shifted(job, -1));
                    }
                }, null)));
        all.add(newRule(Mutants.jobs("markRemovedAll works after close", P4, "markRemovedAll was overridden for speed and forgot the "
                        + "closed check every other method has",
                (gate, table, pods) -> new InMemoryJobs(gate, table, pods) {
                    @Override
                    public List<WriteOutcome> markRemovedAll(List<JobKey> keys, Instant removedAt) {
                        return keys.stream().map(key -> table.markRemoved(key, removedAt)).toList();
                    }
                }, null)));
        all.add(newRule(Mutants.reference("password in a failed open's message", P3, "the driver's connection error quotes the JDBC URL "
                        + "with its password", () -> {
                    throw new PersistException("cannot open mem://localhost/kubedl",
                            new IllegalStateException("connection refused: mem://kubedl:" + MutantTckRun.SECRET + "@localhost/kubedl"));
                })));
        all.add(newRule(Mutants.jobs("markRemoved answers UNCHANGED in a race", D1, "an UPDATE that matched no row, then a separate read "
                        + "that finds the row a concurrent save just inserted: UNCHANGED without looking at inEtcd",
                (gate, table, pods) -> new InMemoryJobs(gate, table, pods) {
                    @Override
                    public WriteOutcome markRemoved(JobKey key, Instant removedAt) {
                        WriteOutcome outcome = super.markRemoved(key, removedAt);
                        if (outcome != WriteOutcome.NOT_FOUND) {
                            return outcome;
                        }
                        // the round trip between the UPDATE and the existence read of a real database
                        LockSupport.parkNanos(200_000);
                        return table.get(key).isPresent() ? WriteOutcome.UNCHANGED : WriteOutcome.NOT_FOUND;
                    }
                }, null)));
        all.add(newRule(Mutants.jobs("get(null) answers empty", V1, "a null key is looked up like any other and finds nothing",
                (gate, table, pods) -> new InMemoryJobs(gate, table, pods) {
                    @Override
                    public Optional<JobRecord> get(JobKey key) {
                        return key == null ? Optional.empty() : super.get(key);
                    }
                }, null)));
        all.add(newRule(Mutants.jobTable("status with whitespace accepted", V1, "only names and identities are checked for surrounding "
                        + "whitespace: 'Failed ' is stored",
                (validator, clock) -> new JobTable(validator, clock) {
                    @Override
                    JobRecord checked(JobRecord job) {
                        if (job != null && !job.status().value().isBlank()) {
                            super.checked(job.withStatus(JobStatus.of(job.status().value().strip())));
                            return job;
                        }
                        return super.checked(job);
                    }
                })));
        all.add(newRule(Mutants.jobs("removal time not range-checked", V2, "markRemoved writes any instant: the row then cannot be saved "
                        + "again, or the server answers with its own error",
                (gate, table, pods) -> new InMemoryJobs(gate, table, pods) {
                    @Override
                    public WriteOutcome markRemoved(JobKey key, Instant removedAt) {
                        gate.checkOpen();
                        if (key == null || removedAt == null) {
                            return super.markRemoved(key, removedAt);
                        }
                        WriteOutcome[] outcome = {WriteOutcome.NOT_FOUND};
                        table.rows.computeIfPresent(key, (k, stored) -> {
                            outcome[0] = stored.record().inEtcd() ? WriteOutcome.UPDATED : WriteOutcome.UNCHANGED;
                            return stored.record().inEtcd()
                                    ? stored.with(RowRules.removed(stored.record(), removedAt.truncatedTo(ChronoUnit.SECONDS))) : stored;
                        });
                        return outcome[0];
                    }
                }, null)));
        return all;
    }

    private static Mutant newRule(Mutant mutant) {
        return mutant.onlyKilledBy(NEW_RULES);
    }

    /** Shifts every time by the JVM zone's offset, as a column written and read through the default zone does. */
    private static JobRecord shifted(JobRecord job, int direction) {
        UnaryOperator<Instant> shift = t -> t == null ? null
                : t.plusSeconds((long) direction * ZoneId.systemDefault().getRules().getOffset(t).getTotalSeconds());
        return job.toBuilder().gmtCreated(shift.apply(job.gmtCreated())).gmtModified(shift.apply(job.gmtModified()))
                .gmtRunning(shift.apply(job.gmtRunning())).gmtFinished(shift.apply(job.gmtFinished())).build();
    }
}
