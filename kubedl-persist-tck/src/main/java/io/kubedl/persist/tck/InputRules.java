package io.kubedl.persist.tck;

import static io.kubedl.persist.tck.ContractRule.V1;
import static io.kubedl.persist.tck.ContractRule.V2;
import static io.kubedl.persist.tck.ContractRule.V3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.kubedl.persist.InvalidRecordException;
import io.kubedl.persist.ValueTooLongException;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.query.JobQuery;
import io.kubedl.persist.query.PodQuery;
import io.kubedl.persist.spi.Capability;
import io.kubedl.persist.spi.JobPersist;
import io.kubedl.persist.spi.PodPersist;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.Set;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Rules V1..V3: bad input is refused before anything is written; text round-trips exactly. */
interface InputRules extends TckSupport {

    /** The text fields of a job record that V3 round-trips exactly. */
    List<String> JOB_TEXT_FIELDS =
            List.of("region", "jobId", "name", "namespace", "kind", "version", "status", "resources", "tenant", "owner", "remark");
    /** The text fields of a pod record that V3 round-trips exactly. */
    List<String> POD_TEXT_FIELDS = List.of("region", "podId", "name", "namespace", "version", "status", "image",
            "jobId", "replicaType", "resources", "hostIp", "podIp", "remark");

    // V1

    /** Required, rule {@link ContractRule#V1}: null record is refused naming it. */
    @Test
    default void required_V1_nullRecordIsRefusedNamingIt() {
        Throwable job = catchThrowable(() -> jobs().save(null));
        assertThat(job).as(V1.says("save(null) must throw InvalidRecordException")).isInstanceOf(InvalidRecordException.class);
        assertThat(((InvalidRecordException) job).field()).as(V1.says("the error must name the field 'job'")).isEqualTo("job");
        Throwable pod = catchThrowable(() -> pods().save(null));
        assertThat(pod).as(V1.says("pods().save(null) must throw InvalidRecordException")).isInstanceOf(InvalidRecordException.class);
        assertThat(((InvalidRecordException) pod).field()).as(V1.says("the error must name the field 'pod'")).isEqualTo("pod");
        assertThat(catchThrowable(() -> jobs().saveAll(null))).as(V1.says("saveAll(null) must throw InvalidRecordException"))
                .isInstanceOf(InvalidRecordException.class);
    }

    /** Required, rule {@link ContractRule#V1}: records without identity name or namespace cannot be made. */
    @Test
    default void required_V1_recordsWithoutIdentityNameOrNamespaceCannotBeMade() {
        Map<String, Runnable> missing = Map.of(
                "jobId", () -> records().job("TFJob", "mnist").jobId(null).build(),
                "name", () -> records().job("TFJob", "mnist").name(" ").build(),
                "namespace", () -> records().job("TFJob", "mnist").namespace(null).build(),
                "podId", () -> records().pod(records().tfJob("mnist"), "worker", 0).podId("").build());
        missing.forEach((field, make) -> {
            Throwable refused = catchThrowable(make::run);
            assertThat(refused).as(V1.says("a record without " + field + " must be refused")).isInstanceOf(InvalidRecordException.class);
            assertThat(((InvalidRecordException) refused).field()).as(V1.says("the error must name " + field)).isEqualTo(field);
        });
    }

