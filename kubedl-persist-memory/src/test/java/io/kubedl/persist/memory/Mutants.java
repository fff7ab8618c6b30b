package io.kubedl.persist.memory;

import static io.kubedl.persist.tck.ContractRule.B1;
import static io.kubedl.persist.tck.ContractRule.CAPABILITIES;
import static io.kubedl.persist.tck.ContractRule.D1;
import static io.kubedl.persist.tck.ContractRule.D2;
import static io.kubedl.persist.tck.ContractRule.D3;
import static io.kubedl.persist.tck.ContractRule.D4;
import static io.kubedl.persist.tck.ContractRule.I1;
import static io.kubedl.persist.tck.ContractRule.P1;
import static io.kubedl.persist.tck.ContractRule.P3;
import static io.kubedl.persist.tck.ContractRule.P4;
import static io.kubedl.persist.tck.ContractRule.Q1;
import static io.kubedl.persist.tck.ContractRule.Q2;
import static io.kubedl.persist.tck.ContractRule.Q3;
import static io.kubedl.persist.tck.ContractRule.Q4;
import static io.kubedl.persist.tck.ContractRule.Q5;
import static io.kubedl.persist.tck.ContractRule.Q6;
import static io.kubedl.persist.tck.ContractRule.V1;
import static io.kubedl.persist.tck.ContractRule.V2;
import static io.kubedl.persist.tck.ContractRule.V3;
import static io.kubedl.persist.tck.ContractRule.W1;
import static io.kubedl.persist.tck.ContractRule.W2;
import static io.kubedl.persist.tck.ContractRule.W3;
import static io.kubedl.persist.tck.ContractRule.W4;
import static io.kubedl.persist.tck.ContractRule.W5;
import static io.kubedl.persist.tck.ContractRule.W6;
import static io.kubedl.persist.tck.ContractRule.W7;
import static io.kubedl.persist.tck.ContractRule.W8;

