package io.kubedl.persist.tck;

/**
 * The rules of the persistence contract (docs/contract.md), each with the hint a
 * failing TCK test prints: "If this test fails, check ...". Every TCK test name and
 * failure message starts with one of these ids.
 */
public enum ContractRule {
    /** I1 (what a row is); see docs/contract.md. */
    I1("a job is identified by (region, jobId), a pod by (region, podId)",
            "that your unique key covers BOTH region and the UID, and that a null region is stored as the empty region"),
    /** I2 (one row per identity); see docs/contract.md. */
    I2("at most one row per identity, whatever the concurrency",
            "that the identity is a unique key and the write is one atomic upsert, not select-then-insert"),
    /** W1 (an unknown identity is inserted as given); see docs/contract.md. */
    W1("saving an unknown identity inserts it as given",
            "the insert branch of your upsert and that every column is written and read back unchanged"),
    /** W2 (a newer version replaces every mutable field); see docs/contract.md. */
    W2("a newer resourceVersion replaces every mutable field",
            "the update branch: version, status, resources, tenant, owner, remark, image, ips, inEtcd are replaced (even by null)"),
    /** W3 (the same version is a no-op that succeeds); see docs/contract.md. */
    W3("the same resourceVersion is a no-op that answers UNCHANGED",
            "that an equal version rewrites nothing (not even gmtModified) and is reported as UNCHANGED"),
    /** W4 (an older version changes nothing and says so); see docs/contract.md. */
    W4("an older resourceVersion changes nothing and answers STALE",
            "the version guard in your upsert and that an older version is reported as STALE, not UNCHANGED"),
    /** W5 (how versions compare); see docs/contract.md. */
    W5("resourceVersions compare as KEP-5504: longer is newer, equal length compares as text",
            "that versions are compared by length first, then as text: never as plain strings ('9' > '10') nor as long (20+ digits)"),
    /** W6 (concurrent saves end at the highest version); see docs/contract.md. */
    W6("concurrent saves of one identity end with one row at the highest version",
            "that the version guard is evaluated inside the same atomic write (no read-then-write race)"),
    /** W7 (what never changes, and the times); see docs/contract.md. */
    W7("gmtCreated, name, namespace, kind, jobId never change; gmtModified moves only on a status change; empty times never erase;"
            + " a job's gmtRunning, once set, never changes",
            "the column list of your update: immutable columns are not updated, gmtStarted and gmtFinished are COALESCE(new, old),"
            + " a job's gmtRunning is COALESCE(old, new), gmtModified only when the status differs"),
    /** W8 (removal is terminal); see docs/contract.md. */
    W8("a row removed from etcd is terminal: later saves answer STALE",
            "that the upsert guard also requires the stored row to be in etcd"),
    /** B1 (a batch is its saves one by one); see docs/contract.md. */
    B1("saveAll behaves as the saves one by one and answers one outcome per item in input order",
            "that the batch validates every item first, then applies the items in input order with the same version guard"),
    /** D1 (markRemoved(key, at)); see docs/contract.md. */
    D1("markRemoved sets inEtcd=false; unfinished rows become Stopped with gmtFinished; idempotent; unknown is NOT_FOUND",
            "the markRemoved statement: status Stopped and gmtFinished only for unfinished rows (finished means status IN"
            + " ('Succeeded', 'Failed', 'Stopped'), never NOT IN running states), UNCHANGED when already removed, and the no-match"
            + " case decided under the row's lock, not by a separate read"),
    /** D2 (delete(key)); see docs/contract.md. */
    D2("delete removes a removed row for good (a job with its pods) and refuses a row still in etcd",
            "that delete checks inEtcd and that a job's delete also deletes the pods of the same region and jobId"),
    /** D3 (reconcile(...) (optional)); see docs/contract.md. */
    D3("reconcile marks removed every row of that region (and kinds) in etcd whose id is not live",
            "that reconcile filters by region, by kind (jobs) and by inEtcd, and marks rows exactly as markRemoved does"),
    /** D4 (purge(before) (optional)); see docs/contract.md. */
    D4("purge hard-deletes removed rows finished before the instant, in bounded batches; never rows in etcd",
            "the purge predicate (inEtcd = false AND gmtFinished < before), that a job takes all its pods, and that every batch is"
            + " counted, for pods as for jobs"),
    /** Q1 (get and findLatest); see docs/contract.md. */
    Q1("get reads one identity; findLatest returns the newest-created row of that name",
            "that findLatest orders by gmtCreated descending, then your tie-breaker descending as the listing does, and filters by"
            + " namespace, name and kind"),
    /** Q2 (listing jobs); see docs/contract.md. */
    Q2("job listings AND every filter and order by gmtCreated descending, then a unique tie-breaker",
            "every filter of JobQuery (createdFrom inclusive, createdTo exclusive), that text compares binary (case-sensitive,"
            + " as utf8mb4_bin), and the ORDER BY gmtCreated DESC, id DESC"),
    /** Q3 (pages and count); see docs/contract.md. */
    Q3("keyset pagination: tokens bound to the filter, default 50, max 1000, every row exactly once; count(query)",
            "that count() builds its WHERE clause as list() does, that the page token holds the full sort key of the last row (tie-breaker included), is encoded with the query's filterFingerprint, and that the WHERE clause resumes strictly after it"),
    /** Q4 (listing pods); see docs/contract.md. */
    Q4("pod listings filter and order by replicaType, replica index (numeric), gmtCreated, tie-breaker",
            "the pod ORDER BY: replicaType (null first), PodRecord.replicaIndex() as a number, gmtCreated, then your tie-breaker"),
    /** Q5 (read your writes); see docs/contract.md. */
    Q5("a completed save is visible to the next read",
            "that writes are committed before save returns and that reads are not served from a stale cache"),
    /** Q6 (filter values are data); see docs/contract.md. */
    Q6("filter values are data: quotes, %, _ and backslashes in nameContains match literally",
            "that nameContains escapes \\ % _ for LIKE (with an ESCAPE clause) and is bound as a parameter"),
    /** V1 (refused, named, nothing written); see docs/contract.md. */
    V1("a null record or a bad batch item is refused with an error naming the field; nothing is written",
            "that you validate with RecordValidator (checkAll for batches) BEFORE writing anything, and refuse a null argument"
            + " with InvalidRecordException naming the parameter"),
    /** V2 (too long is refused, never truncated); see docs/contract.md. */
    V2("a value longer than the store holds is refused naming the field, the limit and the length; never truncated",
            "that limits() matches your columns, that RecordValidator runs before the write (no silent truncation), and that"
            + " removal times are checked against limits() too"),
    /** V3 (text round-trips exactly); see docs/contract.md. */
    V3("text round-trips exactly, including 4-byte UTF-8",
            "that the columns and the connection use utf8mb4 (not utf8/utf8mb3) and that text is bound, not converted"),
    /** T1 (instants, UTC, seconds, the whole range); see docs/contract.md. */
    T1("times are instants in UTC with second precision: independent of the JVM zone, truncated (never rounded), and every"
            + " instant inside limits() round-trips",
            "that times are stored as UTC (bind LocalDateTime in UTC or epoch seconds in 64 bits, never through the JVM's default"
            + " zone), that removal times are truncated to the second like record times, and that the columns hold limits().earliest()"
            + " .. limits().latest()"),
    /** P1 (discovery by name); see docs/contract.md. */
    P1("providers are found by ServiceLoader and chosen by a unique lower-case name",
            "your META-INF/services/io.kubedl.persist.spi.PersistProvider entry and that providerName() equals the provider's name()"),
    /** P3 (passwords stay secret); see docs/contract.md. */
    P3("a password never appears in toString, a log line or an exception message",
            "every toString and exception message that might include the configuration or a JDBC URL, a failed open's included"),
    /** P4 (close); see docs/contract.md. */
    P4("close() releases everything and is idempotent; use after close is an IllegalStateException",
            "that every method of the store, its jobs() and its pods() checks a closed flag first, methods you override for speed"
            + " (markRemovedAll) included"),
    /** CAPABILITIES (optional operations are declared); see docs/contract.md. */
    CAPABILITIES("optional operations are declared in capabilities(); undeclared ones throw UnsupportedOperationException",
            "that capabilities() lists exactly what you implement (COUNT, RECONCILE, PURGE)");

    private final String statement;
    private final String hint;

    ContractRule(String statement, String hint) {
        this.statement = statement;
        this.hint = hint;
    }

    /** @return the rule id as it appears in test names, e.g. {@code W4} */
    public String id() {
        return name();
    }

    /** @return the rule in one sentence */
    public String statement() {
        return statement;
    }

    /** @return what to check when a test of this rule fails */
    public String hint() {
        return hint;
    }

    /**
     * The failure message of a TCK assertion: rule id, what went wrong, and the hint.
     *
     * @param problem what the store did wrong, e.g. "an older version must not change the row"
     * @return {@code "W4: <problem>; check <hint>"}
     */
    public String says(String problem) {
        return id() + ": " + problem + "; check " + hint;
    }
}
