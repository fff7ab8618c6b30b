package io.kubedl.persist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubedl.persist.cli.CliRun.Result;
import io.kubedl.persist.examples.demo.Demo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's quick start, as written: the demo writes its story into a SQLite file,
 * then {@code jobs list} and {@code jobs show} read it through the example SQLite
 * plugin that ./kubedl-persist puts on the class path.
 */
class QuickStartTest {
    @Test
    void theDemosSqliteFileIsWhatJobsListAndJobsShowRead(@TempDir Path dir) {
        String path = "path=" + dir.resolve("demo.sqlite");
        PrintStream original = System.out;
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            Demo.main(new String[] {"--meta-storage", "sqlite", "--storage-option", path});
        } finally {
            System.setOut(original);
        }
        CliRun cli = CliRun.bare();
        Result list = cli.run("--meta-storage", "sqlite", "--storage-option", path, "jobs", "list");
        assertThat(list.code()).as("%s", list).isZero();
        assertThat(list.outLines()).hasSize(1 + 4);
        assertThat(list.out()).contains("gpt-eval", "bert-finetune", "mnist", "bert-pretrain");

        Result show = cli.run("--meta-storage", "sqlite", "--storage-option", path, "jobs", "show", "team-vision/mnist");
        assertThat(show.code()).as("%s", show).isZero();
        assertThat(show.outLines()).contains("job          TFJob team-vision/mnist", "pods (4; by replica type, then index):",
                "failed pods:");
        assertThat(show.out()).contains("mnist-worker-1 (worker) failed at ", ": reason=OOMKilled, exitCode=137");
    }
}
