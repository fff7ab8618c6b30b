package io.kubedl.persist.kubernetes;

import io.kubedl.persist.model.PodStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Why a pod is where it is, as {@code key=value} parts joined by {@code ", "}; parts that are
 * absent are left out, and a pod with nothing to say has no remark.
 *
 * <ul>
 *   <li>Failed: the pod's own {@code reason} and {@code message} first ({@code Evicted},
 *       {@code DeadlineExceeded}: what a user looks for), then the main container's termination
 *       ({@code reason}, {@code exitCode}, {@code message}; named {@code exitReason} and
 *       {@code exitMessage} when the pod has its own reason or message).</li>
 *   <li>Pending: the scheduler's {@code PodScheduled=False} reason and message
 *       ({@code Unschedulable}), else the main container's waiting reason and message
 *       ({@code ImagePullBackOff}; not the routine {@code ContainerCreating} and {@code PodInitializing}).</li>
 *   <li>Running (and any other phase but Succeeded): the main container's waiting reason and
 *       message ({@code CrashLoopBackOff}) and its last termination's {@code lastReason} and
 *       {@code lastExitCode} ({@code OOMKilled}, 137), for containers that restart in place.</li>
 * </ul>
 */
final class PodRemark {
    /** The kubelet's waiting reasons of a container on its normal way to running; they say nothing about a problem. */
    private static final Set<String> ROUTINE_WAITING = Set.of("ContainerCreating", "PodInitializing");

    private PodRemark() {
    }

    /**
     * @param phase the pod's status
     * @param status the pod's {@code status}
     * @param mainStatus the main container's entry of {@code status.containerStatuses}, possibly absent
     * @return the remark, or null when there is nothing to say
     */
    static String of(PodStatus phase, ObjectTree status, ObjectTree mainStatus) {
        List<String> parts = new ArrayList<>();
        ObjectTree state = mainStatus.get("state");
        if (phase.equals(PodStatus.SUCCEEDED)) {
            return null;
        }
        if (phase.equals(PodStatus.FAILED)) {
            String podReason = status.get("reason").text();
            String podMessage = status.get("message").text();
            add(parts, "reason", podReason);
            add(parts, "message", podMessage);
            ObjectTree terminated = state.get("terminated");
            add(parts, podReason == null ? "reason" : "exitReason", terminated.get("reason").text());
            add(parts, "exitCode", terminated.get("exitCode").text());
            add(parts, podMessage == null ? "message" : "exitMessage", terminated.get("message").text());
        } else {
            ObjectTree unscheduled = phase.equals(PodStatus.PENDING) ? unscheduled(status.get("conditions")) : null;
            ObjectTree why = unscheduled != null ? unscheduled : state.get("waiting");
            String reason = why.get("reason").text();
            if (unscheduled == null && reason != null && ROUTINE_WAITING.contains(reason)) {
                why = new ObjectTree(null, why.path());
            }
            add(parts, "reason", why.get("reason").text());
            add(parts, "message", why.get("message").text());
            ObjectTree last = mainStatus.get("lastState").get("terminated");
            add(parts, "lastReason", last.get("reason").text());
            add(parts, "lastExitCode", last.get("exitCode").text());
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    private static ObjectTree unscheduled(ObjectTree conditions) {
        for (int i = 0; i < conditions.size(); i++) {
            ObjectTree condition = conditions.get(i);
            if ("PodScheduled".equals(condition.get("type").text()) && "False".equals(condition.get("status").text())) {
                return condition;
            }
        }
        return null;
    }

    private static void add(List<String> parts, String key, String value) {
        if (value != null) {
            parts.add(key + "=" + value.strip());
        }
    }
}
