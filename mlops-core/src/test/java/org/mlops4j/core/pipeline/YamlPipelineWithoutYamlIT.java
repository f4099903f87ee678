package org.mlops4j.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * YAML support is optional in mlops-core: in a JVM whose class path lacks jackson-dataformat-yaml and SnakeYAML, a
 * YAML pipeline is refused with a message that names the artifact to add, and JSON pipelines are read as before.
 */
class YamlPipelineWithoutYamlIT {

    @Test
    void aYamlPipelineWithoutTheYamlModuleNamesTheArtifactToAdd() throws Exception {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("jackson-dataformat-yaml") && !entry.contains("snakeyaml"))
                .collect(Collectors.joining(File.pathSeparator));
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, YamlPipelineWithoutYamlProcess.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), out);
        assertEquals(0, child.exitValue(), out);
        List<String> lines = out.lines().filter(line -> line.startsWith("yaml: ") || line.startsWith("json: "))
                .toList();
        assertEquals(2, lines.size(), out);
        assertTrue(lines.get(0).contains("p.yaml is YAML, which needs com.fasterxml.jackson.dataformat:"
                + "jackson-dataformat-yaml"), out);
        assertTrue(lines.get(1).contains("'steps' must be a non-empty list"), out);
    }
}
