package io.kubedl.persist.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubedl.persist.model.JobKey;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.PodKey;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.WriteOutcome;
import io.kubedl.persist.query.JobQuery;
import io.kubedl.persist.query.Page;
import io.kubedl.persist.query.PodQuery;
import io.kubedl.persist.spi.Capability;
import io.kubedl.persist.spi.JobPersist;
import io.kubedl.persist.spi.PodPersist;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;

/**
 * What every rule group of the TCK reads and asserts with: the store under test,
 * its record factory, and assertions that cite the rule they check. Each rule group
 * is an interface extending this one, with its tests as default methods;
 * {@link MetaStoreTck} implements them all and supplies {@link #sut()}.
 */
interface TckSupport {

    /** @return the store under test of the current test, and what it declared */
    StoreUnderTest sut();

    /** @return the jobs of the store under test */
    default JobPersist jobs() {
        return sut().store().jobs();
    }

    /** @return the pods of the store under test */
    default PodPersist pods() {
        return sut().store().pods();
    }

    /** @return the record factory of this test */
    default TckRecords records() {
        return sut().records();
    }

    /**
     * Skips the test, with the reason, when the store does not declare the capability.
     *
     * @param capability the optional capability the rule needs
     * @param rule the rule under test
     */
    default void assumeCapability(Capability capability, ContractRule rule) {
        Assumptions.assumeTrue(sut().capabilities().contains(capability),
                () -> rule.id() + " not verified: the store does not declare " + capability + " (" + capability.operation()
                        + ") in capabilities()");
    }

    /**
     * Calls an optional operation the store declared, failing with the rule id when it
     * throws {@link UnsupportedOperationException} anyway.
     *
     * @param capability the capability the store declared
     * @param rule the rule under test
     * @param call the call
     * @param <T> the result type
     * @return the result
     */
    default <T> T declared(Capability capability, ContractRule rule, Supplier<T> call) {
        try {
            return call.get();
        } catch (UnsupportedOperationException e) {
            throw new AssertionError(rule.says("the store declares " + capability + " but " + capability.operation()
                    + " threw UnsupportedOperationException"), e);
        }
    }

    /**
     * @param job a new job
     * @return the job, after checking it was INSERTED (W1)
     */
    default JobRecord inserted(JobRecord job) {
        assertThat(jobs().save(job)).as(ContractRule.W1.says("saving an unknown job must answer INSERTED")).isEqualTo(WriteOutcome.INSERTED);
        return job;
    }

    /**
     * @param pod a new pod
     * @return the pod, after checking it was INSERTED (W1)
     */
    default PodRecord inserted(PodRecord pod) {
        assertThat(pods().save(pod)).as(ContractRule.W1.says("saving an unknown pod must answer INSERTED")).isEqualTo(WriteOutcome.INSERTED);
        return pod;
    }

    /**
     * @param key a job identity
     * @param rule the rule under test
     * @return the stored row; fails when there is none
     */
    default JobRecord storedJob(JobKey key, ContractRule rule) {
        return jobs().get(key).orElseThrow(() -> new AssertionError(rule.says("job " + key + " should be stored but get() found nothing")));
    }

    /**
     * @param key a pod identity
     * @param rule the rule under test
     * @return the stored row; fails when there is none
     */
    default PodRecord storedPod(PodKey key, ContractRule rule) {
        return pods().get(key).orElseThrow(() -> new AssertionError(rule.says("pod " + key + " should be stored but get() found nothing")));
    }

    /**
     * @param query a job query
     * @return every row of every page, in the order listed
     */
    default List<JobRecord> allJobs(JobQuery query) {
        List<JobRecord> all = new ArrayList<>();
        Page<JobRecord> page = jobs().list(query);
        all.addAll(page.items());
        int guard = 0;
        while (page.hasNext()) {
            if (++guard > 100_000) {
                throw new AssertionError(ContractRule.Q3.says("the listing never ends (over 100000 pages)"));
            }
            page = jobs().list(query.nextPage(page.nextPageToken()));
            all.addAll(page.items());
        }
        return all;
    }

    /**
     * @param query a pod query
     * @return every row of every page, in the order listed
     */
    default List<PodRecord> allPods(PodQuery query) {
        List<PodRecord> all = new ArrayList<>();
        Page<PodRecord> page = pods().list(query);
        all.addAll(page.items());
        int guard = 0;
        while (page.hasNext()) {
            if (++guard > 100_000) {
                throw new AssertionError(ContractRule.Q3.says("the listing never ends (over 100000 pages)"));
            }
            page = pods().list(query.nextPage(page.nextPageToken()));
            all.addAll(page.items());
        }
        return all;
    }

    /**
     * Q3: when the store declares COUNT, count(query) MUST equal the number of rows the
     * listing of the same query returned, for every filter a listing test uses.
     *
     * @param query the filters the listing used
     * @param listed how many rows walking every page of the listing returned
     * @param filter the filter, for the message
     */
    default void assertJobCount(JobQuery query, int listed, String filter) {
        if (sut().capabilities().contains(Capability.COUNT)) {
            assertThat(declared(Capability.COUNT, ContractRule.Q3, () -> jobs().count(query)))
                    .as(ContractRule.Q3.says("count() with filter " + filter + " must equal the " + listed
                            + " rows list() returned for it (a filter that list() applies and count() ignores?)"))
                    .isEqualTo(listed);
        }
    }

    /**
     * Q3 for pods; see {@link #assertJobCount(JobQuery, int, String)}.
     *
     * @param query the filters the listing used
     * @param listed how many rows walking every page of the listing returned
     * @param filter the filter, for the message
     */
    default void assertPodCount(PodQuery query, int listed, String filter) {
        if (sut().capabilities().contains(Capability.COUNT)) {
            assertThat(declared(Capability.COUNT, ContractRule.Q3, () -> pods().count(query)))
                    .as(ContractRule.Q3.says("pod count() with filter " + filter + " must equal the " + listed
                            + " rows list() returned for it (a filter that list() applies and count() ignores?)"))
                    .isEqualTo(listed);
        }
    }

    /**
     * @param jobs rows
     * @return their names, in order
     */
    default List<String> names(List<JobRecord> jobs) {
        return jobs.stream().map(JobRecord::name).toList();
    }

    /**
     * @param pods rows
     * @return their names, in order
     */
    default List<String> podNames(List<PodRecord> pods) {
        return pods.stream().map(PodRecord::name).toList();
    }
}