    /**
     * Required, rule {@link ContractRule#V1}: null arguments are refused naming the parameter.
     *
     * @throws Throwable when the store under test fails unexpectedly
     */
    @Test
    default void required_V1_nullArgumentsAreRefusedNamingTheParameter() throws Throwable {
        JobRecord job = records().tfJob("mnist");
        PodRecord pod = records().pod(job, "worker", 0).build();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Object[] target : new Object[][] {{JobPersist.class, jobs()}, {PodPersist.class, pods()}}) {
            for (Method method : SpiCalls.methodsOf((Class<?>) target[0])) {
                Optional<Capability> capability = SpiCalls.capabilityOf(method);
                if (capability.isPresent() && !sut().capabilities().contains(capability.get())) {
                    continue;
                }
                Parameter[] parameters = method.getParameters();
                for (int i = 0; i < parameters.length; i++) {
                    if (parameters[i].getName().equals("region")) {
                        continue; // a null region is the empty region (I1)
                    }
                    Object[] args = SpiCalls.validArguments(method, job, pod);
                    args[i] = null;
                    Throwable thrown = null;
                    try {
                        SpiCalls.invoke(method, target[1], args);
                    } catch (Throwable t) {
                        thrown = t;
                    }
                    checked++;
                    String expected = parameters[i].isNamePresent() ? parameters[i].getName() : null;
                    if (!(thrown instanceof InvalidRecordException refused)) {
                        wrong.add(SpiCalls.describe(method) + " with " + parameters[i].getName() + " = null "
                                + (thrown == null ? "returned normally" : "threw " + thrown));
                    } else if (expected != null && !expected.equals(refused.field())) {
                        wrong.add(SpiCalls.describe(method) + " with " + expected + " = null named field '" + refused.field() + "'");
                    }
                }
            }
        }
        assertThat(wrong).as(V1.says("a null argument to any SPI method must be refused with InvalidRecordException whose field() "
                + "names the parameter (" + checked + " calls checked; a null region alone is allowed: it is the empty region)"))
                .isEmpty();
        assertThat(allJobs(JobQuery.builder().build())).as(V1.says("nothing may be written by a refused call")).isEmpty();
        assertThat(allPods(PodQuery.builder().build())).as(V1.says("nothing may be written by a refused call")).isEmpty();
    }

    /** Required, rule {@link ContractRule#V1}: status with surrounding whitespace is refused. */
    @Test
    default void required_V1_statusWithSurroundingWhitespaceIsRefused() {
        for (String status : List.of("Failed ", " Running", "Running\t", "\nSucceeded")) {
            JobRecord job = records().tfJob("mnist").toBuilder().status(status).build();
            PodRecord pod = records().pod(job, "worker", 0).status(status).build();
            String shown = "'" + status.replace("\t", "\\t").replace("\n", "\\n") + "'";
            assertStatusRefused(() -> jobs().save(job), "status", "job status " + shown);
            assertStatusRefused(() -> jobs().saveAll(List.of(job)), "jobs[0].status", "job status " + shown + " in saveAll");
            assertStatusRefused(() -> pods().save(pod), "status", "pod status " + shown);
            assertStatusRefused(() -> pods().saveAll(List.of(pod)), "pods[0].status", "pod status " + shown + " in saveAll");
        }
        Throwable blank = catchThrowable(() -> jobs().save(records().tfJob("blank").toBuilder().status("  ").build()));
        assertThat(blank).as(V1.says("a blank status must be refused (when the record is built or when it is saved)"))
                .isInstanceOf(RuntimeException.class);
        assertThat(blank.getMessage()).as(V1.says("the refusal of a blank status must name the field status")).contains("status");
        assertThat(allJobs(JobQuery.builder().build())).as(V1.says("nothing may be written")).isEmpty();
        assertThat(allPods(PodQuery.builder().build())).as(V1.says("nothing may be written")).isEmpty();
    }

    private static void assertStatusRefused(Runnable save, String field, String what) {
        Throwable refused = catchThrowable(save::run);
        assertThat(refused).as(V1.says(what + " must be refused with InvalidRecordException: a status with surrounding whitespace "
                + "is another string to an exact comparison and the same one to a PAD SPACE collation")).isInstanceOf(InvalidRecordException.class);
        assertThat(((InvalidRecordException) refused).field()).as(V1.says(what + ": the error must name the field " + field)).isEqualTo(field);
    }

    // V2

    /** Required, rule {@link ContractRule#V2}: removal times outside the range are refused. */
    @Test
    default void required_V2_removalTimesOutsideTheRangeAreRefused() {
        JobRecord job = inserted(records().tfJob("mnist"));
        PodRecord pod = inserted(records().pod(job, "worker", 0).build());
        Instant tooEarly = sut().limits().earliest().minus(Duration.ofDays(1));
        Instant tooLate = sut().limits().latest().plus(Duration.ofDays(1));
        boolean reconciles = sut().capabilities().contains(Capability.RECONCILE);
        for (Instant at : List.of(tooEarly, tooLate)) {
            Map<String, Runnable> calls = new LinkedHashMap<>();
            calls.put("jobs().markRemoved", () -> jobs().markRemoved(job.key(), at));
            calls.put("jobs().markRemovedAll", () -> jobs().markRemovedAll(List.of(job.key()), at));
            calls.put("pods().markRemoved", () -> pods().markRemoved(pod.key(), at));
            calls.put("pods().markRemovedAll", () -> pods().markRemovedAll(List.of(pod.key()), at));
            if (reconciles) {
                calls.put("jobs().reconcile", () -> jobs().reconcile("", Set.of(job.kind()), Set.of(), at));
                calls.put("pods().reconcile", () -> pods().reconcile("", Set.of(), at));
            }
            calls.forEach((what, call) -> {
                Throwable refused = catchThrowable(call::run);
                assertThat(refused).as(V2.says(what + " at " + at + " (outside limits() " + sut().limits().earliest() + " .. "
                        + sut().limits().latest() + ") must be refused with InvalidRecordException, as a record's time is"))
                        .isInstanceOf(InvalidRecordException.class);
                assertThat(((InvalidRecordException) refused).field()).as(V2.says(what + ": the error must name the parameter removedAt"))
                        .isEqualTo("removedAt");
            });
        }
        assertThat(storedJob(job.key(), V2)).as(V2.says("a refused removal must leave the job as it was")).isEqualTo(job);
        assertThat(storedPod(pod.key(), V2)).as(V2.says("a refused removal must leave the pod as it was")).isEqualTo(pod);
    }


    /** Required, rule {@link ContractRule#V2}: overlong job values are refused naming field limit and length. */
    @Test
    default void required_V2_overlongJobValuesAreRefusedNamingFieldLimitAndLength() {
        int checked = 0;
        for (String field : JOB_TEXT_FIELDS) {
            int limit = sut().limits().of(field);
            if (limit == Integer.MAX_VALUE) {
                continue;
            }
            JobRecord job = withJobField(records().tfJob("mnist"), field, value(field, limit + 1));
            assertRefused(field, limit, () -> jobs().save(job));
            checked++;
        }
        Assumptions.assumeTrue(checked > 0, "V2 not verified: limits() sets no limit on any job field");
        assertThat(allJobs(JobQuery.builder().build())).as(V2.says("nothing may be written when a value is too long")).isEmpty();
    }

    /** Required, rule {@link ContractRule#V2}: overlong pod values are refused naming field limit and length. */
    @Test
    default void required_V2_overlongPodValuesAreRefusedNamingFieldLimitAndLength() {
        JobRecord job = records().tfJob("mnist");
        for (String field : POD_TEXT_FIELDS) {
            int limit = sut().limits().of(field);
            if (limit == Integer.MAX_VALUE) {
                continue;
            }
            PodRecord pod = withPodField(records().pod(job, "worker", 0).build(), field, value(field, limit + 1));
            assertRefused(field, limit, () -> pods().save(pod));
        }
        assertThat(allPods(PodQuery.builder().build())).as(V2.says("nothing may be written when a pod value is too long")).isEmpty();
    }

    /** Required, rule {@link ContractRule#V2}: values at the limit round trip untruncated. */
    @Test
    default void required_V2_valuesAtTheLimitRoundTripUntruncated() {
        for (String field : JOB_TEXT_FIELDS) {
            int limit = Math.min(sut().limits().of(field), 70_000);
            JobRecord job = withJobField(records().tfJob("mnist"), field, value(field, limit));
            inserted(job);
            assertThat(storedJob(job.key(), V2)).as(V2.says("a job " + field + " of exactly " + limit + " characters must round-trip untruncated"))
                    .isEqualTo(job);
        }
        JobRecord owner = records().tfJob("mnist");
        for (String field : POD_TEXT_FIELDS) {
            int limit = Math.min(sut().limits().of(field), 70_000);
            PodRecord pod = withPodField(records().pod(owner, "worker", 0).build(), field, value(field, limit));
            inserted(pod);
            assertThat(storedPod(pod.key(), V2)).as(V2.says("a pod " + field + " of exactly " + limit + " characters must round-trip untruncated"))
                    .isEqualTo(pod);
        }
    }

    /** Required, rule {@link ContractRule#V2}: times outside the store range are refused. */
    @Test
    default void required_V2_timesOutsideTheStoreRangeAreRefused() {
        JobRecord early = records().tfJob("mnist").toBuilder().gmtCreated(sut().limits().earliest().minus(Duration.ofDays(1))).build();
        Throwable refused = catchThrowable(() -> jobs().save(early));
        assertThat(refused).as(V2.says("a time before limits().earliest() must be refused")).isInstanceOf(InvalidRecordException.class);
        assertThat(((InvalidRecordException) refused).field()).isEqualTo("gmtCreated");
        JobRecord late = records().tfJob("mnist").toBuilder().gmtFinished(sut().limits().latest().plus(Duration.ofDays(1))).build();
        assertThat(catchThrowable(() -> jobs().save(late))).as(V2.says("a time after limits().latest() must be refused"))
                .isInstanceOf(InvalidRecordException.class);
        assertThat(allJobs(JobQuery.builder().build())).isEmpty();
    }

    private void assertRefused(String field, int limit, Runnable save) {
        Throwable refused = catchThrowable(save::run);
        assertThat(refused).as(V2.says(field + " of " + (limit + 1) + " characters must be refused with ValueTooLongException, not truncated"))
                .isInstanceOf(ValueTooLongException.class);
        ValueTooLongException tooLong = (ValueTooLongException) refused;
        assertThat(tooLong.field()).as(V2.says("the error must name the field")).isEqualTo(field);
        assertThat(tooLong.limit()).as(V2.says("the error must carry the limit")).isEqualTo(limit);
        assertThat(tooLong.length()).as(V2.says("the error must carry the length")).isEqualTo(limit + 1);
        assertThat(tooLong.getMessage()).as(V2.says("the message must name field, limit and length"))
                .contains(field).contains(Integer.toString(limit)).contains(Integer.toString(limit + 1));
    }

    /** A value of exactly {@code length} characters that the field accepts. */
    private static String value(String field, int length) {
        if (field.equals("version")) {
            return "1" + "0".repeat(length - 1);
        }
        if (field.equals("status")) {
            return "S" + "x".repeat(length - 1);
        }
        return "v".repeat(length);
    }

    private static JobRecord withJobField(JobRecord job, String field, String value) {
        JobRecord.Builder b = job.toBuilder();
        Map<String, BiFunction<JobRecord.Builder, String, JobRecord.Builder>> setters = Map.ofEntries(
                Map.entry("region", JobRecord.Builder::region), Map.entry("jobId", JobRecord.Builder::jobId),
                Map.entry("name", JobRecord.Builder::name), Map.entry("namespace", JobRecord.Builder::namespace),
                Map.entry("kind", JobRecord.Builder::kind), Map.entry("version", (x, v) -> x.version(v)),
                Map.entry("status", (x, v) -> x.status(v)), Map.entry("resources", JobRecord.Builder::resources),
                Map.entry("tenant", JobRecord.Builder::tenant), Map.entry("owner", JobRecord.Builder::owner),
                Map.entry("remark", JobRecord.Builder::remark));
        return setters.get(field).apply(b, value).build();
    }

    private static PodRecord withPodField(PodRecord pod, String field, String value) {
        PodRecord.Builder b = pod.toBuilder();
        Map<String, BiFunction<PodRecord.Builder, String, PodRecord.Builder>> setters = Map.ofEntries(
                Map.entry("region", PodRecord.Builder::region), Map.entry("podId", PodRecord.Builder::podId),
                Map.entry("name", PodRecord.Builder::name), Map.entry("namespace", PodRecord.Builder::namespace),
                Map.entry("version", (x, v) -> x.version(v)), Map.entry("status", (x, v) -> x.status(v)),
                Map.entry("image", PodRecord.Builder::image), Map.entry("jobId", PodRecord.Builder::jobId),
                Map.entry("replicaType", PodRecord.Builder::replicaType), Map.entry("resources", PodRecord.Builder::resources),
                Map.entry("hostIp", PodRecord.Builder::hostIp), Map.entry("podIp", PodRecord.Builder::podIp),
                Map.entry("remark", PodRecord.Builder::remark));
        return setters.get(field).apply(b, value).build();
    }

    // V3

    /** Required, rule {@link ContractRule#V3}: unicode round trips exactly. */
    @Test
    default void required_V3_unicodeRoundTripsExactly() {
        JobRecord job = records().job("TFJob", "训练任务-🚀").tenant("团队-视觉").owner("zoë")
                .resources("{\"Worker\":{\"note\":\"𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ✓ 😀\"}}").remark("日本語 한국어 العربية 👩‍🔬").build();
        inserted(job);
        assertThat(storedJob(job.key(), V3)).as(V3.says("CJK and 4-byte UTF-8 (emoji) must round-trip exactly")).isEqualTo(job);
        assertThat(names(jobs().list(JobQuery.builder().nameContains("任务").build()).items()))
                .as(V3.says("a CJK nameContains must find the row")).containsExactly(job.name());
        PodRecord pod = records().pod(job, "worker", 0).image("registry.example.com/模型:🚀").remark("😀".repeat(100)).build();
        inserted(pod);
        assertThat(storedPod(pod.key(), V3)).as(V3.says("pod text with 4-byte UTF-8 must round-trip exactly")).isEqualTo(pod);
    }

    /** Required, rule {@link ContractRule#V3}: four byte characters fit the limit counted in chars. */
    @Test
    default void required_V3_fourByteCharactersFitTheLimitCountedInChars() {
        int limit = sut().limits().of("name");
        Assumptions.assumeTrue(limit < 10_000, "V3 limit check not verified: no limit on name");
        String name = "😀".repeat(limit / 2) + "a".repeat(limit % 2);
        JobRecord job = records().tfJob(name);
        inserted(job);
        assertThat(storedJob(job.key(), V3).name())
                .as(V3.says("a name of " + limit + " UTF-16 chars made of emoji must fit (limits count Java chars; use utf8mb4)"))
                .isEqualTo(name);
    }

    /** Required, rule {@link ContractRule#V3}: unpaired surrogate is refused. */
    @Test
    default void required_V3_unpairedSurrogateIsRefused() {
        JobRecord job = records().tfJob("mnist").toBuilder().remark("broken \uD83D text").build();
        Throwable refused = catchThrowable(() -> jobs().save(job));
        assertThat(refused).as(V3.says("a lone surrogate has no UTF-8 form and must be refused, not written as '?'"))
                .isInstanceOf(InvalidRecordException.class);
        assertThat(((InvalidRecordException) refused).field()).isEqualTo("remark");
        assertThat(allJobs(JobQuery.builder().build())).isEmpty();
    }
}