import io.kubedl.persist.model.JobKey;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.ResourceVersion;
import io.kubedl.persist.model.WriteOutcome;
import io.kubedl.persist.query.JobQuery;
import io.kubedl.persist.spi.Capability;
import io.kubedl.persist.spi.FieldLimits;
import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.spi.RecordValidator;
import io.kubedl.persist.tck.ContractRule;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The broken providers the TCK must kill: each breaks one rule the way a real
 * provider does (most are defects KubeDL's Go implementation or typical SQL code has).
 */
final class Mutants {

    /** The first value that is set; the mutants below get a rule of COALESCE wrong on purpose. */
    private static <T> T coalesce(T first, T second) {
        return first != null ? first : second;
    }
    private Mutants() {
    }

    static List<Mutant> all() {
        List<Mutant> all = new ArrayList<>();

        // I1, W1..W8: the write path
        all.add(jobs("identity ignores the region", I1, "keyed by the UID alone, so the same UID in two regions is one row",
                (gate, table, pods) -> new InMemoryJobs(gate, table, pods) {
                    @Override
                    public Optional<JobRecord> get(JobKey key) {
                        return super.get(JobKey.of(key.jobId()));
                    }
                }, (validator, clock) -> new JobTable(validator, clock) {
                    @Override
                    JobKey key(JobRecord job) {
                        return JobKey.of(job.jobId());
                    }
                }));
        all.add(jobTable("insert forgets a column", W1, "the INSERT column list misses gmt_running",
                (validator, clock) -> new JobTable(validator, clock) {
                    @Override
                    JobRecord inserted(JobRecord job) {
                        return super.inserted(job).toBuilder().gmtRunning(null).build();
                    }
                }));
        all.add(podTable("update keeps old text for null", W2, "COALESCE(new, old) on text columns too: a cleared remark or IP stays",
                (validator, clock) -> new PodTable(validator, clock) {
                    @Override
                    PodRecord updated(PodRecord stored, PodRecord incoming, Instant now) {
                        PodRecord updated = super.updated(stored, incoming, now);
                        return updated.toBuilder().remark(coalesce(incoming.remark(), stored.remark()))
                                .resources(coalesce(incoming.resources(), stored.resources())).build();
                    }
                }));
        all.add(jobTable("same version rewrites the row", W3, "version guard >= instead of >: an equal version updates and answers UPDATED",
                (validator, clock) -> new JobTable(validator, clock) {
                    @Override
                    WriteOutcome outcomeOf(JobRecord stored, JobRecord incoming) {
                        WriteOutcome outcome = super.outcomeOf(stored, incoming);
                        return outcome == WriteOutcome.UNCHANGED ? WriteOutcome.UPDATED : outcome;
                    }
                }));
        all.add(jobTable("ignores the version guard", W4, "upsert without the version condition: any other version overwrites",
                (validator, clock) -> new JobTable(validator, clock) {
                    @Override
                    int compareVersions(ResourceVersion incoming, ResourceVersion stored) {
                        return incoming.equals(stored) ? 0 : 1;
                    }
                }));
        all.add(jobTable("answers UNCHANGED for STALE", W4, "an older version is swallowed as UNCHANGED instead of reported STALE",
                (validator, clock) -> new JobTable(validator, clock) {
                    @Override
                    WriteOutcome outcomeOf(JobRecord stored, JobRecord incoming) {
                        WriteOutcome outcome = super.outcomeOf(stored, incoming);
                        return outcome == WriteOutcome.STALE && stored.inEtcd() ? WriteOutcome.UNCHANGED : outcome;
                    }
                }));
        all.add(jobTable("compares versions as strings", W5, "VARCHAR comparison: '9' > '10'",
                (validator, clock) -> new JobTable(validator, clock) {
                    @Override
                    int compareVersions(ResourceVersion incoming, ResourceVersion stored) {
                        return incoming.value().compareTo(stored.value());
                    }
                }));
        all.add(jobTable("compares versions as long", W5, "CAST(version AS UNSIGNED) saturates: 20+ digit versions compare equal",
                (validator, clock) -> new JobTable(validator, clock) {
                    @Override
                    int compareVersions(ResourceVersion incoming, ResourceVersion stored) {
                        return Long.compare(saturated(incoming), saturated(stored));
                    }

                    private long saturated(ResourceVersion v) {
                        return v.value().length() > 18 ? Long.MAX_VALUE : Long.parseLong(v.value());
                    }
                }));
        all.add(jobTable("loses updates under concurrency", W6, "read-then-write in two steps: a slower writer overwrites a newer row",
                (validator, clock) -> new JobTable(validator, clock) {
                    @Override
                    WriteOutcome write(JobRecord job) {
                        Row<JobRecord> stored = rows.get(key(job));
                        // the round trip between the SELECT and the UPDATE of a real database
                        Thread.yield();
                        if (stored == null) {
                            rows.put(key(job), new Row<>(inserted(job), sequence.incrementAndGet()));
                            return WriteOutcome.INSERTED;
                        }
                        WriteOutcome outcome = outcomeOf(stored.record(), job);
                        if (outcome == WriteOutcome.UPDATED) {
                            rows.put(key(job), stored.with(updated(stored.record(), job, now())));
                        }
                        return outcome;
                    }
                }));
        all.add(jobTable("overwrites gmt_created", W7, "the update sets every column, gmt_created too",
                (validator, clock) -> new JobTable(validator, clock) {
                    @Override
                    JobRecord updated(JobRecord stored, JobRecord incoming, Instant now) {
                        return super.updated(stored, incoming, now).toBuilder().gmtCreated(incoming.gmtCreated()).build();
                    }
                }));
        all.add(jobTable("moves gmt_modified without a status change", W7, "gmt_modified = NOW() on every update",
                (validator, clock) -> new JobTable(validator, clock) {
                    @Override
                    JobRecord updated(JobRecord stored, JobRecord incoming, Instant now) {
                        Instant modified = incoming.gmtModified() != null ? incoming.gmtModified() : now;
                        return super.updated(stored, incoming, now).toBuilder().gmtModified(modified).build();
                    }
                }));
        all.add(jobTable("erases gmt_finished with an empty value", W7, "times replaced as given instead of COALESCE(new, old)",
                (validator, clock) -> new JobTable(validator, clock) {
                    @Override
                    JobRecord updated(JobRecord stored, JobRecord incoming, Instant now) {
                        return super.updated(stored, incoming, now).toBuilder()
                                .gmtRunning(incoming.gmtRunning()).gmtFinished(incoming.gmtFinished()).build();
                    }
                }));
        all.add(jobTable("gmt_running takes the newest value", W7, "COALESCE(new, old) on gmt_running: a restart moves the first running time",
                (validator, clock) -> new JobTable(validator, clock) {
                    @Override
                    JobRecord updated(JobRecord stored, JobRecord incoming, Instant now) {
                        return super.updated(stored, incoming, now).toBuilder()
                                .gmtRunning(coalesce(incoming.gmtRunning(), stored.gmtRunning())).build();
                    }
                }));
        all.add(podTable("gmt_started is set once", W2, "COALESCE(old, new) on every time, not only a job's gmt_running",
                (validator, clock) -> new PodTable(validator, clock) {
                    @Override
                    PodRecord updated(PodRecord stored, PodRecord incoming, Instant now) {
                        return super.updated(stored, incoming, now).toBuilder()
                                .gmtStarted(coalesce(stored.gmtStarted(), incoming.gmtStarted())).build();
                    }
                }));
        all.add(jobTable("resurrects removed rows", W8, "the upsert guard checks the version but not is_in_etcd",
                (validator, clock) -> new JobTable(validator, clock) {
                    @Override
                    WriteOutcome outcomeOf(JobRecord stored, JobRecord incoming) {
                        int order = compareVersions(incoming.version(), stored.version());
                        return order > 0 ? WriteOutcome.UPDATED : order == 0 ? WriteOutcome.UNCHANGED : WriteOutcome.STALE;
                    }
                }));

        // B1, V1..V3: batches and bad input
        all.add(jobTable("partial batch write on bad input", B1, "validates each item just before writing it",
                (validator, clock) -> new JobTable(validator, clock) {
                    @Override
                    List<WriteOutcome> saveAll(List<JobRecord> jobs) {
                        List<WriteOutcome> outcomes = new ArrayList<>();
                        for (JobRecord job : jobs) {
                            outcomes.add(save(job));
                        }
                        return outcomes;
                    }
                }));
        all.add(jobTable("batch keeps the last item", B1, "deduplicates the batch by key, last item wins, before one multi-row upsert",
                (validator, clock) -> new JobTable(validator, clock) {
                    @Override
                    List<WriteOutcome> saveAll(List<JobRecord> jobs) {
                        List<JobRecord> checked = checkedAll(jobs);
                        Map<JobKey, Integer> last = new HashMap<>();
                        for (int i = 0; i < checked.size(); i++) {
                            last.put(checked.get(i).key(), i);
                        }
                        List<WriteOutcome> outcomes = new ArrayList<>();
                        for (int i = 0; i < checked.size(); i++) {
                            outcomes.add(last.get(checked.get(i).key()) == i ? write(checked.get(i)) : WriteOutcome.UNCHANGED);
                        }
                        return outcomes;
                    }
                }));
        all.add(jobs("ignores a null record", V1, "save(null) returns quietly instead of refusing",
                (gate, table, pods) -> new InMemoryJobs(gate, table, pods) {
                    @Override
                    public WriteOutcome save(JobRecord job) {
                        return job == null ? WriteOutcome.UNCHANGED : super.save(job);
                    }
                }, null));
        all.add(jobTable("truncates long values", V2, "the column is narrower than the value and the driver truncates silently",
                (validator, clock) -> new JobTable(validator, clock) {
                    @Override
                    JobRecord checked(JobRecord job) {
                        return job == null ? super.checked(null) : super.checked(JobText.map(job, (field, value) -> truncated(field, value)));
                    }

                    private String truncated(String field, String value) {
                        int limit = FieldLimits.DEFAULT.of(field);
                        return value == null || value.length() <= limit ? value : value.substring(0, limit);
                    }
                }));
        all.add(jobTable("stores text as 3-byte UTF-8", V3, "utf8 (utf8mb3) columns: emoji become '?'",
                (validator, clock) -> new JobTable(validator, clock) {
                    @Override
                    JobRecord checked(JobRecord job) {
                        return job == null ? super.checked(null) : super.checked(JobText.map(job, (field, value) -> threeBytes(value)));
                    }

                    private String threeBytes(String value) {
                        if (value == null) {
                            return null;
                        }
                        StringBuilder kept = new StringBuilder();
                        value.codePoints().forEach(cp -> kept.appendCodePoint(Character.isSupplementaryCodePoint(cp) ? '?' : cp));
                        return kept.toString();
                    }
                }));

        // D1..D4: removal
        all.add(podTable("markRemoved does not set Stopped", D1, "the Go implementation's swapped arguments: removed pods keep Running",
                (validator, clock) -> new PodTable(validator, clock) {
                    @Override
                    PodRecord removed(PodRecord stored, Instant at) {
                        return stored.toBuilder().inEtcd(false).gmtFinished(coalesce(stored.gmtFinished(), at)).build();
                    }
                }));
        all.add(jobTable("markRemoved is not idempotent", D1, "marks removed again and answers UPDATED every time",
                (validator, clock) -> new JobTable(validator, clock) {
                    @Override
                    WriteOutcome markRemoved(JobKey key, Instant at) {
                        WriteOutcome[] outcome = {WriteOutcome.NOT_FOUND};
                        rows.computeIfPresent(key, (k, stored) -> {
                            outcome[0] = WriteOutcome.UPDATED;
                            return stored.with(removed(stored.record(), at));
                        });
                        return outcome[0];
                    }
                }));
        all.add(jobs("markRemovedAll answers by existence", D1, "one UPDATE ... WHERE job_id IN (...), then UPDATED for every key found: "
                        + "a key removed before or listed twice is reported UPDATED, not UNCHANGED",
                (gate, table, pods) -> new InMemoryJobs(gate, table, pods) {
                    @Override
                    public List<WriteOutcome> markRemovedAll(List<JobKey> keys, Instant removedAt) {
                        List<WriteOutcome> outcomes = new ArrayList<>();
                        for (JobKey key : keys) {
                            markRemoved(key, removedAt);
                            outcomes.add(get(key).isPresent() ? WriteOutcome.UPDATED : WriteOutcome.NOT_FOUND);
                        }
                        return outcomes;
                    }
                }, null));
        all.add(jobs("forgets pods on delete", D2, "deletes the job row only; its pods stay orphaned",
                (gate, table, pods) -> new InMemoryJobs(gate, table, pods) {
                    @Override
                    void deletePodsOf(JobRecord job) {
                    }
                }, null));
        all.add(jobTable("deletes rows still in etcd", D2, "DELETE without the is_in_etcd = 0 condition",
                (validator, clock) -> new JobTable(validator, clock) {
                    @Override
                    void checkDeletable(JobRecord stored) {
                    }
                }));
        all.add(jobs("reconcile ignores kinds", D3, "the kind filter is dropped (as the Go implementation's listing did)",
                (gate, table, pods) -> new InMemoryJobs(gate, table, pods) {
                    @Override
                    boolean reconciles(JobRecord job, String region, Set<String> kinds, Set<String> live) {
                        return job.region().equals(region) && !live.contains(job.jobId());
                    }
                }, null));
        all.add(pods("pod reconcile ignores the region", D3, "marks removed the pods of every region that the caller did not list",
                (gate, table) -> new InMemoryPods(gate, table) {
                    @Override
                    public int reconcile(String region, Set<String> livePodIds, Instant removedAt) {
                        return table.markRemovedWhere(pod -> !livePodIds.contains(pod.podId()), removedAt);
                    }
                }));
        all.add(jobs("purge deletes rows still in etcd", D4, "purge predicate on gmt_finished only",
                (gate, table, pods) -> new InMemoryJobs(gate, table, pods) {
                    @Override
                    boolean purges(JobRecord job, Instant before) {
                        return job.gmtFinished() != null && job.gmtFinished().isBefore(before);
                    }
                }, null));
        all.add(jobs("purge bound is inclusive", D4, "gmt_finished <= before instead of <",
                (gate, table, pods) -> new InMemoryJobs(gate, table, pods) {
                    @Override
                    boolean purges(JobRecord job, Instant before) {
                        return !job.inEtcd() && job.gmtFinished() != null && !job.gmtFinished().isAfter(before);
                    }
                }, null));
        all.add(jobs("declares PURGE but throws", D4, "capabilities() lists PURGE, purge() is still the unsupported default",
                (gate, table, pods) -> new InMemoryJobs(gate, table, pods) {
                    @Override
                    public int purge(Instant finishedBefore) {
                        throw Capability.PURGE.unsupported();
                    }
                }, null));
        all.add(new Mutant("undeclared count answers zero", CAPABILITIES, "COUNT not declared, yet count() silently answers 0",
                () -> new ForwardingMetaStore(store(new MemoryParts() {
                    @Override
                    public InMemoryJobs jobs(StoreGate gate, JobTable jobs, PodTable pods) {
                        return new InMemoryJobs(gate, jobs, pods) {
                            @Override
                            public long count(JobQuery query) {
                                return 0;
                            }
                        };
                    }
                })) {
                    @Override
                    public Set<Capability> capabilities() {
                        return EnumSet.of(Capability.RECONCILE, Capability.PURGE);
                    }
                }));

        // Q1..Q6: reads
        all.add(jobs("findLatest returns the oldest", Q1, "ORDER BY gmt_created ASC LIMIT 1",
                (gate, table, pods) -> new InMemoryJobs(gate, table, pods) {
                    @Override
                    public Optional<JobRecord> findLatest(String namespace, String name, String kind) {
                        return table.rows().filter(r -> r.record().namespace().equals(namespace) && r.record().name().equals(name)
                                && r.record().kind().equals(kind)).sorted(NEWEST_FIRST.reversed()).findFirst().map(MemoryTable.Row::record);
                    }
                }, null));
        all.add(jobs("findLatest throws when none", Q1, "Optional.get() on an empty result: an unknown name throws NoSuchElementException",
                (gate, table, pods) -> new InMemoryJobs(gate, table, pods) {
                    @Override
                    public Optional<JobRecord> findLatest(String namespace, String name, String kind) {
                        return Optional.of(super.findLatest(namespace, name, kind).get());
                    }
                }, null));
        all.add(jobs("kind filter ignored", Q2, "the Go implementation's listing dropped the kind condition",
                (gate, table, pods) -> new InMemoryJobs(gate, table, pods) {
                    @Override
                    boolean matches(JobQuery q, JobRecord job) {
                        return super.matches(q.toBuilder().kind(null).build(), job);
                    }
                }, null));
        all.add(jobs("createdTo is inclusive", Q2, "gmt_created <= createdTo instead of <",
                (gate, table, pods) -> new InMemoryJobs(gate, table, pods) {
                    @Override
                    boolean matches(JobQuery q, JobRecord job) {
                        return super.matches(q.createdTo().map(to -> q.toBuilder().createdTo(to.plusSeconds(1)).build()).orElse(q), job);
                    }
                }, null));
        all.add(jobs("keyset on gmt_created only", Q2, "no tie-breaker: rows sharing a gmt_created with the last row of a page are skipped",
                (gate, table, pods) -> new InMemoryJobs(gate, table, pods) {
                    @Override
                    int indexAfter(List<MemoryTable.Row<JobRecord>> sorted, List<String> position) {
                        long created = Long.parseLong(position.get(0));
                        int index = 0;
                        while (index < sorted.size() && sorted.get(index).record().gmtCreated().getEpochSecond() >= created) {
                            index++;
                        }
                        return index;
                    }
                }, null));
        all.add(jobs("off-by-one page boundary", Q3, "resumes one row too far: the first row of every next page is lost",
                (gate, table, pods) -> new InMemoryJobs(gate, table, pods) {
                    @Override
                    int indexAfter(List<MemoryTable.Row<JobRecord>> sorted, List<String> position) {
                        return Math.min(sorted.size(), super.indexAfter(sorted, position) + 1);
                    }
                }, null));
        all.add(jobs("token not bound to the filter", Q3, "the page token holds the position only, so it is accepted with any filter",
                (gate, table, pods) -> new InMemoryJobs(gate, table, pods) {
                    @Override
                    String fingerprint(JobQuery query) {
                        return "jobs";
                    }
                }, null));
        all.add(jobs("count ignores the filters", Q3, "SELECT COUNT(*) without the WHERE clause",
                (gate, table, pods) -> new InMemoryJobs(gate, table, pods) {
                    @Override
                    public long count(JobQuery query) {
                        return table.size();
                    }
                }, null));
        all.add(pods("pods ordered by name as a string", Q4, "ORDER BY replica_type, name: worker-10 before worker-9",
                (gate, table) -> new InMemoryPods(gate, table) {
                    @Override
                    Comparator<MemoryTable.Row<PodRecord>> order() {
                        return Comparator.comparing((MemoryTable.Row<PodRecord> r) -> String.valueOf(r.record().replicaType()))
                                .thenComparing(r -> r.record().name()).thenComparingLong(MemoryTable.Row::seq);
                    }
                }));
        all.add(jobs("reads from a stale cache", Q5, "get() is cached and a save does not invalidate the entry",
                (gate, table, pods) -> new InMemoryJobs(gate, table, pods) {
                    private final Map<JobKey, Optional<JobRecord>> cache = new ConcurrentHashMap<>();

                    @Override
                    public Optional<JobRecord> get(JobKey key) {
                        return cache.computeIfAbsent(key, super::get);
                    }
                }, null));
        all.add(jobs("LIKE not escaped", Q6, "nameContains concatenated into LIKE '%...%' without escaping % _ \\",
                (gate, table, pods) -> new InMemoryJobs(gate, table, pods) {
                    @Override
                    boolean matches(JobQuery q, JobRecord job) {
                        if (q.nameContains().isEmpty()) {
                            return super.matches(q, job);
                        }
                        return like(job.name(), "%" + q.nameContains().get() + "%")
                                && super.matches(q.toBuilder().nameContains(null).build(), job);
                    }
                }, null));

        // P1, P4: the provider
        all.add(new Mutant("provider name not lower case", P1, "providerName() answers 'Memory' while the provider is registered as 'memory'",
                () -> new ForwardingMetaStore(store(MemoryParts.REFERENCE)) {
                    @Override
                    public String providerName() {
                        return "Memory";
                    }
                }));
        all.add(new Mutant("password in toString", P3, "toString shows the connection URL with its password",
                () -> new ForwardingMetaStore(store(MemoryParts.REFERENCE)) {
                    @Override
                    public String toString() {
                        return "MetaStore[url=mem://kubedl:" + MutantTckRun.SECRET + "@localhost/kubedl]";
                    }
                }));
        all.add(new Mutant("use after close allowed", P4, "close() releases nothing and methods do not check a closed flag",
                () -> store(new MemoryParts() {
                    @Override
                    public StoreGate gate() {
                        return new StoreGate() {
                            @Override
                            void checkOpen() {
                            }
                        };
                    }
                })));
        all.addAll(OutsideAuthorMutants.all());
        return all;
    }

    /** SQL LIKE with MySQL's default escape character, for the unescaped-LIKE mutant. */
    static boolean like(String text, String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(text).matches();
    }

    static MetaStore store(MemoryParts parts) {
        return new InMemoryMetaStore(Clock.systemUTC(), parts);
    }

    interface JobsFactory {
        InMemoryJobs make(StoreGate gate, JobTable table, PodTable pods);
    }

    interface PodsFactory {
        InMemoryPods make(StoreGate gate, PodTable table);
    }

    /**
     * @param failedOpen what opening with settings that cannot work does
     * @return the reference store, except for what its failed open says (P3)
     */
    static Mutant reference(String name, ContractRule rule, String defect, java.util.concurrent.Callable<Optional<MetaStore>> failedOpen) {
        return new Mutant(name, rule, defect, () -> store(MemoryParts.REFERENCE), failedOpen, Set.of());
    }

    static Mutant jobTable(String name, ContractRule rule, String defect, BiFunction<RecordValidator, Clock, JobTable> table) {
        return new Mutant(name, rule, defect, () -> store(new MemoryParts() {
            @Override
            public JobTable jobTable(RecordValidator validator, Clock clock) {
                return table.apply(validator, clock);
            }
        }));
    }

    static Mutant podTable(String name, ContractRule rule, String defect, BiFunction<RecordValidator, Clock, PodTable> table) {
        return new Mutant(name, rule, defect, () -> store(new MemoryParts() {
            @Override
            public PodTable podTable(RecordValidator validator, Clock clock) {
                return table.apply(validator, clock);
            }
        }));
    }

    static Mutant jobs(String name, ContractRule rule, String defect, JobsFactory jobs,
            BiFunction<RecordValidator, Clock, JobTable> table) {
        Supplier<MetaStore> factory = () -> store(new MemoryParts() {
            @Override
            public JobTable jobTable(RecordValidator validator, Clock clock) {
                return table == null ? MemoryParts.super.jobTable(validator, clock) : table.apply(validator, clock);
            }

            @Override
            public InMemoryJobs jobs(StoreGate gate, JobTable jobTable, PodTable podTable) {
                return jobs.make(gate, jobTable, podTable);
            }
        });
        return new Mutant(name, rule, defect, factory);
    }

    static Mutant pods(String name, ContractRule rule, String defect, PodsFactory pods) {
        return new Mutant(name, rule, defect, () -> store(new MemoryParts() {
            @Override
            public InMemoryPods pods(StoreGate gate, PodTable table) {
                return pods.make(gate, table);
            }
        }));
    }
}
