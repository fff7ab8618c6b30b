package io.kubedl.persist.reliability.badinput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.kubedl.persist.InvalidPageTokenException;
import io.kubedl.persist.InvalidRecordException;
import io.kubedl.persist.StillInEtcdException;
import io.kubedl.persist.ValueTooLongException;
import io.kubedl.persist.model.JobKey;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.JobStatus;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.PodStatus;
import io.kubedl.persist.model.WriteOutcome;
import io.kubedl.persist.query.JobQuery;
import io.kubedl.persist.query.Page;
import io.kubedl.persist.query.PodQuery;
import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.spi.PageCursor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The table of bad and unusual input. Every row either expects a refusal that names
 * the field (and for lengths the limit and the actual length), with the row counts
 * unchanged and no row of the refused identity, or an exact round trip through
 * save and get. The same table runs against every store; only the store changes.
 */
public final class BadInputCatalogue {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    /** A payload that breaks out of a quoted SQL string and comments out the rest. */
    private static final String INJECTION = "x' OR '1'='1' -- ;\\\" DROP TABLE job_info; #";

    private BadInputCatalogue() {
    }

    /** @return every row of the catalogue */
    public static List<BadInputCase> cases() {
        List<BadInputCase> c = new ArrayList<>();
        nulls(c);
        emptyStrings(c);
        overlong(c);
        versions(c);
        unicode(c);
        filters(c);
        pages(c);
        times(c);
        statuses(c);
        batches(c);
        lifecycle(c);
        nullArguments(c);
        removalTimes(c);
        return c;
    }

    // ---------------------------------------------------------------- nulls (V1)

    private static void nulls(List<BadInputCase> c) {
        c.add(refusedSave("null job record", "V1", "job", (s, ids) -> s.jobs().save(null)));
        c.add(refusedSave("null pod record", "V1", "pod", (s, ids) -> s.pods().save(null)));
        for (String field : List.of("jobId", "name", "namespace", "kind", "version", "status", "gmtCreated")) {
            c.add(refusedBuild("job with null " + field, "V1", field, ids -> nullJobField(job(ids), field).build()));
        }
        for (String field : List.of("podId", "name", "namespace", "jobId", "version", "status", "gmtCreated")) {
            c.add(refusedBuild("pod with null " + field, "V1", field, ids -> nullPodField(pod(ids), field).build()));
        }
        c.add(roundTripJob("job with every optional field null (gmtModified defaults to gmtCreated)", "V1, W1",
                ids -> job(ids).resources(null).tenant(null).owner(null).remark(null).gmtModified(null).gmtRunning(null)
                        .gmtFinished(null).build(),
                r -> r.toBuilder().gmtModified(r.gmtCreated()).build()));
        c.add(roundTripPod("pod with every optional field null", "V1, W1",
                ids -> pod(ids).image(null).replicaType(null).resources(null).hostIp(null).podIp(null).remark(null)
                        .gmtModified(null).gmtStarted(null).gmtFinished(null).build(),
                r -> r.toBuilder().gmtModified(r.gmtCreated()).build()));
        c.add(roundTripJob("job with null region (read as the empty region)", "I1", ids -> job(ids).region(null).build(),
                r -> r));
    }

    // ---------------------------------------------------------------- empty strings (V1, V3)

    private static void emptyStrings(List<BadInputCase> c) {
        c.add(refusedBuild("job with empty name", "V1", "name", ids -> job(ids).name("").build()));
        c.add(refusedBuild("job with blank name", "V1", "name", ids -> job(ids).name(" \t ").build()));
        c.add(refusedBuild("job with empty namespace", "V1", "namespace", ids -> job(ids).namespace("").build()));
        c.add(refusedBuild("pod with empty jobId", "V1", "jobId", ids -> pod(ids).jobId("").build()));
        c.add(refusedBuild("job with empty version", "V1, W5", "version", ids -> job(ids).version("").build()));
        // tenant and owner are the exception (contract, V3): '' and null both mean "none", and a store that shares
        // KubeDL's tables reads '' back as null; KubedlReadersTest covers them on MySQL
        c.add(roundTripJob("job with empty optional strings (kept as empty, not null)", "V3",
                ids -> job(ids).remark("").resources("").build(), r -> r));
        c.add(roundTripPod("pod with empty optional strings (kept as empty, not null)", "V3",
                ids -> pod(ids).image("").replicaType("").resources("").hostIp("").podIp("").remark("").build(), r -> r));
    }

    // ---------------------------------------------------------------- overlong values (V2)

    private static void overlong(List<BadInputCase> c) {
        c.add(tooLongJob("name", 253, (b, v) -> b.name(v)));
        c.add(tooLongJob("namespace", 253, (b, v) -> b.namespace(v)));
        c.add(tooLongJob("kind", 64, (b, v) -> b.kind(v)));
        c.add(tooLongJob("jobId", 64, (b, v) -> b.jobId(v)));
        c.add(tooLongJob("region", 64, (b, v) -> b.region(v)));
        c.add(tooLongJob("tenant", 255, (b, v) -> b.tenant(v)));
        c.add(tooLongJob("owner", 255, (b, v) -> b.owner(v)));
        c.add(tooLongJob("resources", 65535, (b, v) -> b.resources(v)));
        c.add(tooLongJob("remark", 65535, (b, v) -> b.remark(v)));
        c.add(tooLongPod("image", 512, (b, v) -> b.image(v)));
        c.add(tooLongPod("replicaType", 64, (b, v) -> b.replicaType(v)));
        c.add(tooLongPod("hostIp", 64, (b, v) -> b.hostIp(v)));
        c.add(tooLongPod("podIp", 64, (b, v) -> b.podIp(v)));
        c.add(tooLongPod("resources", 65535, (b, v) -> b.resources(v)));
        c.add(roundTripJob("job with name, namespace, tenant, owner, resources exactly at their limits", "V2, V3",
                ids -> job(ids).name(fill(ids.next(), 253)).namespace(fill("ns", 253)).tenant(fill("t", 255))
                        .owner(fill("o", 255)).resources(fill("{}", 65535)).remark(fill("r", 65535)).build(), r -> r));
        c.add(roundTripPod("pod with image, replicaType, IPs exactly at their limits", "V2, V3",
                ids -> pod(ids).image(fill("registry/", 512)).replicaType(fill("w", 64)).hostIp(fill("h", 64))
                        .podIp(fill("p", 64)).build(), r -> r));
    }

    // ---------------------------------------------------------------- resourceVersions (W5)

