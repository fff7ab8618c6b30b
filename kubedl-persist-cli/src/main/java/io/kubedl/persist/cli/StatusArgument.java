package io.kubedl.persist.cli;

import io.kubedl.persist.model.JobStatus;
import io.kubedl.persist.model.PodStatus;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Statuses given with {@code --status} (repeatable, or comma-separated). A known
 * status matches in any case ({@code failed} is Failed). Any other capitalised word is
 * taken as it is, because a newer operator may write a status this release does not
 * know (the store keeps it as written), with a note on stderr; anything else is refused
 * with the list of known statuses.
 */
final class StatusArgument {
    private static final Pattern STATUS_WORD = Pattern.compile("[A-Z][A-Za-z]{0,63}");

    private StatusArgument() {
    }

    static Set<JobStatus> jobStatuses(List<String> values, PrintWriter warnings) {
        return parse(values, List.of(JobStatus.CREATED, JobStatus.RUNNING, JobStatus.RESTARTING, JobStatus.SUCCEEDED,
                JobStatus.FAILED, JobStatus.STOPPED), JobStatus::value, JobStatus::of, "job", warnings);
    }

    static Set<PodStatus> podStatuses(List<String> values, PrintWriter warnings) {
        return parse(values, List.of(PodStatus.PENDING, PodStatus.RUNNING, PodStatus.SUCCEEDED, PodStatus.FAILED,
                PodStatus.UNKNOWN, PodStatus.STOPPED), PodStatus::value, PodStatus::of, "pod", warnings);
    }

    private static <S> Set<S> parse(List<String> values, List<S> known, Function<S, String> word,
            Function<String, S> of, String what, PrintWriter warnings) {
        Set<S> statuses = new LinkedHashSet<>();
        for (String value : values) {
            for (String part : value.split(",", -1)) {
                String text = part.trim();
                S status = known.stream().filter(s -> word.apply(s).equalsIgnoreCase(text)).findFirst().orElse(null);
                if (status == null) {
                    if (!STATUS_WORD.matcher(text).matches()) {
                        throw new UsageException("--status: '" + part + "' is not a " + what + " status; known: "
                                + String.join(", ", known.stream().map(word).toList())
                                + " (a status of a newer operator is a capitalised word)");
                    }
                    // a typo such as Faild would match nothing in silence: say so, but let a newer status through
                    warnings.println("kubedl-persist: note: --status " + text + " is not a " + what
                            + " status this release knows; matching it as written");
                    warnings.flush();
                    status = of.apply(text);
                }
                statuses.add(status);
            }
        }
        return statuses;
    }
}
