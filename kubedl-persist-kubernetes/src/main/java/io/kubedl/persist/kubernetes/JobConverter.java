package io.kubedl.persist.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubedl.persist.InvalidRecordException;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.JobStatus;
import io.kubedl.persist.model.ResourceVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Converts a training job, as a fabric8 {@code GenericKubernetesResource} or any typed
 * custom resource, into a {@link JobRecord}. It works for TFJob, PyTorchJob, XGBoostJob,
 * XDLJob, MarsJob, ElasticBatchJob and MPIJob of KubeDL ({@code training.kubedl.io} and the
 * other {@code *.kubedl.io} groups) and of Kubeflow ({@code kubeflow.org/v1}), and for any
 * other kind whose {@code spec} holds a {@code *ReplicaSpecs} map: no code names a kind.
 *
 * <p>A converter is immutable and thread-safe; it is a pure function of the object and
 * the configured default region. It MUST NOT mutate the object, tolerates every missing
 * optional field, and refuses a missing or malformed required field with an
 * {@link InvalidRecordException} whose {@link InvalidRecordException#field()} is the path
 * in the object (e.g. {@code metadata.uid}). The mapping of every field is described in
 * docs/converters.md.
 *
 * <pre>{@code
 * JobConverter jobs = JobConverter.forRegion(config.region());
 * JobRecord record = jobs.convert(tfJob);   // a GenericKubernetesResource from an informer
 * store.jobs().save(record);
 * }</pre>
 */
public final class JobConverter {
    /** KubeDL's annotation with the tensorboard configuration of a job; its presence sets the remark. */
    public static final String TENSORBOARD_ANNOTATION = "kubedl.io/tensorboard-config";
    /** The remark KubeDL writes, and its console matches, for a job with a tensorboard. */
    public static final String TENSORBOARD_REMARK = "EnableTensorBoard";
    /** KubeDL's annotation with the tenancy JSON {@code {"tenant","user","idc","region"}}. */
    public static final String TENANCY_ANNOTATION = Tenancy.ANNOTATION;

    private final String defaultRegion;
    private final UnreadableOptionalFields unreadable = new UnreadableOptionalFields();

    private JobConverter(String defaultRegion) {
        this.defaultRegion = defaultRegion == null ? "" : defaultRegion;
    }

    /**
     * Jobs are stored in the configured region; only when none is configured (null or empty)
     * in the region of their tenancy annotation, as KubeDL does.
     *
     * @param defaultRegion the controller's region ({@code --region}); null reads as empty, meaning none
     * @return a converter
     */
    public static JobConverter forRegion(String defaultRegion) {
        return new JobConverter(defaultRegion);
    }


    /** @return the configured region, empty when none */
    public String defaultRegion() {
        return defaultRegion;
    }

    /**
     * How many optional fields this converter could not read and left out (a malformed
     * tenancy annotation); each object's first one is logged at WARN. A controller exports it
     * as a metric, e.g. a gauge {@code kubedl_persist_unreadable_optional_fields}.
     *
     * @return the count since this converter was created
     */
    public long unreadableOptionalFields() {
        return unreadable.count();
    }

    /**
     * Converts one observed state of a job. The record is in etcd; its gmtModified is the
     * transition time of the last condition (null when there is none, so the store picks it).
     *
     * @param job a {@code GenericKubernetesResource} or a typed custom resource; only read
     * @return the record of this state
     * @throws InvalidRecordException naming the path of a missing or malformed required field
     *         ({@code kind}, {@code metadata.name}, {@code metadata.namespace}, {@code metadata.uid},
     *         {@code metadata.resourceVersion}, {@code metadata.creationTimestamp}), or of a quantity
     *         or replica count that does not parse; a malformed tenancy annotation is left out and
     *         counted instead (see {@link #unreadableOptionalFields()})
     */
    public JobRecord convert(HasMetadata job) {
        ObjectTree root = ObjectTree.of(job, "job");
        String kind = root.get("kind").requiredText("");
        ObjectTree metadata = root.get("metadata").requiredObject(" (" + kind + ")");
        String name = metadata.get("name").requiredText(" (" + kind + ")");
        String namespace = metadata.get("namespace").requiredText(" (" + kind + " " + name + ")");
        String object = kind + " " + namespace + "/" + name;
        String context = " (" + object + ")";
        String uid = metadata.get("uid").requiredText(context);
        ResourceVersion version = metadata.get("resourceVersion").requiredVersion(object);
        Instant created = metadata.get("creationTimestamp").requiredInstant(context);

        Conditions conditions = Conditions.of(root.get("status").get("conditions"));
        Instant completion = root.get("status").get("completionTime").instant();
        Tenancy tenancy = Tenancy.of(metadata, uid, object, unreadable);

        return JobRecord.builder()
                .region(tenancy.regionFor(defaultRegion))
                .jobId(uid)
                .name(name)
                .namespace(namespace)
                .kind(kind)
                .version(version)
                .status(conditions.status())
                .resources(ResourcesJson.ofJob(replicaResources(root.get("spec"))))
                .tenant(tenancy.tenant())
                .owner(tenancy.user())
                .inEtcd(true)
                .gmtCreated(created)
                .gmtModified(conditions.lastTransition())
                .gmtRunning(conditions.running())
                .gmtFinished(completion != null ? completion : conditions.finished())
                .remark(remark(metadata))
                .build();
    }

    /**
     * Every {@code spec.<anything>ReplicaSpecs} (or plain {@code replicaSpecs}) that is a map,
     * in key order; a replica type named twice keeps its first occurrence.
     */
    static Map<String, ReplicaResources> replicaResources(ObjectTree spec) {
        Map<String, ReplicaResources> result = new TreeMap<>();
        if (!spec.isObject()) {
            return result;
        }
        List<String> keys = new ArrayList<>();
        spec.node().fieldNames().forEachRemaining(keys::add);
        keys.sort(null);
        for (String key : keys) {
            ObjectTree specs = spec.get(key);
            if (!isReplicaSpecsKey(key) || !specs.isObject()) {
                continue;
            }
            List<String> types = new ArrayList<>();
            specs.node().fieldNames().forEachRemaining(types::add);
            for (String type : types) {
                ObjectTree replica = specs.get(type);
                if (!replica.isObject() || result.containsKey(type)) {
                    continue;
                }
                int replicas = replica.get("replicas").intValue(1);
                PodResources perReplica = PodSpecResources.of(replica.get("template").get("spec"));
                result.put(type, ReplicaResources.of(replicas, perReplica));
            }
        }
        return result;
    }

    private static boolean isReplicaSpecsKey(String key) {
        return key.endsWith("ReplicaSpecs") || key.toLowerCase(Locale.ROOT).equals("replicaspecs");
    }

    /** KubeDL marks a job whose tensorboard annotation is present, whatever its value, and its console matches the mark. */
    private static String remark(ObjectTree metadata) {
        return metadata.get("annotations").get(TENSORBOARD_ANNOTATION).present() ? TENSORBOARD_REMARK : null;
    }

    /**
     * What the conditions of a job say. The status is the type of the last condition that is
     * not {@code False}: Kubeflow's operator moves every updated condition to the end, so a
     * resumed job ends with {@code Suspended=False}, which must not read as suspended.
     */
    private record Conditions(JobStatus status, Instant lastTransition, Instant running, Instant finished) {
        static Conditions of(ObjectTree conditions) {
            String lastType = null;
            Instant lastTransition = null;
            Instant running = null;
            Instant finished = null;
            for (int i = 0; i < conditions.size(); i++) {
                ObjectTree condition = conditions.get(i);
                String type = condition.get("type").text();
                if (type == null) {
                    continue;
                }
                Instant time = condition.get("lastTransitionTime").instant();
                if (time == null) {
                    time = condition.get("lastUpdateTime").instant();
                }
                boolean isFalse = "False".equalsIgnoreCase(condition.get("status").text());
                if (!isFalse) {
                    lastType = type;
                }
                lastTransition = time;
                if ("Running".equalsIgnoreCase(type) && time != null && !suspension(condition)
                        && (running == null || time.isBefore(running))) {
                    running = time;
                }
                boolean finishing = "Succeeded".equalsIgnoreCase(type) || "Failed".equalsIgnoreCase(type);
                if (finishing && !isFalse && time != null) {
                    finished = time;
                }
            }
            JobStatus status = lastType == null ? JobStatus.CREATED : JobStatus.of(lastType);
            return new Conditions(status, lastTransition, running, finished);
        }

        /**
         * Kubeflow's operator sets Running to False with reason {@code <Kind>Suspended} when it
         * suspends a job, which moves its time to the suspension; that time is not a start.
         */
        private static boolean suspension(ObjectTree condition) {
            String reason = condition.get("reason").text();
            return "False".equalsIgnoreCase(condition.get("status").text()) && reason != null && reason.endsWith("Suspended");
        }
    }
}
