package io.kubedl.persist.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubedl.persist.config.StorageConfig;
import io.kubedl.persist.config.StorageConfigLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demo's story, configured as {@code ./demo} configures it, with a fixed "now" so
 * that every printed row is exact. Proves in every build that the demo works and that
 * its tables tell the truth about the store.
 */
class LifecycleDemoTest {
    private static final Instant NOW = Instant.parse("2026-03-05T10:00:00Z");

    private static final String TIMELINE = """
            TIME                  KIND         JOB                      WHAT
            2026-03-05 07:00:00   TFJob        team-vision/mnist        Created
            2026-03-05 07:00:45   TFJob        team-vision/mnist        Running
            2026-03-05 08:02:15   TFJob        team-vision/mnist        Restarting
            2026-03-05 08:03:05   TFJob        team-vision/mnist        Running
            2026-03-05 09:11:55   TFJob        team-vision/mnist        Succeeded
            2026-03-05 09:50:00   TFJob        team-vision/mnist        deleted from the cluster; kept as Succeeded
            2026-03-05 08:30:00   PyTorchJob   team-nlp/bert-finetune   Created
            2026-03-05 08:31:06   PyTorchJob   team-nlp/bert-finetune   Running
            2026-03-05 09:28:33   PyTorchJob   team-nlp/bert-finetune   Failed
            2026-03-05 09:50:00   PyTorchJob   team-nlp/bert-finetune   deleted from the cluster; kept as Failed
            2026-02-21 10:00:01   PyTorchJob   team-nlp/bert-pretrain   Created
            2026-02-21 10:01:00   PyTorchJob   team-nlp/bert-pretrain   Running
            2026-02-21 15:12:00   PyTorchJob   team-nlp/bert-pretrain   Failed
            2026-02-22 10:00:00   PyTorchJob   team-nlp/bert-pretrain   deleted from the cluster; kept as Failed
            2026-03-05 09:20:01   PyTorchJob   team-nlp/gpt-eval        Created
            2026-03-05 09:20:52   PyTorchJob   team-nlp/gpt-eval        Running
            """;

    private static final String JOBS = """
            KIND         NAMESPACE     NAME            STATUS      IN ETCD   OWNER   CREATED               RUNNING               FINISHED
            PyTorchJob   team-nlp      gpt-eval        Running     yes       carol   2026-03-05 09:20:00   2026-03-05 09:20:52   -
            PyTorchJob   team-nlp      bert-finetune   Failed      no        bob     2026-03-05 08:30:00   2026-03-05 08:31:06   2026-03-05 09:28:33
            TFJob        team-vision   mnist           Succeeded   no        alice   2026-03-05 07:00:00   2026-03-05 07:00:45   2026-03-05 09:11:55
            PyTorchJob   team-nlp      bert-pretrain   Failed      no        bob     2026-02-21 10:00:00   2026-02-21 10:01:00   2026-02-21 15:12:00
            """;

    private static final String PODS = """
            JOB             POD                      TYPE     STATUS      IN ETCD   HOST IP     CREATED               STARTED               FINISHED              WHY
            gpt-eval        gpt-eval-master-0        master   Running     yes       10.0.5.23   2026-03-05 09:20:02   2026-03-05 09:20:50   -                     -
            bert-finetune   bert-finetune-master-0   master   Failed      no        10.0.5.21   2026-03-05 08:30:03   2026-03-05 08:31:04   2026-03-05 09:28:31   reason=Error, exitCode=1, message=RuntimeErro...
            bert-finetune   bert-finetune-worker-0   worker   Stopped     no        10.0.5.22   2026-03-05 08:30:03   2026-03-05 08:31:04   2026-03-05 09:50:00   -
            mnist           mnist-ps-0               ps       Stopped     no        10.0.3.11   2026-03-05 07:00:02   2026-03-05 07:00:41   2026-03-05 09:11:56   -
            mnist           mnist-worker-0           worker   Succeeded   no        10.0.3.12   2026-03-05 07:00:02   2026-03-05 07:00:41   2026-03-05 09:11:40   -
            mnist           mnist-worker-1           worker   Failed      no        10.0.3.13   2026-03-05 07:00:02   2026-03-05 07:00:41   2026-03-05 08:02:13   reason=OOMKilled, exitCode=137
            mnist           mnist-worker-1           worker   Succeeded   no        10.0.3.15   2026-03-05 08:02:17   2026-03-05 08:03:01   2026-03-05 09:11:52   -
            """;

    private static final String QUERY = """
            Query: failed jobs in namespace team-nlp created this week (since 2026-02-26 10:00:00; this run's jobs)
            KIND         NAME            OWNER   CREATED               FINISHED              DELETED FROM CLUSTER
            PyTorchJob   bert-finetune   bob     2026-03-05 08:30:00   2026-03-05 09:28:33   yes
            (1 of 2 failed jobs ever stored for team-nlp)
            """;

    @Test
    void mysqlOnTheTestServerAsTheReadmeCommandRunsIt() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            // no MYSQL_HOST: the demo takes the test kit's server and a fresh database on it
            Demo.run(new String[0], Map.of(), new LifecycleDemo(Clock.fixed(NOW, ZoneOffset.UTC), "demo-test", out), out, false);
        }
        String output = bytes.toString(StandardCharsets.UTF_8);
        assertThat(output).startsWith("kubedl-persist demo: --meta-storage mysql on ");
        assertTheStory(output, "mysql");
    }

    @Test
    void sqlitePluginTellsTheSameStory() {
        String output = runDemo(StorageConfigLoader.fromEnvironment(Map.of()).flags("--meta-storage", "sqlite").load());
        assertTheStory(output, "sqlite");
    }

    static void assertTheStory(String output, String provider) {
        assertThat(output).contains("Replayed 48 watch events into the '" + provider + "' store; write outcomes: ");
        assertThat(output).as("timeline").contains(TIMELINE);
        assertThat(output).as("jobs table").contains(JOBS);
        assertThat(output).as("pods table").contains(PODS);
        assertThat(output).as("the query").endsWith(QUERY);
    }

    static String runDemo(StorageConfig config) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            new LifecycleDemo(Clock.fixed(NOW, ZoneOffset.UTC), "demo-test", out).run(config);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
