package io.kubedl.persist.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.kubedl.persist.InvalidRecordException;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.PodRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Removes every node of every valid fixture, one at a time (each leaf, each map, each list
 * element, each list), and converts what is left. The converters MUST NOT throw anything
 * but an {@link InvalidRecordException} naming exactly the removed path, and only when that
 * path is a required field; every other removal still gives a record of the same object
 * (or, for a pod, no record when the removal took away what makes it a training pod).
 */
class StrippedFieldsTest {
    private static final Set<String> REQUIRED_OF_JOB = Set.of("kind", "metadata", "metadata.name",
            "metadata.namespace", "metadata.uid", "metadata.resourceVersion", "metadata.creationTimestamp");
    private static final Set<String> REQUIRED_OF_POD = Set.of("metadata", "metadata.name", "metadata.namespace",
            "metadata.uid", "metadata.resourceVersion", "metadata.creationTimestamp");

    private final JobConverter jobs = JobConverter.forRegion("cn-beijing");
    private final PodConverter pods = PodConverterFixturesTest.CONVERTER;

    static Stream<String> jobFixtures() {
        return JobConverterFixturesTest.validFixtureNames().stream();
    }

    static Stream<String> podFixtures() {
        return PodConverterFixturesTest.validFixtureNames().stream();
    }

