package io.kubedl.persist.kubernetes;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.util.List;
import java.util.Map;

/**
 * A typed TFJob as a user's generated model classes would have it (typed spec with
 * fabric8's {@link PodTemplateSpec}, typed status), to show that the converter reads
 * typed resources exactly as it reads generic ones.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
// KubernetesResource asks for fabric8's polymorphic deserializer; a typed resource binds itself, as CustomResource does
@JsonDeserialize(using = JsonDeserializer.None.class)
public class TypedTfJob implements HasMetadata {
    private String apiVersion;
    private String kind;
    private ObjectMeta metadata;
    private Spec spec;
    private Status status;

    @Override
    public String getApiVersion() { return apiVersion; }
    @Override
    public void setApiVersion(String apiVersion) { this.apiVersion = apiVersion; }
    @Override
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    @Override
    public ObjectMeta getMetadata() { return metadata; }
    @Override
    public void setMetadata(ObjectMeta metadata) { this.metadata = metadata; }
    public Spec getSpec() { return spec; }
    public void setSpec(Spec spec) { this.spec = spec; }
    public Status getStatus() { return status; }
    public void setStatus(Status status) { this.status = status; }

    /** The spec of a TFJob. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Spec {
        public Map<String, ReplicaSpec> tfReplicaSpecs;
    }

    /** One replica type. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class ReplicaSpec {
        public Integer replicas;
        public String restartPolicy;
        public PodTemplateSpec template;
    }

    /** The status of a job. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Status {
        public List<Condition> conditions;
        public String startTime;
        public String completionTime;
    }

    /** One condition. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Condition {
        public String type;
        public String status;
        public String reason;
        public String message;
        public String lastUpdateTime;
        public String lastTransitionTime;
    }
}
