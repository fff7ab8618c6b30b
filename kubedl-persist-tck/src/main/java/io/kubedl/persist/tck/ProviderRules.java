package io.kubedl.persist.tck;

import static io.kubedl.persist.tck.ContractRule.CAPABILITIES;
import static io.kubedl.persist.tck.ContractRule.P1;
import static io.kubedl.persist.tck.ContractRule.P3;
import static io.kubedl.persist.tck.ContractRule.P4;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.kubedl.persist.discovery.MetaStorage;
import io.kubedl.persist.ProviderNotFoundException;
import io.kubedl.persist.config.StorageConfig;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.query.JobQuery;
import io.kubedl.persist.query.PodQuery;
import io.kubedl.persist.spi.Capability;
import io.kubedl.persist.spi.JobPersist;
import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.spi.PersistProvider;
import io.kubedl.persist.spi.PodPersist;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Rules P1, P3, P4 and the declaration of optional capabilities. */
interface ProviderRules extends TckSupport {

    // P1

    /** Required, rule {@link ContractRule#P1}: provider is found by its unique name. */
    @Test
    default void required_P1_providerIsFoundByItsUniqueName() {
        String name = sut().store().providerName();
        assertThat(name).as(P1.says("providerName() must be a stable lower-case name")).matches("[a-z0-9][a-z0-9._-]*");
        List<PersistProvider> found = ServiceLoader.load(PersistProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals(name)).toList();
        assertThat(found).as(P1.says("exactly one provider named '" + name + "' must be registered for ServiceLoader")).hasSize(1);
        assertThat(MetaStorage.providerNames()).as(P1.says("MetaStorage must list the provider")).contains(name);
        assertThat(catchThrowable(() -> MetaStorage.open("no-such-" + name, StorageConfig.builder().build())))
                .as(P1.says("an unknown name must be an error listing the available names"))
                .isInstanceOf(ProviderNotFoundException.class).hasMessageContaining(name);
    }

    // P3

    /** Optional, rule {@link ContractRule#P3}: password never appears in to string or messages. */
    @Test
    default void optional_P3_passwordNeverAppearsInToStringOrMessages() {
        Assumptions.assumeTrue(sut().secret().isPresent(),
                "P3 not verified: override secret() to return the password your openStore() passes to the provider");
        String secret = sut().secret().orElseThrow();
        List<String> texts = new ArrayList<>();
        texts.add(String.valueOf(sut().store()));
        texts.add(String.valueOf(jobs()));
        texts.add(String.valueOf(pods()));
        JobRecord job = inserted(records().tfJob("mnist"));
        collectMessage(texts, () -> jobs().delete(job.key()));
        collectMessage(texts, () -> jobs().list(JobQuery.builder().pageToken("forged").build()));
        collectMessage(texts, () -> jobs().save(job.toBuilder().remark(null).tenant("t".repeat(Math.min(sut().limits().of("tenant"), 100_000) + 1)).build()));
        MetaStore other = sut().openAnother();
        texts.add(String.valueOf(other));
        other.close();
        collectMessage(texts, () -> other.jobs().get(job.key()));
        for (String text : texts) {
            assertThat(text).as(P3.says("the password must not appear in toString or exception messages")).doesNotContain(secret);
        }
    }

    private static void collectMessage(List<String> texts, Executable call) {
        try {
            call.execute();
        } catch (Throwable e) {
            collectMessage(texts, e);
        }
    }