    @Test
    void everyFixtureFileIsInATable() {
        assertThat(JobConverterFixturesTest.validFixtureNames()).containsExactlyInAnyOrderElementsOf(Fixtures.list("jobs"));
        assertThat(PodConverterFixturesTest.validFixtureNames()).containsExactlyInAnyOrderElementsOf(Fixtures.list("pods"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jobFixtures")
    void jobWithAnyNodeRemovedConvertsOrNamesTheRequiredPath(String fixture) {
        Map<String, Object> original = Fixtures.map(fixture);
        JobRecord baseline = jobs.convert(Fixtures.YAML.convertValue(original, GenericKubernetesResource.class));
        List<List<Object>> paths = allPaths(original);
        assertThat(paths).hasSizeGreaterThan(10);

        for (List<Object> path : paths) {
            String dotted = dotted(path);
            GenericKubernetesResource stripped =
                    Fixtures.YAML.convertValue(without(original, path), GenericKubernetesResource.class);
            Throwable thrown = catchThrowable(() -> {
                JobRecord record = jobs.convert(stripped);
                assertThat(REQUIRED_OF_JOB).as("removing required %s must be refused", dotted).doesNotContain(dotted);
                assertThat(record.jobId()).as("removed %s", dotted).isEqualTo(baseline.jobId());
            });
            if (thrown != null) {
                assertThat(thrown).as("removed %s", dotted).isInstanceOf(InvalidRecordException.class);
                assertThat(((InvalidRecordException) thrown).field()).as("removed %s", dotted).isEqualTo(dotted);
                assertThat(REQUIRED_OF_JOB).as("removed %s", dotted).contains(dotted);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("podFixtures")
    void podWithAnyNodeRemovedConvertsOrNamesTheRequiredPath(String fixture) {
        Map<String, Object> original = Fixtures.map(fixture);
        Optional<PodRecord> baseline = pods.convert(Fixtures.YAML.convertValue(original, Pod.class));
        Set<String> required = new HashSet<>(REQUIRED_OF_POD);
        Set<String> ownership = ownershipPaths(original);
        int controller = controllerIndex(original);
        if (controller >= 0) {
            required.add("metadata.ownerReferences[" + controller + "].uid");
            if (isBatchJobPod(original, controller)) {
                // a batch Job's pod (mpi-operator v2beta1's launcher) is looked up by the Job's name
                required.add("metadata.ownerReferences[" + controller + "].name");
            }
        }

        for (List<Object> path : allPaths(original)) {
            String dotted = dotted(path);
            Pod stripped = Fixtures.YAML.convertValue(without(original, path), Pod.class);
            Throwable thrown = catchThrowable(() -> {
                Optional<PodRecord> record = pods.convert(stripped);
                if (record.isPresent()) {
                    assertThat(required).as("removing required %s must be refused", dotted).doesNotContain(dotted);
                    assertThat(record.get().podId()).as("removed %s", dotted).isEqualTo(baseline.orElseThrow().podId());
                } else {
                    assertThat(baseline.isEmpty() || ownership.contains(dotted))
                            .as("removing %s must not turn a training pod into a foreign one", dotted).isTrue();
                }
            });
            if (thrown != null) {
                assertThat(thrown).as("removed %s", dotted).isInstanceOf(InvalidRecordException.class);
                assertThat(((InvalidRecordException) thrown).field()).as("removed %s", dotted).isEqualTo(dotted);
                assertThat(required).as("removed %s", dotted).contains(dotted);
            }
        }
    }

    /** Paths whose removal makes a pod foreign: its controller reference, that reference's flag, its labels. */
    private static Set<String> ownershipPaths(Map<String, Object> pod) {
        Set<String> paths = new HashSet<>(Set.of("metadata.ownerReferences", "metadata.labels"));
        int controller = controllerIndex(pod);
        paths.add("metadata.ownerReferences[" + controller + "]");
        paths.add("metadata.ownerReferences[" + controller + "].controller");
        PodConverter.REPLICA_TYPE_LABELS.forEach(label -> paths.add("metadata.labels[" + label + "]"));
        paths.add("metadata.labels.replica-type");
        paths.add("metadata.labels.tf-replica-type");
        paths.add("metadata.labels.pytorch-replica-type");
        return paths;
    }

    @SuppressWarnings("unchecked")
    private static boolean isBatchJobPod(Map<String, Object> pod, int controller) {
        Map<String, Object> metadata = (Map<String, Object>) pod.get("metadata");
        Map<String, Object> reference = (Map<String, Object>) ((List<Object>) metadata.get("ownerReferences")).get(controller);
        return "Job".equals(reference.get("kind"));
    }

    @SuppressWarnings("unchecked")
    private static int controllerIndex(Map<String, Object> pod) {
        Map<String, Object> metadata = (Map<String, Object>) pod.get("metadata");
        List<Object> references = (List<Object>) metadata.getOrDefault("ownerReferences", List.of());
        for (int i = 0; i < references.size(); i++) {
            if (Boolean.TRUE.equals(((Map<String, Object>) references.get(i)).get("controller"))) {
                return i;
            }
        }
        return -1;
    }

    /** Every path of the tree, depth first: map keys as strings, list positions as integers. */
    static List<List<Object>> allPaths(Object node) {
        List<List<Object>> paths = new ArrayList<>();
        collect(node, new ArrayList<>(), paths);
        return paths;
    }

    private static void collect(Object node, List<Object> prefix, List<List<Object>> into) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                List<Object> path = append(prefix, entry.getKey());
                into.add(path);
                collect(entry.getValue(), path, into);
            }
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                List<Object> path = append(prefix, i);
                into.add(path);
                collect(list.get(i), path, into);
            }
        }
    }

    private static List<Object> append(List<Object> prefix, Object segment) {
        List<Object> path = new ArrayList<>(prefix);
        path.add(segment);
        return path;
    }

    /** A deep copy of the tree without the node at the path; the original is left as it was. */
    static Object without(Object node, List<Object> path) {
        return copyWithout(node, path, 0);
    }

    private static Object copyWithout(Object node, List<Object> path, int depth) {
        if (node instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                boolean onPath = depth < path.size() && path.get(depth).equals(entry.getKey());
                if (onPath && depth == path.size() - 1) {
                    continue;
                }
                copy.put(entry.getKey(), onPath ? copyWithout(entry.getValue(), path, depth + 1) : deepCopy(entry.getValue()));
            }
            return copy;
        }
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                boolean onPath = depth < path.size() && path.get(depth).equals(i);
                if (onPath && depth == path.size() - 1) {
                    continue;
                }
                copy.add(onPath ? copyWithout(list.get(i), path, depth + 1) : deepCopy(list.get(i)));
            }
            return copy;
        }
        return node;
    }

    private static Object deepCopy(Object node) {
        return copyWithout(node, List.of(), 0);
    }

    /** The path as the converters name it: {@code a.b}, {@code [i]} for positions, {@code [key]} for keys with dots or slashes. */
    static String dotted(List<Object> path) {
        StringBuilder out = new StringBuilder();
        for (Object segment : path) {
            if (segment instanceof Integer index) {
                out.append('[').append(index).append(']');
                continue;
            }
            String key = segment.toString();
            boolean plain = key.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-');
            if (!plain) {
                out.append('[').append(key).append(']');
            } else {
                out.append(out.length() == 0 ? "" : ".").append(key);
            }
        }
        return out.toString();
    }
}
