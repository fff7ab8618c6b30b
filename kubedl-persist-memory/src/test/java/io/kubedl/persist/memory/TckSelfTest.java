package io.kubedl.persist.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.tck.ContractRule;
import io.kubedl.persist.tck.MetaStoreTck;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The TCK tests itself: it runs the whole TCK against the reference in-memory store
 * (zero failures expected) and against every broken store of {@link Mutants}, and
 * fails unless each mutant makes at least one TCK test fail whose name or failure
 * message names the rule the mutant breaks, and unless every failure message carries a
 * rule id and a hint. The kill table goes to the build log.
 */
class TckSelfTest {

    /** One TCK launch: how many tests started, which were skipped (name to reason), which failed (name to message). */
    record Launch(int started, Map<String, String> skips, Map<String, String> failures, long millis) {
        int skipped() {
            return skips.size();
        }

        List<String> killersOf(String rule) {
            List<String> killers = new ArrayList<>();
            failures.forEach((test, message) -> {
                boolean byName = Arrays.asList(test.split("_")).contains(rule);
                boolean byMessage = message != null && message.contains(rule + ":");
                if (byName || byMessage) {
                    killers.add(test);
                }
            });
            return killers;
        }
    }

    @Test
    void aStoreWithoutOptionalCapabilitiesPassesWithTheOptionalRulesSkipped() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream original = System.out;
        Launch bare;
        try {
            System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
            bare = launch(() -> new BareMetaStore(new InMemoryMetaStore()));
        } finally {
            System.setOut(original);
        }
        String printed = console.toString(StandardCharsets.UTF_8);
        assertThat(bare.skips()).as("skip reasons must reach the console, not only the XML report")
                .allSatisfy((test, reason) -> assertThat(printed).contains("[kubedl-persist TCK] SKIPPED MutantTckRun#" + test + ": "));
        assertThat(bare.failures()).as("a correct store that declares no capability must pass the TCK").isEmpty();
        Map<String, String> optional = new TreeMap<>(bare.skips());
        optional.keySet().removeIf(test -> !test.startsWith("optional_D3") && !test.startsWith("optional_D4")
                && !test.startsWith("optional_Q3"));
        long capabilityTests = Arrays.stream(MetaStoreTck.class.getMethods()).map(Method::getName)
                .filter(name -> name.startsWith("optional_D3") || name.startsWith("optional_D4") || name.startsWith("optional_Q3")).count();
        assertThat(capabilityTests).as("the TCK has reconcile, purge and count tests").isGreaterThanOrEqualTo(8);
        assertThat(optional).as("every reconcile, purge and count test must be skipped, not passed").hasSize((int) capabilityTests)
                .allSatisfy((test, reason) -> assertThat(reason).contains("not verified").contains("does not declare"));
        assertThat(bare.skips()).as("the capability check itself must run for such a store")
                .doesNotContainKey("required_CAPABILITIES_undeclaredOperationsThrowUnsupported");
        System.out.printf("%nTCK on a store without optional capabilities: %d tests, 0 failed, skipped: %s%n",
                bare.started(), bare.skips().keySet());
    }

    @Test
    void everyMutantIsKilledByATestNamingItsRuleAndTheReferencePasses() {
        Launch reference = launch(InMemoryMetaStore::new);
        assertThat(reference.failures()).as("the reference in-memory store must pass the whole TCK").isEmpty();
        assertThat(reference.started()).as("the TCK must have run its tests").isGreaterThanOrEqualTo(100);

        List<Mutant> mutants = Mutants.all();
        StringBuilder table = new StringBuilder();
        table.append(String.format("%nTCK self-test: reference in-memory store: %d tests, %d failed, %d skipped, %d ms%n",
                reference.started(), reference.failures().size(), reference.skipped(), reference.millis()));
        table.append(String.format("%-42s | %-12s | %-6s | %s%n", "mutant", "rule", "killed", "killed by (failing TCK tests naming the rule)"));
        List<String> survivors = new ArrayList<>();
        List<String> unphrased = new ArrayList<>();
        List<String> oldRuleKills = new ArrayList<>();
        long total = reference.millis();
        for (Mutant mutant : mutants) {
            Launch launch = launch(mutant.factory(), mutant.failedOpen());
            if (!mutant.killers().isEmpty() && !mutant.killers().containsAll(launch.failures().keySet())) {
                List<String> others = new ArrayList<>(launch.failures().keySet());
                others.removeAll(mutant.killers());
                oldRuleKills.add(mutant.name() + " also fails " + others);
            }
            total += launch.millis();
            launch.failures().forEach((test, message) -> {
                boolean citesARule = Arrays.stream(ContractRule.values()).anyMatch(rule -> message.contains(rule.id() + ": "));
                if (!citesARule || !message.contains("; check ")) {
                    unphrased.add(mutant.name() + " / " + test + ": " + message);
                }
            });
            List<String> killers = launch.killersOf(mutant.rule().id());
            if (killers.isEmpty()) {
                survivors.add(mutant.name() + " (" + mutant.rule().id() + ", " + launch.failures().size()
                        + " other failures: " + launch.failures().keySet() + ")");
            }
            String shown = killers.size() <= 3 ? String.join(", ", killers)
                    : String.join(", ", killers.subList(0, 3)) + " +" + (killers.size() - 3) + " more";
            table.append(String.format("%-42s | %-12s | %-6s | %s%n", mutant.name(), mutant.rule().id(),
                    killers.isEmpty() ? "NO" : "yes", killers.isEmpty() ? "-" : shown));
        }
        table.append(String.format("%d of %d mutants killed; %d TCK runs took %d ms%n",
                mutants.size() - survivors.size(), mutants.size(), mutants.size() + 1, total));
        System.out.println(table);

        assertThat(mutants).as("the self-test needs at least 20 mutants").hasSizeGreaterThanOrEqualTo(20);
        assertThat(survivors).as("mutants no TCK test naming their rule killed").isEmpty();
        assertThat(oldRuleKills).as("mutants of mistakes the TCK once missed (issue 14) must be killed only by the tests written "
                + "to catch them, or the self-test does not show those tests are needed").isEmpty();
        assertThat(unphrased).as("TCK failure messages that do not carry a rule id and a hint ('W4: ...; check ...')").isEmpty();
    }

    private static Launch launch(Supplier<MetaStore> factory) {
        return launch(factory, Mutant.CLEAN_FAILED_OPEN);
    }

    private static Launch launch(Supplier<MetaStore> factory, Callable<Optional<MetaStore>> failedOpen) {
        MutantTckRun.factory = factory;
        MutantTckRun.failedOpen = failedOpen;
        Map<String, String> failures = new TreeMap<>();
        Map<String, Boolean> started = new ConcurrentHashMap<>();
        Map<String, String> skips = new TreeMap<>();
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void executionStarted(TestIdentifier id) {
                if (id.isTest()) {
                    started.put(id.getUniqueId(), true);
                }
            }

            @Override
            public void executionSkipped(TestIdentifier id, String reason) {
                skips.put(nameOf(id), reason);
            }

            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                    failures.put(nameOf(id), result.getThrowable().map(String::valueOf).orElse(""));
                } else if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
                    skips.put(nameOf(id), result.getThrowable().map(Throwable::getMessage).orElse(""));
                }
            }
        };
        Launcher launcher = LauncherFactory.create();
        long start = System.nanoTime();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(MutantTckRun.class)).build(), listener);
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Launch(started.size(), skips, failures, millis);
    }

    private static String nameOf(TestIdentifier id) {
        return id.getSource().filter(MethodSource.class::isInstance).map(s -> ((MethodSource) s).getMethodName())
                .orElse(id.getDisplayName());
    }
}
