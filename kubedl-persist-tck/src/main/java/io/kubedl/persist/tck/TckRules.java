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
import io.kubedl.persist.spi.MetaStore;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The root of the TCK's rule classes: the lifecycle of the store under test, the
 * hooks a plugin author implements, and assertions that cite the rule they check.
 * Each rule group extends the one before it ({@link IdentityRules} ... {@link
 * ScenarioTests}) so that ONE subclass, {@link MetaStoreTck}, inherits every test:
 * build tools run inherited test methods everywhere, while nested classes of a
 * superclass in a jar are filtered out by Surefire's class-name patterns.
 *
 * <p>Lifecycle: {@link #openStore()} is called once per test class and that store
 * is closed after the last test. Before every test but the first the TCK calls
 * {@link #cleanStore(MetaStore)}, which MUST leave the store empty (the TCK checks);
 * the default closes the store and opens a new one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(RuleIdOnFailure.class)
public abstract class TckRules {
    /** The store under test and what it declared. */
    protected final StoreUnderTest sut = new StoreUnderTest(this);
    private boolean storeUsed;
    private boolean reopenRequested;

    /** Only {@link MetaStoreTck} extends the rule classes. */
    TckRules() {
    }

    /**
     * Opens a store of the provider under test. It MAY be called more than once per
     * test class (tests of close() open their own store); each call returns a new
     * open store over the same backend.
     *
     * @return an open store; the TCK closes it
     * @throws Exception when the store cannot be opened; the tests then fail
     */
    protected abstract MetaStore openStore() throws Exception;

    /**
     * Empties the store between two tests: every job and pod row MUST be gone when it
     * returns. The default closes the store and opens a new one with
     * {@link #openStore()}; override it to truncate instead when opening is costly.
     *
     * @param store the store the previous test used
     * @throws Exception when the store cannot be cleaned; the next test then fails
     */
    protected void cleanStore(MetaStore store) throws Exception {
        reopenRequested = true;
    }

    /**
     * The password {@link #openStore()} passes to the provider, if any, so that the P3
     * test can check it never leaks into a toString or an exception message. Empty by
     * default: that test is then skipped as not verified.
     *
     * @return the secret the store knows
     */
    protected Optional<String> secret() {
        return Optional.empty();
    }

    @BeforeAll
    final void openTheStoreUnderTest() {
        sut.open();
    }

    @BeforeEach
    final void startFromAnEmptyStore() throws Exception {
        if (storeUsed) {
            reopenRequested = false;
            cleanStore(sut.store());
            if (reopenRequested) {
                sut.close();
                sut.open();
            }
        }
        storeUsed = true;
        sut.newRecords();
        MetaStore store = sut.store();
        assertThat(store.jobs().list(JobQuery.builder().pageSize(1).build()).items())
                .as("TCK setup: cleanStore(...) must leave no job rows behind; check your truncate")
                .isEmpty();
        assertThat(store.pods().list(PodQuery.builder().pageSize(1).build()).items())
                .as("TCK setup: cleanStore(...) must leave no pod rows behind; check your truncate")
                .isEmpty();
    }

    @AfterAll
    final void closeTheStoreUnderTest() {
        sut.close();
    }

    MetaStore openChecked() {
        try {
            MetaStore store = openStore();
            if (store == null) {
                throw new IllegalStateException("openStore() returned null");
            }
            return store;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("openStore() failed: " + e.getMessage(), e);
        }
    }

    /** @return the jobs of the store under test */
    protected JobPersist jobs() {
        return sut.store().jobs();
    }

    /** @return the pods of the store under test */
    protected PodPersist pods() {
        return sut.store().pods();
    }

    /** @return the record factory of this test */
    protected TckRecords records() {
        return sut.records();
    }

    /**
     * Skips the test, with the reason, when the store does not declare the capability.
     *
     * @param capability the optional capability the rule needs
     * @param rule the rule under test
     */
    protected void assumeCapability(Capability capability, ContractRule rule) {
        Assumptions.assumeTrue(sut.capabilities().contains(capability),
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
    protected <T> T declared(Capability capability, ContractRule rule, Supplier<T> call) {
        try {
            return call.get();
        } catch (UnsupportedOperationException e) {
            throw new AssertionError(rule.says("the store declares " + capability + " but " + capability.operation()
                    + " threw UnsupportedOperationException"), e);
        }
    }

    /** @param job a new job @return the job, after checking it was INSERTED (W1) */
    protected JobRecord inserted(JobRecord job) {
        assertThat(jobs().save(job)).as(ContractRule.W1.says("saving an unknown job must answer INSERTED")).isEqualTo(WriteOutcome.INSERTED);
        return job;
    }

    /** @param pod a new pod @return the pod, after checking it was INSERTED (W1) */
    protected PodRecord inserted(PodRecord pod) {
        assertThat(pods().save(pod)).as(ContractRule.W1.says("saving an unknown pod must answer INSERTED")).isEqualTo(WriteOutcome.INSERTED);
        return pod;
    }

    /** @param key a job identity @param rule the rule under test @return the stored row; fails when there is none */
    protected JobRecord storedJob(JobKey key, ContractRule rule) {
        return jobs().get(key).orElseThrow(() -> new AssertionError(rule.says("job " + key + " should be stored but get() found nothing")));
    }

    /** @param key a pod identity @param rule the rule under test @return the stored row; fails when there is none */
    protected PodRecord storedPod(PodKey key, ContractRule rule) {
        return pods().get(key).orElseThrow(() -> new AssertionError(rule.says("pod " + key + " should be stored but get() found nothing")));
    }

    /** @param query a job query @return every row of every page, in the order listed */
    protected List<JobRecord> allJobs(JobQuery query) {
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

    /** @param query a pod query @return every row of every page, in the order listed */
    protected List<PodRecord> allPods(PodQuery query) {
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

    /** @param jobs rows @return their names, in order */
    protected static List<String> names(List<JobRecord> jobs) {
        return jobs.stream().map(JobRecord::name).toList();
    }

    /** @param pods rows @return their names, in order */
    protected static List<String> podNames(List<PodRecord> pods) {
        return pods.stream().map(PodRecord::name).toList();
    }
}
