package io.kubedl.persist.cli;

import static io.kubedl.persist.cli.History.BERT_NEW;
import static io.kubedl.persist.cli.History.BERT_OLD;
import static io.kubedl.persist.cli.History.GPT;
import static io.kubedl.persist.cli.History.MNIST;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubedl.persist.cli.CliRun.Result;
import io.kubedl.persist.discovery.MetaStorage;
import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.testkit.TestDatabase;
import io.kubedl.persist.testkit.TestServers;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** jobs list|show|count and pods list|count on a real server, in every output format. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobAndPodCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private TestDatabase db;
    private CliRun cli;

    @BeforeAll
    void seed() {
        db = TestServers.shared().createDatabase("cli_read");
        try (MetaStore store = MetaStorage.open(db.configBuilder().build())) {
            History.seed(store);
        }
        cli = CliRun.on(db);
    }

    @AfterAll
    void drop() {
        db.close();
    }

    private Result ok(String... args) {
        Result r = cli.run(args);
        assertThat(r.code()).as("%s", r).isZero();
        return r;
    }

    private static List<String> column(Result r, int index) {
        List<String> values = new ArrayList<>();
        for (String line : r.outLines().subList(1, r.outLines().size())) {
            values.add(line.split("\\s{2,}")[index]);
        }
        return values;
    }

    @Test
    void jobsListPrintsAnAlignedTableNewestFirstInUtc() {
        Result r = ok("jobs", "list");
        assertThat(r.outLines().get(0)).startsWith("KIND").contains("NAMESPACE", "NAME", "STATUS", "IN ETCD", "OWNER",
                "CREATED", "RUNNING", "FINISHED", "UID");
        assertThat(column(r, 2)).containsExactly("bert-finetune", "gpt_eval%v2", "bert-finetune", "mnist", "old-allreduce");
        assertThat(r.outLines().get(1)).contains("Running", "yes", "2026-03-10T10:00:00Z", BERT_NEW);
        assertThat(r.outLines().get(3)).contains("Failed", "no", "2026-03-09T12:00:00Z", "2026-03-09T16:00:00Z");
        // aligned: every row's STATUS column starts where the header's does
        int status = r.outLines().get(0).indexOf("STATUS");
        assertThat(r.outLines()).allSatisfy(line -> assertThat(line.charAt(status - 1)).isEqualTo(' '));
        assertThat(r.outLines().subList(1, 6)).allSatisfy(line -> assertThat(line.substring(status)).matches("[A-Z].*"));
        assertThat(r.err()).isEmpty();
    }

    @Test
    void everyJobFilterIsAFlag() {
        assertThat(column(ok("jobs", "list", "--namespace", "team-nlp"), 2))
                .containsExactly("bert-finetune", "gpt_eval%v2", "bert-finetune");
        assertThat(column(ok("jobs", "list", "--status", "failed", "--status", "Succeeded"), 2))
                .containsExactly("bert-finetune", "mnist", "old-allreduce");
        assertThat(column(ok("jobs", "list", "--status", "Failed,Running", "--kind", "PyTorchJob"), 2))
                .containsExactly("bert-finetune", "gpt_eval%v2", "bert-finetune");
        assertThat(column(ok("jobs", "list", "--owner", "alice"), 2)).containsExactly("mnist");
        assertThat(column(ok("jobs", "list", "--tenant", "vision"), 2)).containsExactly("mnist");
        assertThat(column(ok("jobs", "list", "--region", "idc-2"), 2)).containsExactly("gpt_eval%v2");
        assertThat(column(ok("jobs", "list", "--name", "bert-finetune", "--in-etcd", "false"), 9)).containsExactly(BERT_OLD);
        assertThat(column(ok("jobs", "list", "--in-etcd", "true"), 2)).containsExactly("bert-finetune", "gpt_eval%v2");
        assertThat(column(ok("jobs", "list", "--name-contains", "%v"), 2)).containsExactly("gpt_eval%v2");
        assertThat(ok("jobs", "list", "--name-contains", "_eval%").outLines()).hasSize(1 + 1);
        assertThat(ok("jobs", "list", "--name-contains", "bert%").outLines()).hasSize(1);
        assertThat(column(ok("jobs", "list", "--since", "2d"), 2)).containsExactly("bert-finetune", "gpt_eval%v2", "bert-finetune");
        assertThat(column(ok("jobs", "list", "--since", "2026-03-01", "--until", "1d"), 2)).containsExactly("mnist");
        assertThat(column(ok("jobs", "list", "--until", "2026-03-09T12:00:01Z", "--since", "2026-03-09T12:00:00+00:00"), 2))
                .containsExactly("bert-finetune");
        assertThat(column(ok("jobs", "list", "--uid", GPT), 2)).containsExactly("gpt_eval%v2");
    }

    @Test
    void aStatusOfANewerOperatorIsMatchedAsWrittenWithANote() {
        Result r = ok("jobs", "list", "--status", "Suspended");
        assertThat(r.outLines()).hasSize(1);
        assertThat(r.errLines()).containsExactly(
                "kubedl-persist: note: --status Suspended is not a job status this release knows; matching it as written");
    }

    @Test
    void pagesFollowTheTokenPrintedOnStderr() {
        Result first = ok("jobs", "list", "--limit", "2");
        assertThat(column(first, 2)).containsExactly("bert-finetune", "gpt_eval%v2");
        assertThat(first.errLines()).hasSize(1);
        String token = first.errLines().get(0).replace("more rows: repeat with --page-token ", "");
        Result second = ok("jobs", "list", "--limit", "2", "--page-token", token);
        assertThat(column(second, 2)).containsExactly("bert-finetune", "mnist");
        String next = second.errLines().get(0).replace("more rows: repeat with --page-token ", "");
        Result last = ok("jobs", "list", "--limit", "2", "--page-token", next);
        assertThat(column(last, 2)).containsExactly("old-allreduce");
        assertThat(last.err()).isEmpty();

        Result otherFilter = cli.run("jobs", "list", "--limit", "2", "--page-token", token, "--namespace", "team-nlp");
        assertThat(otherFilter.code()).isEqualTo(ExitCode.USAGE);
        assertThat(otherFilter.errLines()).hasSize(1);
        assertThat(otherFilter.err()).startsWith("kubedl-persist: --page-token: ");
    }

    @Test
    void jsonIsOneObjectPerRowWithTheRecordsFieldNames() throws Exception {
        Result r = ok("jobs", "list", "--output", "json", "--namespace", "team-vision");
        assertThat(r.outLines()).hasSize(1);
        JsonNode mnist = JSON.readTree(r.outLines().get(0));
        List<String> fields = new ArrayList<>();
        mnist.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("region", "jobId", "name", "namespace", "kind", "version", "status", "resources",
                "tenant", "owner", "inEtcd", "gmtCreated", "gmtModified", "gmtRunning", "gmtFinished", "remark");
        assertThat(mnist.get("jobId").asText()).isEqualTo(MNIST);
        assertThat(mnist.get("inEtcd").isBoolean()).isTrue();
        assertThat(mnist.get("inEtcd").asBoolean()).isFalse();
        assertThat(mnist.get("gmtCreated").asText()).isEqualTo("2026-03-07T12:00:00Z");
        assertThat(mnist.get("remark").isNull()).isTrue();
        assertThat(mnist.get("resources").asText()).isEqualTo("{\"Worker\":{\"replicas\":2}}");

        Result all = ok("jobs", "list", "-o", "JSON");
        assertThat(all.outLines()).hasSize(5);
        for (String line : all.outLines()) {
            assertThat(JSON.readTree(line).isObject()).isTrue();
        }
    }

    @Test
    void csvHasAHeaderOfFieldNamesAndQuotesWhatNeedsIt() {
        Result r = ok("pods", "list", "--output", "csv", "--job-uid", BERT_OLD, "--replica-type", "worker", "--status", "Failed");
        assertThat(r.out()).contains("\r\n");
        assertThat(r.outLines()).hasSize(2);
        assertThat(r.outLines().get(0)).isEqualTo("region,podId,name,namespace,version,status,image,jobId,replicaType,"
                + "resources,hostIp,podIp,inEtcd,remark,gmtCreated,gmtModified,gmtStarted,gmtFinished");
        assertThat(r.outLines().get(1)).startsWith(",p-worker-2,bert-finetune-worker-2,team-nlp,2000,Failed,")
                .contains(",false,\"reason=OOMKilled, exitCode=137\",2026-03-09T12:00:00Z,");
    }

    @Test
    void localPrintsTimesWithTheOffsetOfTheLocalZone() {
        Result r = cli.zone(ZoneId.of("Asia/Shanghai")).run("jobs", "list", "--namespace", "team-vision", "--local");
        cli.zone(java.time.ZoneOffset.UTC);
        assertThat(r.code()).isZero();
        assertThat(r.outLines().get(1)).contains("2026-03-07T20:00:00+08:00").doesNotContain("Z ");
    }

    @Test
    void jobsShowTakesTheNewestRowOfTheNameWithItsPodsInQ4Order() {
        Result newest = ok("jobs", "show", "team-nlp/bert-finetune");
        assertThat(newest.out()).contains("uid          " + BERT_NEW, "status       Running, in the cluster",
                "pods (0; by replica type, then index):");

        Result failed = ok("jobs", "show", "--uid", BERT_OLD);
        List<String> lines = failed.outLines();
        assertThat(lines).contains("job          PyTorchJob team-nlp/bert-finetune",
                "status       Failed, deleted from the cluster",
                "created      2026-03-09T12:00:00Z",
                "running      2026-03-09T12:02:00Z   (2m 0s after creation)",
                "finished     2026-03-09T16:00:00Z   (3h 58m 0s after it started running)",
                "pods (4; by replica type, then index):");
        int header = lines.indexOf("pods (4; by replica type, then index):") + 1;
        assertThat(lines.get(header)).startsWith("POD").endsWith("REMARK");
        assertThat(lines.subList(header + 1, header + 5)).extracting(l -> l.split("\\s+")[0])
                .containsExactly("bert-finetune-master-0", "bert-finetune-worker-0", "bert-finetune-worker-2",
                        "bert-finetune-worker-10");
        assertThat(lines.get(header + 3)).endsWith("2026-03-09T15:59:30Z   reason=OOMKilled, exitCode=137");
        assertThat(lines.subList(header + 5, lines.size())).containsExactly("", "failed pods:",
                "  bert-finetune-master-0 (master) failed at 2026-03-09T16:00:00Z: reason=Error, exitCode=1",
                "  bert-finetune-worker-2 (worker) failed at 2026-03-09T15:59:30Z: reason=OOMKilled, exitCode=137");
    }

    @Test
    void jobsShowInJsonAndCsv() throws Exception {
        Result json = ok("jobs", "show", "--uid", BERT_OLD, "-o", "json");
        assertThat(json.outLines()).hasSize(1);
        JsonNode job = JSON.readTree(json.out());
        assertThat(job.get("name").asText()).isEqualTo("bert-finetune");
        assertThat(job.get("pods")).extracting(p -> p.get("name").asText()).containsExactly("bert-finetune-master-0",
                "bert-finetune-worker-0", "bert-finetune-worker-2", "bert-finetune-worker-10");

        Result csv = ok("jobs", "show", "team-vision/mnist", "--output", "csv");
        assertThat(csv.outLines()).hasSize(5);
        assertThat(csv.outLines().get(0)).startsWith("region,jobId,name,");
        assertThat(csv.outLines().get(1)).startsWith("," + MNIST + ",mnist,team-vision,TFJob,1000,Succeeded,");
        assertThat(csv.outLines().get(2)).isEmpty();
        assertThat(csv.outLines().get(3)).startsWith("region,podId,name,");
        assertThat(csv.outLines().get(4)).startsWith(",p-mnist-ps-0,mnist-ps-0,");
    }

    @Test
    void jobsShowOfAnUnknownJobFailsWithOneLine() {
        Result r = cli.run("jobs", "show", "team-nlp/nope");
        assertThat(r.code()).isEqualTo(ExitCode.FAILED);
        assertThat(r.errLines()).containsExactly("kubedl-persist: no job team-nlp/nope in the 'mysql' store");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void podsListHasThePodQueryFilters() {
        Result all = ok("pods", "list");
        assertThat(all.outLines()).hasSize(1 + 7);
        assertThat(column(ok("pods", "list", "--job-uid", BERT_OLD, "--replica-type", "worker"), 1))
                .containsExactly("bert-finetune-worker-0", "bert-finetune-worker-2", "bert-finetune-worker-10");
        assertThat(column(ok("pods", "list", "--namespace", "team-vision"), 1)).containsExactly("mnist-ps-0");
        assertThat(column(ok("pods", "list", "--name", "bert-finetune-worker-2"), 3)).containsExactly("Failed");
        assertThat(column(ok("pods", "list", "--status", "failed", "--namespace", "team-nlp"), 1))
                .containsExactly("bert-finetune-master-0", "bert-finetune-worker-2");
        assertThat(ok("pods", "list", "--in-etcd", "true").outLines()).hasSize(1);
        assertThat(ok("pods", "list", "--region", "idc-2").outLines()).hasSize(1);
        Result json = ok("pods", "list", "-o", "json", "--limit", "3");
        assertThat(json.outLines()).hasSize(3);
        assertThat(json.errLines()).singleElement().asString().startsWith("more rows: repeat with --page-token ");
    }

    @Test
    void countCountsJobsAndPodsInEachFormat() {
        assertThat(ok("jobs", "count").out()).isEqualTo("5\n");
        assertThat(ok("jobs", "count", "--namespace", "team-nlp", "--status", "Running").out()).isEqualTo("2\n");
        assertThat(ok("jobs", "count", "-o", "json", "--in-etcd", "false").out()).isEqualTo("{\"count\":3}\n");
        assertThat(ok("pods", "count", "--job-uid", BERT_OLD).out()).isEqualTo("4\n");
        assertThat(ok("pods", "count", "-o", "csv", "--status", "Failed").out()).isEqualTo("count\r\n3\r\n");
    }

    @Test
    void globalOptionsStandBeforeOrAfterTheCommand() {
        Result before = ok("--meta-storage", "mysql", "--storage-option", "connectTimeoutMs=5000", "jobs", "count");
        Result after = ok("jobs", "count", "--meta-storage=mysql", "--storage-option=connectTimeoutMs=5000");
        assertThat(before.out()).isEqualTo("5\n").isEqualTo(after.out());
    }
}
