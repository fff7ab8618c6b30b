package io.kubedl.persist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubedl.persist.cli.CliRun.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad command lines: exit code 2, one line on stderr naming the flag, and nothing
 * tried: the environment points at a port where nothing listens, so a command that
 * connected would fail with exit code 1 instead.
 */
class UsageErrorsTest {
    private final CliRun cli = CliRun.bare().env("MYSQL_HOST", "127.0.0.1").env("MYSQL_PORT", "1")
            .env("MYSQL_USER", "nobody");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "jobs list --since yesterday|kubedl-persist: --since must be an ISO-8601 instant (2026-01-31T12:00:00Z), a date (2026-01-31, midnight UTC) or an age such as 90d, 12h, 30m, 45s; was 'yesterday'",
        "jobs list --until 3w|kubedl-persist: --until must be an ISO-8601 instant",
        "jobs list --limit 0|kubedl-persist: --limit must be between 1 and 1000, was 0",
        "jobs list --limit 5000|kubedl-persist: --limit must be between 1 and 1000, was 5000",
        "jobs list --limit ten|kubedl-persist: Invalid value for option '--limit': 'ten' is not an int",
        "jobs list --in-etcd maybe|kubedl-persist: --in-etcd must be true or false, was 'maybe'",
        "jobs list --status faild|kubedl-persist: --status: 'faild' is not a job status; known: Created, Running, Restarting, Succeeded, Failed, Stopped",
        "pods list --status running,gone|kubedl-persist: --status: 'gone' is not a pod status; known: Pending, Running, Succeeded, Failed, Unknown, Stopped",
        "jobs list --name-contains=|kubedl-persist: --name-contains: must not be empty; leave it unset to match every name",
        "jobs list --since 1d --until 2d|kubedl-persist: --since: must be before --until (2026-03-09T12:00:00Z >= 2026-03-08T12:00:00Z)",
        "jobs list --output xml|kubedl-persist: Invalid value for option '--output': expected one of [TEXT, JSON, CSV]",
        "jobs list --frobnicate|kubedl-persist: Unknown option: '--frobnicate'",
        "jobs show team-nlp|kubedl-persist: NAMESPACE/NAME: expected one slash between namespace and name, was 'team-nlp'",
        "jobs show|kubedl-persist: jobs show takes NAMESPACE/NAME or --uid UID (one of them)",
        "jobs show a/b --uid x|kubedl-persist: jobs show takes NAMESPACE/NAME or --uid UID (one of them)",
        "purge|kubedl-persist: Missing required option: '--finished-before=TIME'",
        "purge --finished-before soon|kubedl-persist: --finished-before must be an ISO-8601 instant",
        "purge --finished-before 90d --slice 0|kubedl-persist: --slice must be between 1 and 100000, was 0",
        "jobs count --storage-option sslMode|kubedl-persist: --storage-option takes KEY=VALUE, was 'sslMode'",
        "jobs count --storage-option sslMode=SOMETIMES|kubedl-persist: configuration: option sslMode must be",
        "jobs count --meta-storage nosuch|kubedl-persist: --meta-storage: ",
        "jobs count --secret-dir /nonexistent/secret|kubedl-persist: --secret-dir: /nonexistent/secret is not a directory",
        "validate --meta-storage sqlite|kubedl-persist: validate needs a provider with migration modes (mysql)",
        "jobs|kubedl-persist: a jobs command is required: list, show or count",
        "frobnicate|kubedl-persist: Unmatched argument at index 0: 'frobnicate'",
    })
    void badCommandLinesExitWithTwoAndOneLineNamingTheFlag(String commandLine, String expected) {
        Result r = cli.run(commandLine.split(" "));
        assertThat(r.code()).as("%s", r).isEqualTo(ExitCode.USAGE);
        assertThat(r.errLines()).as("%s", r).hasSize(1);
        assertThat(r.err()).startsWith(expected);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aConfigurationValueFromTheEnvironmentIsAUsageErrorNamingIt() {
        Result r = CliRun.bare().env("MYSQL_PORT", "seventy").run("jobs", "count");
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.errLines()).containsExactly(
                "kubedl-persist: configuration: port must be a number between 1 and 65535, was 'seventy' (from ENV)");
    }

    @Test
    void noCommandPrintsTheUsageHint() {
        Result r = cli.run();
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.errLines()).containsExactly("kubedl-persist: a command is required (see: kubedl-persist --help)");
    }

    @Test
    void helpOfEveryCommandExitsWithZero() {
        for (String[] command : new String[][] {{"--help"}, {"migrate", "--help"}, {"validate", "--help"}, {"adopt", "--help"},
            {"purge", "--help"}, {"jobs", "list", "--help"}, {"jobs", "show", "--help"}, {"jobs", "count", "--help"},
            {"pods", "list", "--help"}, {"pods", "count", "--help"}}) {
            Result r = cli.run(command);
            assertThat(r.code()).as("%s", r).isZero();
            assertThat(r.out()).contains("Usage: kubedl-persist");
        }
        assertThat(cli.run("jobs", "list", "--help").out()).contains("--name-contains", "--status", "--kind", "--owner",
                "--tenant", "--region", "--since", "--until", "--in-etcd", "--uid", "--limit", "--page-token", "--output",
                "--local", "--meta-storage", "--storage-option", "--secret-dir");
    }
}
