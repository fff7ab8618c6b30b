package io.kubedl.persist.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import io.kubedl.persist.InvalidRecordException;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.PodStatus;
import io.kubedl.persist.model.ResourceVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Converts a fabric8 {@link Pod} of a training job into a {@link PodRecord}.
 *
 * <p>A pod of a training job has a controller owner reference (its uid becomes the
 * record's jobId) and a replica-type label (one of {@link #REPLICA_TYPE_LABELS}, first
 * found wins). A pod without either is not a training pod: {@link #convert(Pod)} answers
 * {@link Optional#empty()}, so an informer over every pod of a namespace can skip the
 * others without catching exceptions; {@link #convertOrThrow(Pod)} refuses it with an
 * {@link InvalidRecordException} naming {@code metadata.ownerReferences} or
 * {@code metadata.labels}. Both refuse a training pod whose required fields are missing or
 * malformed, naming the path (e.g. {@code metadata.uid}).
 *
 * <p>A converter is immutable and thread-safe; it MUST NOT mutate the pod. The mapping of
 * every field is described in docs/converters.md.
 *
 * <pre>{@code
 * PodConverter pods = PodConverter.forRegion(job.region());
 * pods.convert(pod).ifPresent(store.pods()::save);
 * }</pre>
 */
public final class PodConverter {
    /**
     * Labels that carry the replica type, in the order they are looked up: Kubeflow
     * training-operator's, a {@code kubedl.io} prefixed one, KubeDL's plain one, and the
     * legacy tf-operator / pytorch-operator ones.
     */
    public static final List<String> REPLICA_TYPE_LABELS = List.of(
            "training.kubeflow.org/replica-type",
            "kubedl.io/replica-type",
            "replica-type",
            "tf-replica-type",
            "pytorch-replica-type");

    private final String defaultRegion;

    private PodConverter(String defaultRegion) {
        this.defaultRegion = defaultRegion == null ? "" : defaultRegion;
    }

    /**
     * Pods are stored in the region of their job, so that deleting a job takes its pods
     * (rule D2): pass the job record's region when the job has a tenancy region.
     *
     * @param defaultRegion the region of pods without a region in their own tenancy annotation; null reads as empty
     * @return a converter
     */
    public static PodConverter forRegion(String defaultRegion) {
        return new PodConverter(defaultRegion);
    }


    /** @return the region used when a pod names none */
    public String defaultRegion() {
        return defaultRegion;
    }

    /**
     * @param pod the pod; only read
     * @return the record, or empty when the pod has no controller owner reference or no replica-type label
     * @throws InvalidRecordException naming the path of a missing or malformed required field of a training pod
     */
    public Optional<PodRecord> convert(Pod pod) {
        return convert(pod, false);
    }

    /**
     * @param pod the pod; only read
     * @return the record
     * @throws InvalidRecordException naming {@code metadata.ownerReferences} or {@code metadata.labels} when
     *         the pod is not a training pod, or the path of a missing or malformed required field
     */
    public PodRecord convertOrThrow(Pod pod) {
        return convert(pod, true).orElseThrow();
    }

    private Optional<PodRecord> convert(Pod pod, boolean refuseForeign) {
        ObjectTree root = ObjectTree.of(pod, "pod");
        ObjectTree metadata = root.get("metadata").requiredObject(" (Pod)");
        String label = metadata.get("name").text();
        String context = " (pod " + metadata.get("namespace").text() + "/" + label + ")";

        ObjectTree controller = controllerReference(metadata.get("ownerReferences"));
        if (controller == null) {
            if (refuseForeign) {
                throw new InvalidRecordException("metadata.ownerReferences",
                        "no controller owner reference, so not a pod of a training job" + context);
            }
            return Optional.empty();
        }
        String replicaType = replicaType(metadata.get("labels"));
        if (replicaType == null) {
            if (refuseForeign) {
                throw new InvalidRecordException("metadata.labels",
                        "no replica-type label (looked for " + String.join(", ", REPLICA_TYPE_LABELS) + ")" + context);
            }
            return Optional.empty();
        }
        String jobId = controller.get("uid").requiredText(context);

        String name = metadata.get("name").requiredText(" (Pod)");
        String namespace = metadata.get("namespace").requiredText(" (pod " + name + ")");
        String object = "pod " + namespace + "/" + name;
        String uid = metadata.get("uid").requiredText(context);
        ResourceVersion version = metadata.get("resourceVersion").requiredVersion(object);
        Instant created = metadata.get("creationTimestamp").requiredInstant(context);

        ObjectTree main = MainContainer.pick(root.get("spec").get("containers"), controller.get("kind").text());
        ObjectTree status = root.get("status");
        ObjectTree mainStatus = containerStatus(status.get("containerStatuses"), main.get("name").text());
        PodStatus phase = phase(status);

        ObjectTree state = mainStatus.get("state");
        Instant started = state.get("running").get("startedAt").instant();
        if (started == null) {
            started = state.get("terminated").get("startedAt").instant();
        }
        // a container terminated inside a pod that goes on (restartPolicy OnFailure) has not finished the pod
        Instant finished = phase.isFinished() ? state.get("terminated").get("finishedAt").instant() : null;
        Instant modified = phase.equals(PodStatus.RUNNING) ? started : phase.isFinished() ? finished : null;

        PodRecord record = PodRecord.builder()
                .region(Tenancy.of(metadata, ObjectTree.MAPPER).regionOr(defaultRegion))
                .podId(uid)
                .name(name)
                .namespace(namespace)
                .version(version)
                .status(phase)
                .image(main.get("image").text())
                .jobId(jobId)
                .replicaType(replicaType)
                .resources(ResourcesJson.ofPod(PodSpecResources.of(root.get("spec"))))
                .hostIp(status.get("hostIP").text())
                .podIp(status.get("podIP").text())
                .inEtcd(true)
                .remark(phase.equals(PodStatus.FAILED) ? failureRemark(status, state) : null)
                .gmtCreated(created)
                .gmtModified(modified)
                .gmtStarted(started)
                .gmtFinished(finished)
                .build();
        return Optional.of(record);
    }

    private static ObjectTree controllerReference(ObjectTree references) {
        for (int i = 0; i < references.size(); i++) {
            ObjectTree reference = references.get(i);
            if (reference.get("controller").isTrue()) {
                return reference;
            }
        }
        return null;
    }

    private static String replicaType(ObjectTree labels) {
        for (String key : REPLICA_TYPE_LABELS) {
            String value = labels.get(key).text();
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static ObjectTree containerStatus(ObjectTree statuses, String containerName) {
        for (int i = 0; i < statuses.size(); i++) {
            ObjectTree candidate = statuses.get(i);
            if (containerName != null && containerName.equals(candidate.get("name").text())) {
                return candidate;
            }
        }
        return new ObjectTree(null, statuses.path());
    }

    /** Unknown without container statuses (the kubelet has not reported), else the phase as Kubernetes spells it. */
    private static PodStatus phase(ObjectTree status) {
        String phase = status.get("phase").text();
        if (status.get("containerStatuses").size() == 0 || phase == null) {
            return PodStatus.UNKNOWN;
        }
        return PodStatus.of(phase);
    }

    /** Why a pod failed: the main container's termination, else the pod's own reason (e.g. Evicted). */
    private static String failureRemark(ObjectTree status, ObjectTree mainState) {
        ObjectTree terminated = mainState.get("terminated");
        List<String> parts = new ArrayList<>();
        if (terminated.isObject()) {
            add(parts, "reason", terminated.get("reason").text());
            add(parts, "exitCode", terminated.get("exitCode").text());
            add(parts, "message", terminated.get("message").text());
        }
        if (parts.isEmpty()) {
            add(parts, "reason", status.get("reason").text());
            add(parts, "message", status.get("message").text());
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    private static void add(List<String> parts, String key, String value) {
        if (value != null) {
            parts.add(key + "=" + value.strip());
        }
    }
}
