package io.kubedl.persist.kubernetes;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.kubedl.persist.InvalidRecordException;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.PodStatus;
import io.kubedl.persist.model.ResourceVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
     * training-operator's, KubeDL's, the legacy tf-operator / pytorch-operator ones, and
     * mpi-operator v2beta1's job role ({@code launcher} or {@code worker}), which it sets
     * instead of a replica type.
     */
    public static final List<String> REPLICA_TYPE_LABELS = List.of(
            "training.kubeflow.org/replica-type",
            "replica-type",
            "tf-replica-type",
            "pytorch-replica-type",
            "training.kubeflow.org/job-role");

    private static final Logger LOG = LoggerFactory.getLogger(PodConverter.class);

    private final String defaultRegion;
    private final OwnerLookup ownerLookup;
    private final UnreadableOptionalFields unreadable = new UnreadableOptionalFields();
    private final AtomicBoolean warnedNoLookup = new AtomicBoolean();

    private PodConverter(String defaultRegion, OwnerLookup ownerLookup) {
        this.defaultRegion = defaultRegion == null ? "" : defaultRegion;
        this.ownerLookup = ownerLookup;
    }

    /**
     * Pods are stored in the configured region; only when none is configured (null or empty) in
     * the region of their own tenancy annotation, as for jobs. Configure the same region as the
     * {@link JobConverter}, so that a job and its pods share one region and deleting the job
     * takes its pods (rule D2).
     *
     * @param defaultRegion the controller's region ({@code --region}); null reads as empty, meaning none
     * @return a converter without an {@link OwnerLookup}
     */
    public static PodConverter forRegion(String defaultRegion) {
        return new PodConverter(defaultRegion, null);
    }

    /**
     * @param lookup finds the training job of pods controlled by a {@code batch/v1} Job (mpi-operator
     *        v2beta1 launchers); without one those pods are skipped
     * @return a converter of the same region that uses the lookup
     */
    public PodConverter withOwnerLookup(OwnerLookup lookup) {
        return new PodConverter(defaultRegion, lookup);
    }

    /** @return the configured region, empty when none */
    public String defaultRegion() {
        return defaultRegion;
    }

    /**
     * How many optional fields this converter could not read and left out (a malformed
     * tenancy annotation); each object's first one is logged at WARN.
     *
     * @return the count since this converter was created
     */
    public long unreadableOptionalFields() {
        return unreadable.count();
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
        String controllerUid = controller.get("uid").requiredText(context);

        String name = metadata.get("name").requiredText(" (Pod)");
        String namespace = metadata.get("namespace").requiredText(" (pod " + name + ")");
        String object = "pod " + namespace + "/" + name;
        String uid = metadata.get("uid").requiredText(context);
        ResourceVersion version = metadata.get("resourceVersion").requiredVersion(object);
        Instant created = metadata.get("creationTimestamp").requiredInstant(context);

        String jobId = controllerUid;
        String ownerKind = controller.get("kind").text();
        if (isBatchJob(controller)) {
            Optional<OwnerReference> job = trainingJobOf(namespace, controller, controllerUid, object, context, refuseForeign);
            if (job.isEmpty()) {
                return Optional.empty();
            }
            jobId = job.get().getUid();
            ownerKind = job.get().getKind();
        }

        ObjectTree main = MainContainer.pick(root.get("spec").get("containers"), ownerKind);
        ObjectTree status = root.get("status");
        ObjectTree mainStatus = containerStatus(status.get("containerStatuses"), main.get("name").text());
        PodStatus phase = phase(status);

        ObjectTree state = mainStatus.get("state");
        Instant started = state.get("running").get("startedAt").instant();
        if (started == null) {
            started = state.get("terminated").get("startedAt").instant();
        }
        // a container terminated inside a pod that goes on (restartPolicy OnFailure) has not finished the pod
        Instant finished = phase.isFinished() ? finishTime(status, state) : null;
        Instant modified = phase.equals(PodStatus.RUNNING) ? started : phase.isFinished() ? finished : null;

        PodRecord record = PodRecord.builder()
                .region(Tenancy.of(metadata, uid, object, unreadable).regionFor(defaultRegion))
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
                .remark(PodRemark.of(phase, status, mainStatus))
                .gmtCreated(created)
                .gmtModified(modified)
                .gmtStarted(started)
                .gmtFinished(finished)
                .build();
        return Optional.of(record);
    }

    private static boolean isBatchJob(ObjectTree controller) {
        String apiVersion = controller.get("apiVersion").text();
        return "Job".equals(controller.get("kind").text()) && apiVersion != null && apiVersion.startsWith("batch/");
    }

    /** The training job that controls the batch Job controlling this pod (mpi-operator v2beta1's launcher). */
    private Optional<OwnerReference> trainingJobOf(String namespace, ObjectTree controller, String controllerUid,
            String object, String context, boolean refuseForeign) {
        if (ownerLookup == null) {
            if (refuseForeign) {
                throw new InvalidRecordException("metadata.ownerReferences",
                        "controlled by a batch/v1 Job; without an OwnerLookup its training job is unknown (" + object + ")");
            }
            if (warnedNoLookup.compareAndSet(false, true)) {
                LOG.warn("{} is controlled by a batch/v1 Job (an mpi-operator v2beta1 launcher); such pods are skipped "
                        + "until the PodConverter gets an OwnerLookup (logged once)", object);
            }
            return Optional.empty();
        }
        OwnerReference batchJob = new OwnerReferenceBuilder()
                .withApiVersion(controller.get("apiVersion").text())
                .withKind("Job")
                .withName(controller.get("name").requiredText(context))
                .withUid(controllerUid)
                .withController(true)
                .build();
        Optional<OwnerReference> job = ownerLookup.controllerOf(namespace, batchJob)
                .filter(reference -> reference.getUid() != null && !reference.getUid().isBlank());
        if (job.isEmpty() && refuseForeign) {
            throw new InvalidRecordException("metadata.ownerReferences",
                    "the OwnerLookup knows no controller of batch/v1 Job " + batchJob.getName() + " (" + object + ")");
        }
        return job;
    }

    /**
     * The main container's finish time; a pod that finished without one (evicted, or failed
     * before its container ran) finished at its last condition transition, which the kubelet
     * writes when it stops the pod.
     */
    private static Instant finishTime(ObjectTree status, ObjectTree mainState) {
        Instant finished = mainState.get("terminated").get("finishedAt").instant();
        if (finished != null) {
            return finished;
        }
        ObjectTree conditions = status.get("conditions");
        for (int i = 0; i < conditions.size(); i++) {
            Instant time = conditions.get(i).get("lastTransitionTime").instant();
            if (time != null && (finished == null || time.isAfter(finished))) {
                finished = time;
            }
        }
        return finished;
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

    /** The phase as Kubernetes spells it (unknown phases kept as written); Unknown when the pod has none. */
    private static PodStatus phase(ObjectTree status) {
        String phase = status.get("phase").text();
        return phase == null ? PodStatus.UNKNOWN : PodStatus.of(phase);
    }
}
