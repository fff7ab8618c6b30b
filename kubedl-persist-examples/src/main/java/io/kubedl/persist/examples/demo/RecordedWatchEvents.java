package io.kubedl.persist.examples.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads the recorded watch events under {@code demo/} on the class path: multi-document
 * YAML, one {@code {type, object}} per document, as {@code kubectl get -w -o yaml}
 * shows them. The recording happened around {@link #RECORDED_AT}; each replay moves
 * every timestamp by the same amount so the story ends at the replay's "now" (and
 * "this week" means something), and derives every uid from the run id so that two
 * runs against one database are two independent histories.
 */
public final class RecordedWatchEvents {
    /** The instant the recording ends at; the latest event is at or before it. */
    public static final Instant RECORDED_AT = Instant.parse("2026-01-08T12:00:00Z");

    /** The recordings, replayed in this order. */
    public static final List<String> RESOURCES = List.of(
            "demo/01-tfjob-mnist.yaml",
            "demo/02-pytorchjob-bert-finetune.yaml",
            "demo/03-team-nlp-history.yaml");

    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Duration shift;
    private final String runId;

    private RecordedWatchEvents(Duration shift, String runId) {
        this.shift = shift;
        this.runId = runId;
    }

    /**
     * @param now the replay's "now"; the recording is moved to end there
     * @param runId distinguishes this run's uids from other runs'
     * @return a reader of the recordings
     */
    public static RecordedWatchEvents endingAt(Instant now, String runId) {
        return new RecordedWatchEvents(Duration.between(RECORDED_AT, now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)), runId);
    }

    /** @return every event of every recording, in order */
    public List<ClusterEvent> load() {
        List<ClusterEvent> events = new ArrayList<>();
        for (String resource : RESOURCES) {
            events.addAll(load(resource));
        }
        return events;
    }

    private List<ClusterEvent> load(String resource) {
        List<ClusterEvent> events = new ArrayList<>();
        try (InputStream in = RecordedWatchEvents.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the recording " + resource + " is not on the class path");
            }
            try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class)
                    .readValues(new String(in.readAllBytes(), StandardCharsets.UTF_8))) {
                while (documents.hasNext()) {
                    JsonNode document = documents.next();
                    if (document == null || !document.isObject() || !document.has("object")) {
                        continue;
                    }
                    ObjectNode object = (ObjectNode) document.get("object");
                    rewrite(object);
                    events.add(new ClusterEvent(document.get("type").asText(), toKubernetes(object)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the recording " + resource, e);
        }
        return events;
    }

    private static HasMetadata toKubernetes(ObjectNode object) {
        Class<? extends HasMetadata> type = "Pod".equals(object.path("kind").asText()) ? Pod.class : GenericKubernetesResource.class;
        return YAML.convertValue(object, type);
    }

    /** Moves every RFC 3339 timestamp and derives every uid (metadata.uid, ownerReferences[].uid). */
    private void rewrite(JsonNode node) {
        if (node instanceof ObjectNode object) {
            // a copy: set() below replaces values while we walk
            for (Map.Entry<String, JsonNode> field : List.copyOf(object.properties())) {
                JsonNode value = field.getValue();
                if (value.isTextual() && field.getKey().equals("uid")) {
                    object.set(field.getKey(), TextNode.valueOf(uid(value.asText())));
                } else if (value.isTextual() && TIMESTAMP.matcher(value.asText()).matches()) {
                    object.set(field.getKey(), TextNode.valueOf(shifted(value.asText())));
                } else {
                    rewrite(value);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(this::rewrite);
        }
    }

    private String shifted(String timestamp) {
        try {
            return Instant.parse(timestamp).plus(shift).toString();
        } catch (DateTimeParseException e) {
            return timestamp;
        }
    }

    private String uid(String recorded) {
        return UUID.nameUUIDFromBytes((runId + "/" + recorded).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
