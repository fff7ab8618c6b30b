package io.kubedl.persist.kubernetes;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Loads the YAML manifests under src/test/resources/fixtures as fabric8 objects or plain maps. */
final class Fixtures {
    static final ObjectMapper YAML = new YAMLMapper();

    private Fixtures() {
    }

    static GenericKubernetesResource job(String path) {
        return read(path, GenericKubernetesResource.class);
    }

    static Pod pod(String path) {
        return read(path, Pod.class);
    }

    static Map<String, Object> map(String path) {
        try (InputStream in = open(path)) {
            return YAML.readValue(in, new TypeReference<Map<String, Object>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T read(String path, Class<T> type) {
        try (InputStream in = open(path)) {
            return YAML.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return every fixture file of one directory, e.g. {@code jobs/tfjob-minimal.yaml} */
    static List<String> list(String directory) {
        URL url = Fixtures.class.getResource("/fixtures/" + directory);
        if (url == null) {
            throw new IllegalStateException("no fixture directory " + directory);
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.map(p -> directory + "/" + p.getFileName()).filter(p -> p.endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InputStream open(String path) {
        InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + path);
        if (in == null) {
            throw new IllegalStateException("no fixture " + path);
        }
        return in;
    }
}
