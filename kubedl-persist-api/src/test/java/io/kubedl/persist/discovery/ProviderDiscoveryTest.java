package io.kubedl.persist.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubedl.persist.ConfigurationException;
import io.kubedl.persist.DuplicateProviderException;
import io.kubedl.persist.discovery.MetaStorage;
import io.kubedl.persist.ProviderNotFoundException;
import io.kubedl.persist.config.StorageConfig;
import io.kubedl.persist.discovery.ProviderRegistry;
import io.kubedl.persist.spi.MetaStore;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URLClassLoader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rule P1, with the test providers registered in src/test/resources/META-INF/services. */
class ProviderDiscoveryTest {

    @Test
    void p1_providersOnTheClassPathAreFoundByNameAndTheBrokenOneIsSkipped() {
        assertThat(MetaStorage.providerNames()).containsExactly("alpha", "twin");
    }

    @Test
    void p1_oneProviderOpensByName() {
        StorageConfig config = StorageConfig.builder().storage("alpha").region("cn-hz").build();
        try (MetaStore store = MetaStorage.open(config)) {
            assertThat(store.providerName()).isEqualTo("alpha");
            assertThat(((ConfigOnlyStore) store).config.region()).isEqualTo("cn-hz");
        }
    }

    @Test
    void p1_unknownNameListsTheAvailableNames() {
        assertThatThrownBy(() -> MetaStorage.open("mysq", StorageConfig.builder().build()))
                .isInstanceOf(ProviderNotFoundException.class)
                .hasMessageStartingWith("no storage provider named 'mysq'; available: alpha, twin");
    }

    @Test
    void p1_twoProvidersWithOneNameFail() {
        assertThatThrownBy(() -> MetaStorage.open("twin", StorageConfig.builder().build()))
                .isInstanceOf(DuplicateProviderException.class)
                .hasMessageContaining(TwinOneProvider.class.getName())
                .hasMessageContaining(TwinTwoProvider.class.getName());
    }

    @Test
    void p1_zeroProvidersIsAnErrorThatSaysNone() {
        ClassLoader empty = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader());
        ProviderRegistry registry = ProviderRegistry.discover(empty);
        assertThat(registry.names()).isEmpty();
        assertThatThrownBy(() -> registry.find("mysql"))
                .isInstanceOf(ProviderNotFoundException.class)
                .hasMessageContaining("available: none")
                .hasMessageContaining("hint");
    }

    @Test
    void p1_noStorageChosenIsAConfigurationError() {
        assertThatThrownBy(() -> MetaStorage.open(StorageConfig.builder().build()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("--meta-storage")
                .hasMessageContaining("alpha");
    }

    @Test
    void p1_anExplicitProviderInstanceNeedsNoDiscovery() {
        StorageConfig config = StorageConfig.builder().storage("ignored-when-explicit").build();
        try (MetaStore store = MetaStorage.open(new TwinOneProvider(), config)) {
            assertThat(store.providerName()).isEqualTo("twin");
        }
    }

    @Test
    void p1_registryOfExplicitProvidersDetectsDuplicatesToo() {
        ProviderRegistry registry = ProviderRegistry.of(List.of(new AlphaProvider(), new AlphaProvider()));
        assertThatThrownBy(() -> registry.find("alpha")).isInstanceOf(DuplicateProviderException.class);
    }

    /**
     * Issue 12 item 8: a services file whose first entries name a class that is missing, a
     * class that is not a provider and a class whose initialization fails, before a working
     * provider. The stream walk of ServiceLoader gave up at the missing class and hid every
     * provider after it.
     */
    @Test
    void p1_brokenServicesEntriesDoNotHideTheWorkingProviders(@TempDir Path plugins) throws Exception {
        Path services = plugins.resolve("META-INF/services/io.kubedl.persist.spi.PersistProvider");
        Files.createDirectories(services.getParent());
        Files.writeString(services, String.join("\n", "io.kubedl.persist.discovery.missing.MySqlProvider",
                ConfigOnlyStore.class.getName(), FailingInitProvider.class.getName(), LateProvider.class.getName()) + "\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {plugins.toUri().toURL()},
                ProviderDiscoveryTest.class.getClassLoader())) {
            ProviderRegistry registry = ProviderRegistry.discover(loader);
            assertThat(registry.names()).containsExactly("alpha", "late", "twin");
            assertThat(registry.find("late")).isInstanceOf(LateProvider.class);
            assertThat(registry.broken()).hasSize(4).anySatisfy(b -> assertThat(b).contains("missing.MySqlProvider"))
                    .anySatisfy(b -> assertThat(b).contains(ConfigOnlyStore.class.getName() + " not a subtype"))
                    .anySatisfy(b -> assertThat(b).contains(FailingInitProvider.class.getName()))
                    .anySatisfy(b -> assertThat(b).contains(BrokenProvider.class.getName()));
            assertThatThrownBy(() -> registry.find("mysql")).isInstanceOf(ProviderNotFoundException.class)
                    .hasMessageContaining("available: alpha, late, twin")
                    .hasMessageContaining("a services entry that could not be loaded may be it")
                    .hasMessageContaining("missing.MySqlProvider")
                    .hasMessageNotContaining(FailingInitProvider.class.getName());
            assertThatThrownBy(() -> registry.find("sqlite")).isInstanceOf(ProviderNotFoundException.class)
                    .hasMessageNotContaining("could not be loaded");
        }
    }
}
