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
import java.net.URLClassLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

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
}