    private static void versions(List<BadInputCase> c) {
        for (String bad : List.of("0123", "0", "-5", "12a", "0x1F", " 12", "12 ", "1.5", "1e9", "\uFF11\uFF12", "+7")) {
            c.add(refusedBuild("resourceVersion '" + bad + "'", "W5", "version", ids -> job(ids).version(bad).build()));
        }
        String forty = "1" + "0".repeat(39);
        c.add(new BadInputCase("resourceVersion of 40 digits", "W5, V2",
                "ValueTooLongException(version, limit 32, length 40); nothing written", (s, ids) -> {
                    JobRecord job = job(ids).version(forty).build();
                    assertRefused(s, () -> s.jobs().save(job), "version", 32, 40);
                    assertThat(s.jobs().get(job.key())).as("row of a refused job").isEmpty();
                }));
        c.add(new BadInputCase("resourceVersions beyond 64 bits ordered as KEP-5504 (31 < 32 digits)", "W5, W2, W4",
                "32-digit version replaces 31-digit one; the 31-digit one is then STALE", (s, ids) -> {
                    JobRecord old = job(ids).version("9".repeat(31)).build();
                    JobRecord neu = old.withVersion("1" + "0".repeat(31));
                    assertThat(s.jobs().save(old)).isEqualTo(WriteOutcome.INSERTED);
                    assertThat(s.jobs().save(neu)).isEqualTo(WriteOutcome.UPDATED);
                    assertThat(s.jobs().save(old)).isEqualTo(WriteOutcome.STALE);
                    assertThat(s.jobs().get(old.key())).contains(neu);
                }));
    }

    // ---------------------------------------------------------------- Unicode (V3)

    private static void unicode(List<BadInputCase> c) {
        c.add(refusedSave("lone high surrogate in a job name", "V3", "name",
                (s, ids) -> s.jobs().save(job(ids).name("bad-\uD83D-name").build())));
        c.add(refusedSave("lone low surrogate in a job remark", "V3", "remark",
                (s, ids) -> s.jobs().save(job(ids).remark("x\uDE00y").build())));
        c.add(refusedSave("reversed surrogate pair in pod resources", "V3", "resources",
                (s, ids) -> s.pods().save(pod(ids).resources("{\"a\":\"\uDE00\uD83D\"}").build())));
        c.add(refusedSave("lone surrogate at the end of a pod image", "V3", "image",
                (s, ids) -> s.pods().save(pod(ids).image("img\uD83D").build())));
        String text = "训练-🚀-Ünïcödé-𝔘-👩‍👩‍👧";
        c.add(roundTripJob("4-byte UTF-8 (emoji, CJK, math letters, ZWJ) in every job text field", "V3",
                ids -> job(ids).name(ids.next() + text).namespace("ns-" + text).kind("Kind" + text).tenant(text)
                        .owner(text).resources("{\"x\":\"" + text + "\"}").remark(text).region(ids.next() + "🚀").build(),
                r -> r));
        c.add(roundTripPod("4-byte UTF-8 in every pod text field", "V3",
                ids -> pod(ids).name(ids.next() + text).namespace(text).image("img/" + text).replicaType("w🚀")
                        .resources(text).hostIp("h🚀").podIp("p🚀").remark(text).build(), r -> r));
        c.add(roundTripJob("name of 253 UTF-16 chars made of emoji (126 surrogate pairs + 1)", "V2, V3",
                ids -> job(ids).name("a" + "🚀".repeat(126)).build(), r -> r));
        c.add(roundTripJob("control characters (NUL, tab, newline, DEL) in remark and resources", "V3",
                ids -> job(ids).remark("a\u0000b\tc\nd\u007Fe\r").resources("{\"k\":\"\u0001\"}").build(), r -> r));
        c.add(roundTripJob("SQL metacharacters in every job text field", "V3, Q6",
                ids -> job(ids).name(ids.next() + INJECTION).namespace(INJECTION).kind("K'\"%_\\").tenant(INJECTION)
                        .owner("%_\\%").remark(INJECTION).resources(INJECTION).build(), r -> r));
    }

    // ---------------------------------------------------------------- filters (Q2, Q4, Q6)

    private static void filters(List<BadInputCase> c) {
        for (String needle : List.of("%", "_", "\\", "'", "\\%", "%_%", "' OR '1'='1", "*", "[a]")) {
            c.add(new BadInputCase("nameContains '" + needle + "' matches literally", "Q6",
                    "only the names containing those characters, not the decoys", (s, ids) -> {
                        String ns = ids.next();
                        JobRecord hit = job(ids).namespace(ns).name("hit-" + needle + "-end").build();
                        JobRecord decoy1 = job(ids).namespace(ns).name("decoy-abc-end").build();
                        JobRecord decoy2 = job(ids).namespace(ns).name("decoy-a\\b-end").build();
                        s.jobs().saveAll(List.of(hit, decoy1, decoy2));
                        Page<JobRecord> page = s.jobs().list(JobQuery.builder().namespace(ns).nameContains(needle).build());
                        List<JobRecord> expected = new ArrayList<>();
                        for (JobRecord r : List.of(hit, decoy1, decoy2)) {
                            if (r.name().contains(needle)) {
                                expected.add(r);
                            }
                        }
                        assertThat(page.items()).containsExactlyInAnyOrderElementsOf(expected);
                        assertThat(s.jobs().count(JobQuery.builder().namespace(ns).nameContains(needle).build()))
                                .isEqualTo(expected.size());
                    }));
        }
        c.add(new BadInputCase("SQL metacharacters and LIKE wildcards in every exact job filter", "Q2, Q6",
                "each filter matches only the row holding that literal value; no error", (s, ids) -> {
                    String v = ids.next() + INJECTION + "%_" + INJECTION;
                    JobRecord literal = job(ids).namespace(v).name(v).kind(v.substring(0, 60)).tenant(v).owner(v)
                            .region(v.substring(0, 60)).status(JobStatus.of(v.substring(0, 30).strip())).build();
                    JobRecord other = job(ids).build();
                    s.jobs().saveAll(List.of(literal, other));
                    List<JobQuery> queries = List.of(JobQuery.builder().namespace(v).build(),
                            JobQuery.builder().name(v).build(), JobQuery.builder().kind(literal.kind()).build(),
                            JobQuery.builder().tenant(v).build(), JobQuery.builder().owner(v).build(),
                            JobQuery.builder().region(literal.region()).build(),
                            JobQuery.builder().jobId(literal.jobId()).region(literal.region()).build(),
                            JobQuery.builder().statuses(literal.status()).region(literal.region()).build());
                    for (JobQuery q : queries) {
                        assertThat(s.jobs().list(q).items()).as(q.toString()).containsExactly(literal);
                    }
                    for (String wildcard : List.of("%", "_", "' OR '1'='1", "\\%")) {
                        JobQuery q = JobQuery.builder().namespace(wildcard).tenant(wildcard).build();
                        assertThat(s.jobs().list(q).items()).as(q.toString()).isEmpty();
                        assertThat(s.jobs().list(JobQuery.builder().jobId(wildcard).build()).items()).isEmpty();
                        assertThat(s.jobs().list(JobQuery.builder().owner(wildcard).build()).items()).isEmpty();
                    }
                }));
        c.add(exactFilters("exact filters are exact: letter case and accents differ", "mnist", "Mnist", "MNIST", "mnïst"));
        c.add(trailingSpaceFilters("exact filters are exact: a trailing space differs"));
        c.add(distinctIdentities("two UIDs that differ only in letter case are two identities", "abc", "ABC", "aBc"));
        c.add(refusedWhitespaceJob("jobId", " ", (b, v) -> b.jobId(v)));
        c.add(refusedWhitespaceJob("jobId", "  ", (b, v) -> b.jobId(v)));
        c.add(refusedWhitespaceJob("region", " ", (b, v) -> b.region(v)));
        c.add(refusedWhitespaceJob("namespace", " ", (b, v) -> b.namespace(v)));
        c.add(refusedWhitespaceJob("name", "\t", (b, v) -> b.name(v)));
        c.add(refusedWhitespaceJob("kind", " ", (b, v) -> b.kind(v)));
        c.add(refusedWhitespacePod("podId", " ", (b, v) -> b.podId(v)));
        c.add(refusedWhitespacePod("jobId", " ", (b, v) -> b.jobId(v)));
        c.add(refusedWhitespacePod("namespace", " ", (b, v) -> b.namespace(v)));
        c.add(new BadInputCase("SQL metacharacters and LIKE wildcards in every pod filter", "Q4, Q6",
                "each filter matches only the row holding that literal value; no error", (s, ids) -> {
                    String v = ids.next() + INJECTION + "%_" + INJECTION;
                    PodRecord literal = pod(ids).jobId(v.substring(0, 60)).namespace(v).name(v)
                            .replicaType(v.substring(0, 60)).region(v.substring(0, 60)).status(PodStatus.of(v.substring(0, 30).strip()))
                            .build();
                    s.pods().saveAll(List.of(literal, pod(ids).build()));
                    List<PodQuery> queries = List.of(PodQuery.builder().jobId(literal.jobId()).build(),
                            PodQuery.builder().namespace(v).build(), PodQuery.builder().name(v).build(),
                            PodQuery.builder().replicaType(literal.replicaType()).build(),
                            PodQuery.builder().region(literal.region()).build(),
                            PodQuery.builder().statuses(literal.status()).region(literal.region()).build());
                    for (PodQuery q : queries) {
                        assertThat(s.pods().list(q).items()).as(q.toString()).containsExactly(literal);
                    }
                    for (String wildcard : List.of("%", "_", "' OR '1'='1")) {
                        assertThat(s.pods().list(PodQuery.builder().jobId(wildcard).build()).items()).isEmpty();
                        assertThat(s.pods().list(PodQuery.builder().namespace(wildcard).name(wildcard).build()).items())
                                .isEmpty();
                        assertThat(s.pods().list(PodQuery.builder().replicaType(wildcard).build()).items()).isEmpty();
                    }
                }));
    }

