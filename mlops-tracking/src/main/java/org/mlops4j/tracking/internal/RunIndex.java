package org.mlops4j.tracking.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.RunData;
import org.mlops4j.core.tracking.RunInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search index of one experiment: an append-only log file ({@code runs.jsonl} in the experiment folder), one JSON
 * record per line, folded in memory into the current state of every run (info, params, tags, latest metrics).
 *
 * <p>Two kinds of records: {@code {"op":"run","info":{...}}} carries a run's whole info (on creation and every
 * change of status, name or lifecycle stage); {@code {"op":"data","run_id":...,"params":{},"tags":{},
 * "deleted_tags":[],"metrics":{"key":"<timestamp> <value> <step>"}}} carries what one batch logged (for metrics only
 * the batch's latest value per key). Records are JSON trees, as {@link MetaJson}'s meta files (MLflow's shape), and
 * the {@code data} records are merged key by key into the fold.
 *
 * <p>Each store instance keeps its fold in memory and, before each read, reads only the bytes appended since, so a
 * search never opens run folders and sees what other threads and processes wrote. Writers append under the
 * experiment's lock file. A last line without a line break (a write in progress, or torn by a killed process) is left
 * for later; lines that do not parse are skipped. When the log holds many more lines than runs it is compacted: the
 * fold is written to a new file that atomically replaces the log, and other instances notice the new file (its file
 * key changes) and read it from the start.
 *
 * <p>Thread-safe. This class is internal and is hence not for public use. Its API may change without notice.
 */
public final class RunIndex {

    /** The log file's name in an experiment folder. */
    public static final String FILE_NAME = "runs.jsonl";

    private static final Logger LOG = LoggerFactory.getLogger(RunIndex.class);
    private static final int COMPACT_MIN_LINES = 20_000;

    private final Supplier<Path> folder;
    private final Map<String, Run> runs = new HashMap<>();
    private Object fileKey;
    private long offset;
    private long lines;

    /**
     * @param folder where the experiment folder is now (it moves to the trash when the experiment is deleted)
     */
    public RunIndex(Supplier<Path> folder) {
        this.folder = folder;
    }

    /** @return the log file */
    public Path file() {
        return folder.get().resolve(FILE_NAME);
    }

    /**
     * Reads what was appended since the last call.
     *
     * @throws IOException when the log cannot be read
     */
    public synchronized void refresh() throws IOException {
        Path file = file();
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            if (fileKey != null || offset > 0) {
                reset(null);
            }
            return;
        }
        Object key = attributes.fileKey() != null ? attributes.fileKey() : attributes.creationTime();
        if (!Objects.equals(key, fileKey) || attributes.size() < offset) {
            reset(key);
        }
        if (attributes.size() > offset) {
            readFrom(file, attributes.size());
        }
    }

    /**
     * @param runId a run id
     * @return the run as last read
     */
    public synchronized Optional<Run> get(String runId) {
        return Optional.ofNullable(runs.get(runId));
    }

    /** @return every run as last read */
    public synchronized List<Run> runs() {
        return new ArrayList<>(runs.values());
    }

    /**
     * Appends records and applies them. The caller holds the experiment's lock.
     *
     * @param records the records, in order
     * @throws IOException when the log cannot be written
     */
    public synchronized void append(List<ObjectNode> records) throws IOException {
        refresh();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (ObjectNode record : records) {
            bytes.write(MetaJson.MAPPER.writeValueAsBytes(record));
            bytes.write('\n');
        }
        Path file = file();
        long before = offset;
        long size = FileWrites.appendLines(file, bytes.toByteArray());
        if (fileKey == null) {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            fileKey = attributes.fileKey() != null ? attributes.fileKey() : attributes.creationTime();
        }
        if (size - before <= bytes.size() + 1) {
            // nothing but our own records (and perhaps a line break closing a torn line) was appended since
            for (ObjectNode record : records) {
                apply(record);
                lines++;
            }
            offset = size;
        } else {
            readFrom(file, size);
        }
        if (lines > COMPACT_MIN_LINES && lines > 4L * runs.size()) {
            compact();
        }
    }

    /**
     * Applies records to this instance's fold without writing them, for a reader that must not change the log (a
     * store opened read-only that finds runs missing from it). They are forgotten when the log is replaced by a
     * compaction, which a writer only does after adding such runs to the log itself.
     *
     * @param records the records, in order
     */
    public synchronized void applyUnwritten(List<ObjectNode> records) {
        records.forEach(this::apply);
    }

    /**
     * Rewrites the log as one info and one data record per run. The caller holds the experiment's lock.
     *
     * @throws IOException when the new log cannot be written
     */
    public synchronized void compact() throws IOException {
        refresh();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long count = 0;
        for (Run run : runs.values()) {
            bytes.write(MetaJson.MAPPER.writeValueAsBytes(infoRecord(run.info())));
            bytes.write('\n');
            bytes.write(MetaJson.MAPPER.writeValueAsBytes(dataRecord(run.runId(), run.data().params(),
                    run.data().tags(), List.of(), run.data().metrics().values())));
            bytes.write('\n');
            count += 2;
        }
        Path file = file();
        FileWrites.replace(file, bytes.toByteArray(), true);
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        fileKey = attributes.fileKey() != null ? attributes.fileKey() : attributes.creationTime();
        offset = attributes.size();
        lines = count;
        LOG.debug("Compacted {} to {} runs", file, runs.size());
    }

    /**
     * @param info a run's info
     * @return the record that sets it
     */
    public static ObjectNode infoRecord(RunInfo info) {
        ObjectNode record = MetaJson.MAPPER.createObjectNode();
        record.put("op", "run");
        record.set("info", MetaJson.run(info, java.util.OptionalLong.empty()));
        return record;
    }

    /**
     * @param runId       the run
     * @param params      params set
     * @param tags        tags set
     * @param deletedTags tags removed
     * @param metrics     metric values (only the latest per key counts)
     * @return the record that logs them
     */
    public static ObjectNode dataRecord(String runId, Map<String, String> params, Map<String, String> tags,
                                        List<String> deletedTags, Iterable<Metric> metrics) {
        ObjectNode record = MetaJson.MAPPER.createObjectNode();
        record.put("op", "data");
        record.put("run_id", runId);
        if (!params.isEmpty()) {
            ObjectNode node = record.putObject("params");
            params.forEach(node::put);
        }
        if (!tags.isEmpty()) {
            ObjectNode node = record.putObject("tags");
            tags.forEach(node::put);
        }
        if (!deletedTags.isEmpty()) {
            deletedTags.forEach(record.putArray("deleted_tags")::add);
        }
        Map<String, Metric> latest = new HashMap<>();
        for (Metric metric : metrics) {
            latest.merge(metric.key(), metric, Metric::laterOf);
        }
        if (!latest.isEmpty()) {
            ObjectNode node = record.putObject("metrics");
            latest.forEach((key, metric) -> node.put(key, MetricLines.format(metric)));
        }
        return record;
    }

    private void reset(Object key) {
        runs.clear();
        fileKey = key;
        offset = 0;
        lines = 0;
    }

    private void readFrom(Path file, long size) throws IOException {
        if (size <= offset) {
            return;
        }
        byte[] bytes = new byte[(int) Math.min(Integer.MAX_VALUE - 16, size - offset)];
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            long position = offset;
            while (buffer.hasRemaining()) {
                int read = channel.read(buffer, position);
                if (read < 0) {
                    break;
                }
                position += read;
            }
        }
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                if (i > start) {
                    apply(file, bytes, start, i - start);
                }
                lines++;
                start = i + 1;
            }
        }
        offset += start;
    }

    private void apply(Path file, byte[] bytes, int start, int length) {
        JsonNode record;
        try {
            record = MetaJson.MAPPER.readTree(bytes, start, length);
        } catch (IOException e) {
            LOG.warn("Skipping a line of {} that is not a JSON record (a write torn by a killed process?): {}",
                    file, new String(bytes, start, Math.min(length, 80), StandardCharsets.UTF_8));
            return;
        }
        if (record != null) {
            apply(record);
        }
    }

    private void apply(JsonNode record) {
        String op = record.path("op").asText();
        if (op.equals("run")) {
            RunInfo info = MetaJson.runInfo(record.path("info"));
            Run existing = runs.get(info.runId());
            runs.put(info.runId(), new Run(info, existing == null ? RunData.EMPTY : existing.data()));
        } else if (op.equals("data")) {
            Run existing = runs.get(record.path("run_id").asText());
            if (existing != null) {
                runs.put(existing.runId(), new Run(existing.info(), merge(existing.data(), record)));
            }
        }
    }

    private static RunData merge(RunData data, JsonNode record) {
        Map<String, String> params = data.params();
        Map<String, String> tags = data.tags();
        Map<String, Metric> metrics = data.metrics();
        if (record.has("params")) {
            params = new HashMap<>(params);
            putAll(params, record.get("params"));
        }
        if (record.has("tags") || record.has("deleted_tags")) {
            tags = new HashMap<>(tags);
            putAll(tags, record.path("tags"));
            for (JsonNode key : record.path("deleted_tags")) {
                tags.remove(key.asText());
            }
        }
        if (record.has("metrics")) {
            metrics = new HashMap<>(metrics);
            for (Iterator<Map.Entry<String, JsonNode>> it = record.get("metrics").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                Optional<Metric> metric = MetricLines.parse(entry.getKey(), entry.getValue().asText());
                if (metric.isPresent()) {
                    metrics.merge(entry.getKey(), metric.get(), Metric::laterOf);
                }
            }
        }
        return params == data.params() && tags == data.tags() && metrics == data.metrics() ? data
                : new RunData(metrics, params, tags);
    }

    private static void putAll(Map<String, String> target, JsonNode object) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            target.put(entry.getKey(), entry.getValue().asText());
        }
    }
}
