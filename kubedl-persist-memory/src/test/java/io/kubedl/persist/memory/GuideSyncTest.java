package io.kubedl.persist.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The plugin-author guide shows the certifying class of this module; this test keeps
 * the two identical, so the code the guide shows is the code the build compiles and runs.
 */
class GuideSyncTest {

    @Test
    void theGuideShowsTheCertifyingClassVerbatim() throws IOException {
        Path guide = Path.of("..", "docs", "plugin-author-guide.md");
        Path source = Path.of("src", "test", "java", "io", "kubedl", "persist", "memory", "InMemoryTckTest.java");
        String code = Files.readString(source, StandardCharsets.UTF_8).strip();
        assertThat(Files.readString(guide, StandardCharsets.UTF_8))
                .as("docs/plugin-author-guide.md must show %s verbatim inside a ```java block", source)
                .contains("```java\n" + code + "\n```");
    }
}
