package org.mlops4j.tracking.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.RunData;
import org.mlops4j.core.tracking.RunInfo;

/**
 * One run's folder in the file store:
 *
 * <pre>
 * &lt;run id&gt;/meta.json          the run's info (atomically replaced)
 * &lt;run id&gt;/params/&lt;key&gt;       a param's value (written once)
 * &lt;run id&gt;/tags/&lt;key&gt;         a tag's value (atomically replaced)
 * &lt;run id&gt;/metrics/&lt;key&gt;      append-only lines "&lt;timestamp&gt; &lt;value&gt; &lt;step&gt;"
 * &lt;run id&gt;/artifacts/          the artifacts
 * &lt;run id&gt;/.lock               the run's lock file
 * </pre>
 *
 * A key with {@code /} is a path of sub-folders. This class reads and names the parts; {@code meta.json} is read as a
 * tree in MLflow's shape (see {@link MetaJson}).
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 */
public final class RunFolder {

    /** The meta file's name. */
    public static final String META = "meta.json";

    private final Path dir;

    /**
     * @param dir the run's folder
     */
    public RunFolder(Path dir) {
        this.dir = dir;
    }

    /** @return the folder */
    public Path dir() {
        return dir;
    }

    /** @return the meta file */
    public Path meta() {
        return dir.resolve(META);
    }

    /** @return the lock file */
    public Path lockFile() {
        return dir.resolve(".lock");
    }

    /**
     * @param key a checked param key
     * @return its file
     */
    public Path param(String key) {
        return dir.resolve("params").resolve(key);
    }

    /**
     * @param key a checked tag key
     * @return its file
     */
    public Path tag(String key) {
        return dir.resolve("tags").resolve(key);
    }

    /**
     * @param key a checked metric key
     * @return its file
     */
    public Path metric(String key) {
        return dir.resolve("metrics").resolve(key);
    }

    /** @return the artifact folder */
    public Path artifacts() {
        return dir.resolve("artifacts");
    }

    /**
     * @return the meta JSON, if the meta file exists
     * @throws IOException when it cannot be read or parsed
     */
    public Optional<JsonNode> readMeta() throws IOException {
        try {
            return Optional.of(MetaJson.MAPPER.readTree(Files.readAllBytes(meta())));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /**
     * @return the whole run read from its files, if the meta file exists
     * @throws IOException when a file cannot be read
     */
    public Optional<Run> read() throws IOException {
        Optional<JsonNode> meta = readMeta();
        if (meta.isEmpty()) {
            return Optional.empty();
        }
        RunInfo info = MetaJson.runInfo(meta.get());
        Map<String, Metric> metrics = new HashMap<>();
        for (Map.Entry<String, Path> file : keyFiles("metrics").entrySet()) {
            for (Metric metric : MetricLines.parseAll(file.getKey(), Files.readAllBytes(file.getValue()))) {
                metrics.merge(metric.key(), metric, Metric::laterOf);
            }
        }
        return Optional.of(new Run(info, new RunData(metrics, readValues("params"), readValues("tags"))));
    }

    /**
     * @param key a checked metric key
     * @return its values ordered by step, then timestamp (file order for ties)
     * @throws IOException when the file cannot be read
     */
    public List<Metric> history(String key) throws IOException {
        Path file = metric(key);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<Metric> metrics = new ArrayList<>(MetricLines.parseAll(key, Files.readAllBytes(file)));
        metrics.sort(Comparator.comparingLong(Metric::step).thenComparingLong(Metric::timestamp));
        return metrics;
    }

    private Map<String, String> readValues(String kind) throws IOException {
        Map<String, String> values = new HashMap<>();
        for (Map.Entry<String, Path> file : keyFiles(kind).entrySet()) {
            values.put(file.getKey(), Files.readString(file.getValue(), StandardCharsets.UTF_8));
        }
        return values;
    }

    private Map<String, Path> keyFiles(String kind) throws IOException {
        Path folder = dir.resolve(kind);
        Map<String, Path> files = new HashMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> !FileWrites.isTemporary(p.getFileName().toString()))
                    .forEach(p -> files.put(folder.relativize(p).toString().replace('\\', '/'), p));
        }
        return files;
    }
}