    // ---------------------------------------------------------------- page sizes and tokens (Q3)

    private static void pages(List<BadInputCase> c) {
        for (int size : new int[] {0, -1, 1001, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
            c.add(new BadInputCase("page size " + size, "Q3", "InvalidRecordException(pageSize) naming 1 and 1000",
                    (s, ids) -> {
                        Throwable job = catchThrowable(() -> JobQuery.builder().pageSize(size).build());
                        Throwable pod = catchThrowable(() -> PodQuery.builder().pageSize(size).build());
                        for (Throwable t : List.of(job, pod)) {
                            assertThat(t).isInstanceOf(InvalidRecordException.class)
                                    .hasMessageContaining("1000").hasMessageContaining(Integer.toString(size));
                            assertThat(((InvalidRecordException) t).field()).isEqualTo("pageSize");
                        }
                    }));
        }
        c.add(new BadInputCase("empty nameContains", "Q2, Q6", "InvalidRecordException(nameContains): leave it unset instead",
                (s, ids) -> {
                    Throwable t = catchThrowable(() -> JobQuery.builder().nameContains("").build());
                    assertThat(t).isInstanceOf(InvalidRecordException.class);
                    assertThat(((InvalidRecordException) t).field()).isEqualTo("nameContains");
                }));
        c.add(new BadInputCase("createdFrom not before createdTo", "Q2", "InvalidRecordException(createdFrom) naming both bounds",
                (s, ids) -> {
                    Throwable t = catchThrowable(() -> JobQuery.builder().createdFrom(T0).createdTo(T0).build());
                    assertThat(t).isInstanceOf(InvalidRecordException.class).hasMessageContaining(T0.toString());
                    assertThat(((InvalidRecordException) t).field()).isEqualTo("createdFrom");
                }));
        c.add(new BadInputCase("page size 1000 (the maximum)", "Q3", "accepted; one page holds up to 1000 rows",
                (s, ids) -> {
                    String ns = ids.next();
                    List<JobRecord> jobs = new ArrayList<>();
                    for (int i = 0; i < 3; i++) {
                        jobs.add(job(ids).namespace(ns).build());
                    }
                    s.jobs().saveAll(jobs);
                    Page<JobRecord> page = s.jobs().list(JobQuery.builder().namespace(ns).pageSize(1000).build());
                    assertThat(page.items()).hasSize(3);
                    assertThat(page.hasNext()).isFalse();
                }));
        c.add(refusedToken("page token that is not base64url", (s, ids) -> "not a token!*"));
        c.add(refusedToken("page token of random bytes (bad checksum)", (s, ids) -> Base64.getUrlEncoder()
                .withoutPadding().encodeToString("random bytes that are long enough".getBytes(StandardCharsets.UTF_8))));
        c.add(refusedToken("page token issued for another filter (foreign)", (s, ids) -> {
            String ns = ids.next();
            s.jobs().saveAll(List.of(job(ids).namespace(ns).build(), job(ids).namespace(ns).build()));
            Page<JobRecord> page = s.jobs().list(JobQuery.builder().namespace(ns).pageSize(1).build());
            assertThat(page.hasNext()).as("a first page of 1 of 2 rows has a next-page token").isTrue();
            return page.nextPageToken();
        }));
        c.add(new BadInputCase("page token of a pod listing used for jobs", "Q3", "InvalidPageTokenException(pageToken)",
                (s, ids) -> {
                    String job = ids.next();
                    s.pods().saveAll(List.of(pod(ids).jobId(job).build(), pod(ids).jobId(job).build()));
                    Page<PodRecord> page = s.pods().list(PodQuery.builder().jobId(job).pageSize(1).build());
                    assertThat(page.hasNext()).isTrue();
                    assertTokenRefused(() -> s.jobs().list(JobQuery.builder().pageToken(page.nextPageToken()).build()));
                }));
        c.add(refusedToken("truncated page token", (s, ids) -> {
            String ns = ids.next();
            s.jobs().saveAll(List.of(job(ids).namespace(ns).build(), job(ids).namespace(ns).build()));
            String token = s.jobs().list(JobQuery.builder().pageSize(1).build()).nextPageToken();
            return token.substring(0, token.length() / 2);
        }));
        c.add(new BadInputCase("forged page token: valid checksum and filter, SQL and garbage as position",
                "Q3", "InvalidPageTokenException for every shape; never an SQL error", (s, ids) -> {
                    JobQuery jobs = JobQuery.builder().build();
                    PodQuery pods = PodQuery.builder().build();
                    List<String> garbage = List.of(INJECTION, "-1", "9".repeat(40), "", "2026-13-45T99:99:99Z", "NaN");
                    for (int parts = 0; parts <= 6; parts++) {
                        List<String> position = garbage.subList(0, parts);
                        String jobToken = PageCursor.encode(jobs.filterFingerprint(), position);
                        String podToken = PageCursor.encode(pods.filterFingerprint(), position);
                        assertTokenRefused(() -> s.jobs().list(jobs.nextPage(jobToken)));
                        assertTokenRefused(() -> s.pods().list(pods.nextPage(podToken)));
                    }
                }));
    }

    // ---------------------------------------------------------------- times (V2, times in UTC)

    private static void times(List<BadInputCase> c) {
        for (String time : List.of("1960-06-15T12:34:56Z", "1969-12-31T23:59:59Z", "1970-01-01T00:00:00Z",
                "2038-01-19T03:14:08Z", "2100-02-28T23:00:01Z", "1000-01-01T00:00:00Z", "9999-12-31T23:59:59Z")) {
            Instant at = Instant.parse(time);
            c.add(roundTripJob("job times at " + time + " (outside the TIMESTAMP range, inside DATETIME)", "V2, V3",
                    ids -> job(ids).gmtCreated(at).gmtModified(at).gmtRunning(at).gmtFinished(at)
                            .status(JobStatus.SUCCEEDED).build(), r -> r));
        }
        c.add(roundTripPod("pod times before 1970 and after 2038 in one row", "V2, V3",
                ids -> pod(ids).gmtCreated(Instant.parse("1965-01-01T00:00:00Z"))
                        .gmtModified(Instant.parse("1999-12-31T23:59:59Z")).gmtStarted(Instant.parse("2040-01-01T00:00:00Z"))
                        .gmtFinished(Instant.parse("2500-07-04T04:05:06Z")).build(), r -> r));
        c.add(roundTripJob("sub-second times are truncated to seconds, not rounded", "V3",
                ids -> job(ids).gmtCreated(Instant.parse("2026-03-01T10:00:00.999999999Z"))
                        .gmtModified(Instant.parse("2026-03-01T10:00:00.5Z")).build(),
                r -> r));
        c.add(refusedSave("gmtCreated in the year 999 (before DATETIME)", "V2", "gmtCreated",
                (s, ids) -> s.jobs().save(job(ids).gmtCreated(Instant.parse("0999-12-31T23:59:59Z")).build())));
        c.add(refusedSave("gmtFinished in the year 10000 (after DATETIME)", "V2", "gmtFinished",
                (s, ids) -> s.pods().save(pod(ids).gmtFinished(Instant.parse("+10000-01-01T00:00:00Z")).build())));
        c.add(new BadInputCase("createdFrom/createdTo filter across 1970 and 2038", "Q2", "bounds compare as UTC instants",
                (s, ids) -> {
                    String ns = ids.next();
                    JobRecord old = job(ids).namespace(ns).gmtCreated(Instant.parse("1969-07-20T20:17:40Z")).build();
                    JobRecord future = job(ids).namespace(ns).gmtCreated(Instant.parse("2038-01-19T03:14:08Z")).build();
                    s.jobs().saveAll(List.of(old, future));
                    assertThat(s.jobs().list(JobQuery.builder().namespace(ns).createdTo(Instant.EPOCH).build()).items())
                            .containsExactly(old);
                    assertThat(s.jobs().list(JobQuery.builder().namespace(ns)
                            .createdFrom(Instant.parse("2038-01-19T03:14:08Z")).build()).items()).containsExactly(future);
                }));
    }

    // ---------------------------------------------------------------- statuses

    private static void statuses(List<BadInputCase> c) {
        c.add(roundTripJob("unknown job status 'Preempting' is kept as-is", "records",
                ids -> job(ids).status("Preempting").build(), r -> r));
        c.add(roundTripPod("unknown pod phase 'Terminating' is kept as-is", "records",
                ids -> pod(ids).status("Terminating").build(), r -> r));
        c.add(roundTripPod("KubeDL's misspelled 'Unkown' reads as Unknown", "records",
                ids -> pod(ids).status("Unkown").build(), r -> r.toBuilder().status(PodStatus.UNKNOWN).build()));
        c.add(tooLongJob("status", 32, (b, v) -> b.status(JobStatus.of(v))));
        // issue 12 item 6: PAD SPACE collations made "Failed " finished and "Running " equal to "Running" on MySQL only
        for (String status : List.of("Failed ", "Running ", " Running", "Succeeded\t")) {
            c.add(refusedStatus(status));
        }
    }

    /** A status with surrounding whitespace is refused by V1 (issue 12 item 6), alone and in a batch. */
    private static BadInputCase refusedStatus(String status) {
        String shown = status.replace("\t", "\\t");
        return new BadInputCase("status '" + shown + "' with surrounding whitespace", "V1",
                "InvalidRecordException(status) on save, (jobs[0].status) in a batch; nothing written", (s, ids) -> {
                    JobRecord job = job(ids).status(JobStatus.of(status)).build();
                    assertRefused(s, () -> s.jobs().save(job), "status", -1, -1);
                    assertRefused(s, () -> s.jobs().saveAll(List.of(job)), "jobs[0].status", -1, -1);
                    PodRecord pod = pod(ids).status(PodStatus.of(status)).build();
                    assertRefused(s, () -> s.pods().save(pod), "status", -1, -1);
                    assertRefused(s, () -> s.pods().saveAll(List.of(pod)), "pods[0].status", -1, -1);
                    assertNoneWritten(s, List.of(job.key()), List.of(pod.key()));
                });
    }

    // ---------------------------------------------------------------- batches (B1, V1)

    private static void batches(List<BadInputCase> c) {
        c.add(new BadInputCase("job batch with an overlong name at index 2", "B1, V2",
                "ValueTooLongException(jobs[2].name); nothing of the batch written", (s, ids) -> {
                    List<JobRecord> batch = List.of(job(ids).build(), job(ids).build(),
                            job(ids).name(fill("n", 254)).build(), job(ids).build());
                    assertRefused(s, () -> s.jobs().saveAll(batch), "jobs[2].name", 253, 254);
                    assertNoneWritten(s, batch.stream().map(JobRecord::key).toList(), List.of());
                }));
        c.add(new BadInputCase("job batch with a null element at index 1", "B1, V1",
                "InvalidRecordException(jobs[1]); nothing of the batch written", (s, ids) -> {
                    List<JobRecord> batch = Arrays.asList(job(ids).build(), null, job(ids).build());
                    assertRefused(s, () -> s.jobs().saveAll(batch), "jobs[1]", -1, -1);
                    assertNoneWritten(s, List.of(batch.get(0).key(), batch.get(2).key()), List.of());
                }));
        c.add(refusedSave("null job batch", "B1, V1", "jobs", (s, ids) -> s.jobs().saveAll(null)));
        c.add(new BadInputCase("pod batch with a lone surrogate in the last item", "B1, V3",
                "InvalidRecordException(pods[3].remark); nothing of the batch written", (s, ids) -> {
                    List<PodRecord> batch = List.of(pod(ids).build(), pod(ids).build(), pod(ids).build(),
                            pod(ids).remark("\uD800").build());
                    assertRefused(s, () -> s.pods().saveAll(batch), "pods[3].remark", -1, -1);
                    assertNoneWritten(s, List.of(), batch.stream().map(PodRecord::key).toList());
                }));
        c.add(new BadInputCase("pod batch with a time outside DATETIME at index 0", "B1, V2",
                "InvalidRecordException(pods[0].gmtCreated); nothing of the batch written", (s, ids) -> {
                    List<PodRecord> batch = List.of(pod(ids).gmtCreated(Instant.parse("0500-01-01T00:00:00Z")).build(),
                            pod(ids).build());
                    assertRefused(s, () -> s.pods().saveAll(batch), "pods[0].gmtCreated", -1, -1);
                    assertNoneWritten(s, List.of(), batch.stream().map(PodRecord::key).toList());
                }));
    }

    // ---------------------------------------------------------------- removal and deletion (D1, D2)

    private static void lifecycle(List<BadInputCase> c) {
        c.add(new BadInputCase("markRemoved of an unknown identity", "D1", "NOT_FOUND; nothing written", (s, ids) -> {
            RowCounts before = RowCounts.of(s);
            assertThat(s.jobs().markRemoved(JobKey.of(ids.next()), T0)).isEqualTo(WriteOutcome.NOT_FOUND);
            assertThat(RowCounts.of(s)).isEqualTo(before);
        }));
        c.add(new BadInputCase("delete of a job still in etcd", "D2",
                "StillInEtcdException naming the job, 'mark it removed first'; the row stays", (s, ids) -> {
                    JobRecord job = job(ids).build();
                    s.jobs().save(job);
                    assertThatThrownBy(() -> s.jobs().delete(job.key())).isInstanceOf(StillInEtcdException.class)
                            .hasMessageContaining("mark it removed first");
                    assertThat(s.jobs().get(job.key())).contains(job);
                }));
    }

    // ---------------------------------------------------------------- null arguments (V1, issue 12 item 9)

    private static void nullArguments(List<BadInputCase> c) {
        Instant at = T0.plusSeconds(60);
        c.add(refusedSave("get of a null job key", "V1", "key", (s, ids) -> s.jobs().get(null)));
        c.add(refusedSave("get of a null pod key", "V1", "key", (s, ids) -> s.pods().get(null)));
        c.add(refusedSave("findLatest job with a null namespace", "V1", "namespace",
                (s, ids) -> s.jobs().findLatest(null, "n", "TFJob")));
        c.add(refusedSave("findLatest job with a null name", "V1", "name",
                (s, ids) -> s.jobs().findLatest("default", null, "TFJob")));
        c.add(refusedSave("findLatest job with a null kind", "V1", "kind",
                (s, ids) -> s.jobs().findLatest("default", "n", null)));
        c.add(refusedSave("findLatest pod with a null namespace", "V1", "namespace",
                (s, ids) -> s.pods().findLatest(null, "n")));
        c.add(refusedSave("findLatest pod with a null name", "V1", "name", (s, ids) -> s.pods().findLatest("default", null)));
        c.add(refusedSave("list jobs with a null query", "V1", "query", (s, ids) -> s.jobs().list(null)));
        c.add(refusedSave("list pods with a null query", "V1", "query", (s, ids) -> s.pods().list(null)));
        c.add(refusedSave("count jobs with a null query", "V1", "query", (s, ids) -> s.jobs().count(null)));
        c.add(refusedSave("count pods with a null query", "V1", "query", (s, ids) -> s.pods().count(null)));
        c.add(refusedSave("markRemoved of a null job key", "V1", "key", (s, ids) -> s.jobs().markRemoved(null, at)));
        c.add(refusedSave("markRemoved of a null pod key", "V1", "key", (s, ids) -> s.pods().markRemoved(null, at)));
        c.add(new BadInputCase("markRemoved with a null time", "V1", "InvalidRecordException(removedAt); the row stays",
                (s, ids) -> {
                    JobRecord job = job(ids).build();
                    s.jobs().save(job);
                    assertRefused(s, () -> s.jobs().markRemoved(job.key(), null), "removedAt", -1, -1);
                    assertThat(s.jobs().get(job.key())).contains(job);
                }));
        c.add(refusedSave("markRemovedAll of null keys", "V1", "keys", (s, ids) -> s.jobs().markRemovedAll(null, at)));
        c.add(refusedSave("delete of a null job key", "V1", "key", (s, ids) -> s.jobs().delete(null)));
        c.add(refusedSave("delete of a null pod key", "V1", "key", (s, ids) -> s.pods().delete(null)));
        c.add(refusedSave("reconcile jobs with null live ids", "V1", "liveJobIds",
                (s, ids) -> s.jobs().reconcile("bad-input", java.util.Set.of("TFJob"), null, at)));
        c.add(refusedSave("reconcile pods with null live ids", "V1", "livePodIds",
                (s, ids) -> s.pods().reconcile("bad-input", null, at)));
        c.add(refusedSave("purge jobs before null", "V1", "finishedBefore", (s, ids) -> s.jobs().purge(null)));
        c.add(refusedSave("purge pods before null", "V1", "finishedBefore", (s, ids) -> s.pods().purge(null)));
    }

    // ---------------------------------------------------------------- removal times (V2, issue 12 item 5)

    private static void removalTimes(List<BadInputCase> c) {
        for (String time : List.of("0500-01-01T00:00:00Z", "0999-12-31T23:59:59Z", "+10000-01-01T00:00:00Z")) {
            c.add(refusedRemovalTime(Instant.parse(time)));
        }
    }

    /**
     * A removal time the store cannot hold is refused naming {@code removedAt}, by
     * markRemoved, markRemovedAll (one key and a batch) and reconcile; the rows stay in
     * etcd and can still be saved (issue 12 item 5: 0500-01-01 was stored, and the row
     * could never be saved again).
     */
    private static BadInputCase refusedRemovalTime(Instant at) {
        return new BadInputCase("removal time " + at + " outside the store's range", "V2, D1, D3",
                "InvalidRecordException(removedAt) from markRemoved, markRemovedAll and reconcile; rows stay in etcd",
                (s, ids) -> {
                    String region = "bad-input-" + ids.next();
                    List<JobRecord> jobs = List.of(job(ids).region(region).build(), job(ids).region(region).build(),
                            job(ids).region(region).build());
                    PodRecord pod = pod(ids).region(region).build();
                    s.jobs().saveAll(jobs);
                    s.pods().save(pod);
                    List<JobKey> keys = jobs.stream().map(JobRecord::key).toList();
                    assertRefused(s, () -> s.jobs().markRemoved(keys.get(0), at), "removedAt", -1, -1);
                    assertRefused(s, () -> s.pods().markRemoved(pod.key(), at), "removedAt", -1, -1);
                    assertRefused(s, () -> s.jobs().markRemovedAll(keys.subList(0, 1), at), "removedAt", -1, -1);
                    assertRefused(s, () -> s.jobs().markRemovedAll(keys, at), "removedAt", -1, -1);
                    assertRefused(s, () -> s.jobs().reconcile(region, java.util.Set.of("TFJob"), java.util.Set.of(), at),
                            "removedAt", -1, -1);
                    assertRefused(s, () -> s.pods().reconcile(region, java.util.Set.of(), at), "removedAt", -1, -1);
                    for (JobRecord job : jobs) {
                        assertThat(s.jobs().get(job.key())).as("job after refused removals").contains(job);
                    }
                    assertThat(s.pods().get(pod.key())).as("pod after refused removals").contains(pod);
                    JobRecord newer = jobs.get(0).toBuilder().version("101").build();
                    assertThat(s.jobs().save(newer)).as("a later save").isEqualTo(WriteOutcome.UPDATED);
                });
    }

    // ---------------------------------------------------------------- builders of rows

    /** @param ids unique ids @return a valid job with every field set, unique identity and name */
    static JobRecord.Builder job(UniqueIds ids) {
        String id = ids.next();
        return JobRecord.builder().region("bad-input").jobId(id).name("job-" + id).namespace("default").kind("TFJob")
                .version("100").status(JobStatus.RUNNING).resources("{\"Worker\":{\"replicas\":2}}").tenant("t")
                .owner("o").gmtCreated(T0).gmtModified(T0.plusSeconds(5)).gmtRunning(T0.plusSeconds(5)).remark("r");
    }

    /** @param ids unique ids @return a valid pod with every field set, unique identity and name */
    static PodRecord.Builder pod(UniqueIds ids) {
        String id = ids.next();
        return PodRecord.builder().region("bad-input").podId(id).name("pod-" + id + "-worker-0").namespace("default")
                .jobId("job-of-" + id).version("100").status(PodStatus.RUNNING).image("img:1").replicaType("worker")
                .resources("{\"cpu\":\"1\"}").hostIp("10.0.0.1").podIp("172.16.0.1").remark("r").gmtCreated(T0)
                .gmtModified(T0.plusSeconds(3)).gmtStarted(T0.plusSeconds(3));
    }

    private static JobRecord.Builder nullJobField(JobRecord.Builder b, String field) {
        return switch (field) {
            case "jobId" -> b.jobId(null);
            case "name" -> b.name(null);
            case "namespace" -> b.namespace(null);
            case "kind" -> b.kind(null);
            case "version" -> b.version((String) null);
            case "status" -> b.status((JobStatus) null);
            case "gmtCreated" -> b.gmtCreated(null);
            default -> throw new IllegalArgumentException(field);
        };
    }

    private static PodRecord.Builder nullPodField(PodRecord.Builder b, String field) {
        return switch (field) {
            case "podId" -> b.podId(null);
            case "name" -> b.name(null);
            case "namespace" -> b.namespace(null);
            case "jobId" -> b.jobId(null);
            case "version" -> b.version((String) null);
            case "status" -> b.status((PodStatus) null);
            case "gmtCreated" -> b.gmtCreated(null);
            default -> throw new IllegalArgumentException(field);
        };
    }

    /** @return text that starts with the prefix and is exactly length characters long */
    static String fill(String prefix, int length) {
        StringBuilder b = new StringBuilder(prefix);
        while (b.length() < length) {
            b.append((char) ('a' + b.length() % 26));
        }
        return b.substring(0, length);
    }

    // ---------------------------------------------------------------- row factories

    private static BadInputCase refusedBuild(String kind, String rules, String field, Function<UniqueIds, Object> build) {
        return new BadInputCase(kind, rules, "InvalidRecordException(" + field + ") before anything reaches the store",
                (s, ids) -> {
                    RowCounts before = RowCounts.of(s);
                    Throwable t = catchThrowable(() -> build.apply(ids));
                    assertThat(t).as(kind).isInstanceOf(InvalidRecordException.class);
                    assertThat(((InvalidRecordException) t).field()).isEqualTo(field);
                    assertThat(t.getMessage()).startsWith(field + ": ");
                    assertThat(RowCounts.of(s)).isEqualTo(before);
                });
    }

    private static BadInputCase refusedSave(String kind, String rules, String field, BadInputCase.Check write) {
        return new BadInputCase(kind, rules, "InvalidRecordException(" + field + "); row counts unchanged",
                (s, ids) -> assertRefused(s, () -> write.run(s, ids), field, -1, -1));
    }

    private static BadInputCase tooLongJob(String field, int limit, FieldSetter<JobRecord.Builder> set) {
        return new BadInputCase("job " + field + " of " + (limit + 1) + " characters", "V2",
                "ValueTooLongException(" + field + ", limit " + limit + ", length " + (limit + 1) + "); nothing written",
                (s, ids) -> {
                    JobRecord.Builder b = job(ids);
                    set.apply(b, fill(field.equals("jobId") ? ids.next() : "x", limit + 1));
                    JobRecord job = b.build();
                    assertRefused(s, () -> s.jobs().save(job), field, limit, limit + 1);
                    assertThat(s.jobs().get(job.key())).isEmpty();
                });
    }

    private static BadInputCase tooLongPod(String field, int limit, FieldSetter<PodRecord.Builder> set) {
        return new BadInputCase("pod " + field + " of " + (limit + 1) + " characters", "V2",
                "ValueTooLongException(" + field + ", limit " + limit + ", length " + (limit + 1) + "); nothing written",
                (s, ids) -> {
                    PodRecord.Builder b = pod(ids);
                    set.apply(b, fill("x", limit + 1));
                    PodRecord pod = b.build();
                    assertRefused(s, () -> s.pods().save(pod), field, limit, limit + 1);
                    assertThat(s.pods().get(pod.key())).isEmpty();
                });
    }

    private static BadInputCase roundTripJob(String kind, String rules, Function<UniqueIds, JobRecord> record,
            Function<JobRecord, JobRecord> expected) {
        return new BadInputCase(kind, rules, "INSERTED; get and findLatest return it exactly", (s, ids) -> {
            JobRecord job = record.apply(ids);
            assertThat(s.jobs().save(job)).isEqualTo(WriteOutcome.INSERTED);
            JobRecord want = expected.apply(job);
            assertThat(s.jobs().get(job.key())).as("get").contains(want);
            assertThat(s.jobs().findLatest(job.namespace(), job.name(), job.kind())).as("findLatest").contains(want);
            assertThat(s.jobs().save(job)).as("the same version again").isEqualTo(WriteOutcome.UNCHANGED);
        });
    }

    private static BadInputCase roundTripPod(String kind, String rules, Function<UniqueIds, PodRecord> record,
            Function<PodRecord, PodRecord> expected) {
        return new BadInputCase(kind, rules, "INSERTED; get and findLatest return it exactly", (s, ids) -> {
            PodRecord pod = record.apply(ids);
            assertThat(s.pods().save(pod)).isEqualTo(WriteOutcome.INSERTED);
            PodRecord want = expected.apply(pod);
            assertThat(s.pods().get(pod.key())).as("get").contains(want);
            assertThat(s.pods().findLatest(pod.namespace(), pod.name())).as("findLatest").contains(want);
            assertThat(s.pods().save(pod)).as("the same version again").isEqualTo(WriteOutcome.UNCHANGED);
        });
    }

    private static BadInputCase exactFilters(String kind, String... variants) {
        return new BadInputCase(kind, "Q2", "namespace, name, tenant, owner, kind filters and findLatest return only the exact value",
                (s, ids) -> {
                    String base = ids.next();
                    List<JobRecord> rows = new ArrayList<>();
                    for (String variant : variants) {
                        rows.add(job(ids).namespace(base + variant).name(base + variant).tenant(base + variant)
                                .owner(base + variant).kind("K" + base + variant).build());
                    }
                    s.jobs().saveAll(rows);
                    for (JobRecord row : rows) {
                        String v = row.namespace();
                        assertThat(s.jobs().list(JobQuery.builder().namespace(v).build()).items()).as("namespace '" + v + "'")
                                .containsExactly(row);
                        assertThat(s.jobs().list(JobQuery.builder().name(v).build()).items()).as("name '" + v + "'")
                                .containsExactly(row);
                        assertThat(s.jobs().list(JobQuery.builder().tenant(v).owner(v).build()).items())
                                .as("tenant and owner '" + v + "'").containsExactly(row);
                        assertThat(s.jobs().list(JobQuery.builder().kind(row.kind()).build()).items())
                                .as("kind '" + row.kind() + "'").containsExactly(row);
                        assertThat(s.jobs().findLatest(v, v, row.kind())).as("findLatest '" + v + "'").contains(row);
                    }
                });
    }

    /**
     * Free text that differs only in trailing spaces is stored apart and each exact filter
     * finds only its own row; identity, name and status filters given a value with a
     * trailing space match nothing (such values cannot be stored, V1), on SQL stores whose
     * collations pad with spaces too.
     */
    private static BadInputCase trailingSpaceFilters(String kind) {
        return new BadInputCase(kind, "Q2, Q4, V1",
                "tenant, owner, replicaType filters return only the exact value; namespace, name, kind, region, "
                        + "jobId, status filters and findLatest with a trailing space return nothing",
                (s, ids) -> {
                    String base = ids.next();
                    List<JobRecord> jobs = new ArrayList<>();
                    List<PodRecord> pods = new ArrayList<>();
                    for (String pad : List.of("", " ", "  ")) {
                        jobs.add(job(ids).tenant(base + pad).owner(base + pad).status(JobStatus.of(base)).build());
                        pods.add(pod(ids).replicaType(base + pad).status(PodStatus.of(base)).build());
                    }
                    s.jobs().saveAll(jobs);
                    s.pods().saveAll(pods);
                    for (JobRecord row : jobs) {
                        String v = row.tenant();
                        assertThat(s.jobs().list(JobQuery.builder().tenant(v).build()).items()).as("tenant '" + v + "'")
                                .containsExactly(row);
                        assertThat(s.jobs().list(JobQuery.builder().owner(v).build()).items()).as("owner '" + v + "'")
                                .containsExactly(row);
                        assertThat(s.jobs().count(JobQuery.builder().tenant(v).build())).as("count tenant '" + v + "'")
                                .isEqualTo(1);
                    }
                    for (PodRecord row : pods) {
                        String v = row.replicaType();
                        assertThat(s.pods().list(PodQuery.builder().replicaType(v).build()).items())
                                .as("replicaType '" + v + "'").containsExactly(row);
                    }
                    assertThat(s.jobs().list(JobQuery.builder().statuses(JobStatus.of(base)).build()).items())
                            .as("status '" + base + "'").containsExactlyInAnyOrderElementsOf(jobs);
                    assertThat(s.jobs().list(JobQuery.builder().statuses(JobStatus.of(base + " ")).build()).items())
                            .as("status '" + base + " '").isEmpty();
                    assertThat(s.pods().list(PodQuery.builder().statuses(PodStatus.of(base)).build()).items())
                            .as("pod status '" + base + "'").containsExactlyInAnyOrderElementsOf(pods);
                    assertThat(s.pods().list(PodQuery.builder().statuses(PodStatus.of(base + " ")).build()).items())
                            .as("pod status '" + base + " '").isEmpty();
                    JobRecord job = jobs.get(0);
                    PodRecord pod = pods.get(0);
                    List<JobQuery> jobQueries = List.of(JobQuery.builder().namespace(job.namespace() + " ").jobId(job.jobId()).build(),
                            JobQuery.builder().name(job.name() + " ").build(),
                            JobQuery.builder().kind(job.kind() + " ").jobId(job.jobId()).build(),
                            JobQuery.builder().region(job.region() + " ").jobId(job.jobId()).build(),
                            JobQuery.builder().jobId(job.jobId() + " ").build());
                    for (JobQuery q : jobQueries) {
                        assertThat(s.jobs().list(q).items()).as(q.toString()).isEmpty();
                        assertThat(s.jobs().count(q)).as("count " + q).isZero();
                    }
                    List<PodQuery> podQueries = List.of(PodQuery.builder().jobId(pod.jobId() + " ").build(),
                            PodQuery.builder().name(pod.name() + " ").build(),
                            PodQuery.builder().namespace(pod.namespace() + " ").jobId(pod.jobId()).build(),
                            PodQuery.builder().region(pod.region() + " ").jobId(pod.jobId()).build());
                    for (PodQuery q : podQueries) {
                        assertThat(s.pods().list(q).items()).as(q.toString()).isEmpty();
                    }
                    assertThat(s.jobs().findLatest(job.namespace(), job.name() + " ", job.kind())).as("findLatest job").isEmpty();
                    assertThat(s.jobs().findLatest(job.namespace(), job.name(), job.kind() + " ")).as("findLatest kind").isEmpty();
                    assertThat(s.pods().findLatest(pod.namespace() + " ", pod.name())).as("findLatest pod").isEmpty();
                    assertThat(s.jobs().get(new JobKey(job.region(), job.jobId() + " "))).as("get job").isEmpty();
                    assertThat(s.pods().get(new io.kubedl.persist.model.PodKey(pod.region(), pod.podId() + " ")))
                            .as("get pod").isEmpty();
                });
    }

    /**
     * An identity or name with surrounding whitespace is refused (V1, I1): in a PAD SPACE
     * collation {@code 'abc '} would be the row of {@code 'abc'} and overwrite it. The row
     * of the unpadded identity, saved first, stays as it was.
     */
    private static BadInputCase refusedWhitespaceJob(String field, String pad, FieldSetter<JobRecord.Builder> set) {
        String shown = pad.equals("\t") ? "a tab" : pad.length() == 1 ? "a trailing space" : pad.length() + " trailing spaces";
        return new BadInputCase("job " + field + " ending in " + shown, "V1, I1, I2",
                "InvalidRecordException(" + field + ": must not start or end with whitespace); nothing written, "
                        + "the unpadded identity's row unchanged",
                (s, ids) -> {
                    JobRecord plain = job(ids).build();
                    assertThat(s.jobs().save(plain)).isEqualTo(WriteOutcome.INSERTED);
                    JobRecord.Builder b = plain.toBuilder().version("200").status(JobStatus.FAILED);
                    String padded = fieldValue(plain, field) + pad;
                    set.apply(b, padded);
                    JobRecord job = b.build();
                    assertRefused(s, () -> s.jobs().save(job), field, -1, -1);
                    assertThatThrownBy(() -> s.jobs().save(job))
                            .hasMessage(field + ": must not start or end with whitespace, was '" + padded + "'");
                    assertWhitespaceMessage(s, () -> s.jobs().saveAll(List.of(job)), field, padded);
                    assertThat(s.jobs().get(plain.key())).as("the unpadded row").contains(plain);
                    if (!job.key().equals(plain.key())) {
                        assertThat(s.jobs().get(job.key())).as("the padded identity").isEmpty();
                    }
                });
    }

    private static BadInputCase refusedWhitespacePod(String field, String pad, FieldSetter<PodRecord.Builder> set) {
        return new BadInputCase("pod " + field + " ending in a trailing space", "V1, I1, I2",
                "InvalidRecordException(" + field + ": must not start or end with whitespace); nothing written, "
                        + "the unpadded identity's row unchanged",
                (s, ids) -> {
                    PodRecord plain = pod(ids).build();
                    assertThat(s.pods().save(plain)).isEqualTo(WriteOutcome.INSERTED);
                    PodRecord.Builder b = plain.toBuilder().version("200").status(PodStatus.FAILED);
                    String padded = switch (field) {
                        case "podId" -> plain.podId();
                        case "jobId" -> plain.jobId();
                        default -> plain.namespace();
                    } + pad;
                    set.apply(b, padded);
                    PodRecord pod = b.build();
                    assertRefused(s, () -> s.pods().save(pod), field, -1, -1);
                    assertThatThrownBy(() -> s.pods().save(pod))
                            .hasMessage(field + ": must not start or end with whitespace, was '" + padded + "'");
                    assertWhitespaceMessage(s, () -> s.pods().saveAll(List.of(pod)), field, padded);
                    assertThat(s.pods().get(plain.key())).as("the unpadded row").contains(plain);
                    if (!pod.key().equals(plain.key())) {
                        assertThat(s.pods().get(pod.key())).as("the padded identity").isEmpty();
                    }
                });
    }

    private static String fieldValue(JobRecord job, String field) {
        return switch (field) {
            case "jobId" -> job.jobId();
            case "region" -> job.region();
            case "namespace" -> job.namespace();
            case "name" -> job.name();
            case "kind" -> job.kind();
            default -> throw new IllegalArgumentException(field);
        };
    }

    /** The batch names the item, e.g. {@code jobs[0].jobId: must not start or end with whitespace, was '...'}. */
    private static void assertWhitespaceMessage(MetaStore s, ThrowingRunnable write, String field, String value) {
        RowCounts before = RowCounts.of(s);
        assertThatThrownBy(write::run).isInstanceOf(InvalidRecordException.class)
                .hasMessageEndingWith("[0]." + field + ": must not start or end with whitespace, was '" + value + "'");
        assertThat(RowCounts.of(s)).as("row counts after the refused batch").isEqualTo(before);
    }

    private static BadInputCase distinctIdentities(String kind, String... suffixes) {
        return new BadInputCase(kind, "I1, I2", "each INSERTED as its own row; none overwrites another", (s, ids) -> {
            String id = ids.next();
            List<JobRecord> rows = new ArrayList<>();
            for (int i = 0; i < suffixes.length; i++) {
                rows.add(job(ids).jobId(id + "-" + suffixes[i]).version(Integer.toString(100 * (i + 1))).build());
            }
            for (JobRecord row : rows) {
                assertThat(s.jobs().save(row)).as("save of jobId '" + row.jobId() + "'").isEqualTo(WriteOutcome.INSERTED);
            }
            for (JobRecord row : rows) {
                assertThat(s.jobs().get(row.key())).as("get of jobId '" + row.jobId() + "'").contains(row);
            }
        });
    }

    private static BadInputCase refusedToken(String kind, TokenSource token) {
        return new BadInputCase(kind, "Q3", "InvalidPageTokenException(pageToken) for jobs and pods", (s, ids) -> {
            String t = token.make(s, ids);
            assertTokenRefused(() -> s.jobs().list(JobQuery.builder().pageToken(t).build()));
            assertTokenRefused(() -> s.pods().list(PodQuery.builder().pageToken(t).build()));
        });
    }

    private static void assertTokenRefused(Supplier<?> listing) {
        Throwable t = catchThrowable(listing::get);
        assertThat(t).isInstanceOf(InvalidPageTokenException.class);
        assertThat(((InvalidPageTokenException) t).field()).isEqualTo("pageToken");
    }

    /**
     * Asserts the write is refused naming the field (and limit and length when not -1), and
     * that the row counts did not move.
     */
    static void assertRefused(MetaStore s, ThrowingRunnable write, String field, int limit, int length) {
        RowCounts before = RowCounts.of(s);
        Throwable t = catchThrowable(write::run);
        assertThat(t).isInstanceOf(InvalidRecordException.class);
        InvalidRecordException e = (InvalidRecordException) t;
        assertThat(e.field()).as("field named by: " + e.getMessage()).isEqualTo(field);
        if (limit >= 0) {
            assertThat(e).isInstanceOf(ValueTooLongException.class);
            assertThat(((ValueTooLongException) e).limit()).isEqualTo(limit);
            assertThat(((ValueTooLongException) e).length()).isEqualTo(length);
            assertThat(e.getMessage()).contains(Integer.toString(limit)).contains(Integer.toString(length));
        }
        assertThat(RowCounts.of(s)).as("row counts after the refused write").isEqualTo(before);
    }

    private static void assertNoneWritten(MetaStore s, List<JobKey> jobs, List<io.kubedl.persist.model.PodKey> pods) {
        for (JobKey key : jobs) {
            assertThat(s.jobs().get(key)).as("job " + key + " of the refused batch").isEmpty();
        }
        for (io.kubedl.persist.model.PodKey key : pods) {
            assertThat(s.pods().get(key)).as("pod " + key + " of the refused batch").isEmpty();
        }
    }

    /** A write that may throw anything. */
    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** Sets one field of a builder. */
    @FunctionalInterface
    private interface FieldSetter<B> {
        void apply(B builder, String value);
    }

    /** Makes a page token, possibly by listing first. */
    @FunctionalInterface
    private interface TokenSource {
        String make(MetaStore store, UniqueIds ids);
    }
}