    private static void collectMessage(List<String> texts, Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            texts.add(t.toString());
            for (Throwable suppressed : t.getSuppressed()) {
                texts.add(suppressed.toString());
            }
        }
    }

    // P4

    /**
     * Optional, rule {@link ContractRule#P3}: failed open does not leak the password.
     *
     * @throws Exception when the store under test fails unexpectedly
     */
    @Test
    default void optional_P3_failedOpenDoesNotLeakThePassword() throws Exception {
        Assumptions.assumeTrue(sut().secret().isPresent(),
                "P3 not verified: override secret() to return the password your openStore() passes to the provider");
        String secret = sut().secret().orElseThrow();
        Throwable failure = null;
        Optional<MetaStore> opened = Optional.empty();
        try {
            opened = sut().openThatFails();
        } catch (Throwable t) {
            failure = t;
        }
        if (failure == null) {
            Assumptions.assumeTrue(opened.isPresent(), "P3 (a failed open) not verified: override openStoreThatFails() to open your "
                    + "store with the secret() password and settings that cannot work");
            opened.get().close();
            throw new AssertionError(P3.says("openStoreThatFails() opened a store: give it settings that cannot work "
                    + "(a port nothing listens on, a path that cannot be a database)"));
        }
        List<String> texts = new ArrayList<>();
        collectMessage(texts, failure);
        for (String text : texts) {
            assertThat(text).as(P3.says("the password must not appear in the message of a failed open or of any of its causes"))
                    .doesNotContain(secret);
        }
    }

    /**
     * Required, rule {@link ContractRule#P4}: every method throws illegal state after close.
     *
     * @throws Throwable when the store under test fails unexpectedly
     */
    @Test
    default void required_P4_everyMethodThrowsIllegalStateAfterClose() throws Throwable {
        MetaStore store = sut().openAnother();
        Set<Capability> declared = store.capabilities();
        JobPersist jobs = store.jobs();
        PodPersist pods = store.pods();
        JobRecord job = records().tfJob("mnist");
        PodRecord pod = records().pod(job, "worker", 0).build();
        store.close();
        List<String> wrong = new ArrayList<>();
        int called = 0;
        for (Object[] target : new Object[][] {{JobPersist.class, jobs}, {PodPersist.class, pods}}) {
            for (Method method : SpiCalls.methodsOf((Class<?>) target[0])) {
                Optional<Capability> capability = SpiCalls.capabilityOf(method);
                if (capability.isPresent() && !declared.contains(capability.get())) {
                    continue;
                }
                called++;
                Throwable thrown = null;
                try {
                    SpiCalls.invoke(method, target[1], SpiCalls.validArguments(method, job, pod));
                } catch (Throwable t) {
                    thrown = t;
                }
                if (!(thrown instanceof IllegalStateException)) {
                    wrong.add(SpiCalls.describe(method) + (thrown == null ? " returned normally" : " threw " + thrown));
                } else if (thrown.getMessage() == null || !thrown.getMessage().contains("closed")) {
                    wrong.add(SpiCalls.describe(method) + " threw IllegalStateException without saying the store is closed: " + thrown);
                }
            }
        }
        assertThat(wrong).as(P4.says("after close() every method of jobs() and pods() (" + called + " found by reflection on the SPI)"
                + " must throw IllegalStateException saying the store is closed")).isEmpty();
        Throwable jobsAccessor = catchThrowable(store::jobs);
        if (jobsAccessor == null) {
            assertThat(catchThrowable(() -> store.jobs().get(job.key())))
                    .as(P4.says("jobs() obtained after close() must throw IllegalStateException when used"))
                    .isInstanceOf(IllegalStateException.class);
        } else {
            assertThat(jobsAccessor).as(P4.says("store.jobs() after close() may only throw IllegalStateException"))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    /** Required, rule {@link ContractRule#P4}: close is idempotent. */
    @Test
    default void required_P4_closeIsIdempotent() {
        MetaStore store = sut().openAnother();
        store.close();
        assertThat(catchThrowable(store::close)).as(P4.says("a second close() must do nothing and throw nothing")).isNull();
    }

    /** Required, rule {@link ContractRule#P4}: closing one store leaves another usable. */
    @Test
    default void required_P4_closingOneStoreLeavesAnotherUsable() {
        MetaStore other = sut().openAnother();
        other.close();
        JobRecord job = records().tfJob("mnist");
        inserted(job);
        assertThat(jobs().get(job.key())).as(P4.says("closing one store must not close the resources of another")).contains(job);
    }

    // capabilities

    /** Required, rule {@link ContractRule#CAPABILITIES}: undeclared operations throw unsupported. */
    @Test
    default void required_CAPABILITIES_undeclaredOperationsThrowUnsupported() {
        Set<Capability> missing = EnumSet.allOf(Capability.class);
        missing.removeAll(sut().capabilities());
        Assumptions.assumeFalse(missing.isEmpty(),
                "every optional capability is declared; the optional_ tests verify each of them");
        Map<String, Executable> calls = new LinkedHashMap<>();
        if (missing.contains(Capability.COUNT)) {
            calls.put("jobs().count", () -> jobs().count(JobQuery.builder().build()));
            calls.put("pods().count", () -> pods().count(PodQuery.builder().build()));
        }
        if (missing.contains(Capability.RECONCILE)) {
            calls.put("jobs().reconcile", () -> jobs().reconcile("", Set.of("TFJob"), Set.of(), Instant.now()));
            calls.put("pods().reconcile", () -> pods().reconcile("", Set.of(), Instant.now()));
        }
        if (missing.contains(Capability.PURGE)) {
            calls.put("jobs().purge", () -> jobs().purge(Instant.now()));
            calls.put("pods().purge", () -> pods().purge(Instant.now()));
        }
        calls.forEach((what, call) -> assertThat(catchThrowable(call::execute))
                .as(CAPABILITIES.says(what + " is not declared in capabilities(), so it must throw UnsupportedOperationException, never silently do nothing"))
                .isInstanceOf(UnsupportedOperationException.class));
    }
}
