package io.kubedl.persist.examples.controller;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.kubedl.persist.discovery.MetaStorage;
import io.kubedl.persist.config.StorageConfig;
import io.kubedl.persist.config.StorageConfigLoader;
import io.kubedl.persist.spi.MetaStore;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs {@link JobMetadataController} against the cluster of the current kubeconfig (or
 * the in-cluster service account) until the JVM is asked to stop. Flags as KubeDL's:
 * {@code --meta-storage mysql --region NAME}; MySQL settings from MYSQL_* or the
 * Secret mounted at {@code /etc/kubedl/mysql}.
 */
public final class ControllerMain {
    private ControllerMain() {
    }

    /**
     * @param args KubeDL's storage flags
     * @throws InterruptedException when interrupted while running
     */
    public static void main(String[] args) throws InterruptedException {
        StorageConfig config = StorageConfigLoader.fromEnvironment().flags(args)
                .secretDirectory(Path.of("/etc/kubedl/mysql")).load();
        CountDownLatch stopped = new CountDownLatch(1);
        KubernetesClient client = new KubernetesClientBuilder().build();
        MetaStore store = MetaStorage.open(config);
        JobMetadataController controller = JobMetadataController.builder(client, store).region(config.region()).build();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // order matters: the controller drains into the store, which must still be open
            controller.close();
            store.close();
            client.close();
            stopped.countDown();
        }, "kubedl-controller-shutdown"));
        controller.start();
        stopped.await();
    }
}
