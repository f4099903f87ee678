package org.mlops4j.tracking.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.RunData;
import org.mlops4j.core.tracking.RunInfo;
import org.mlops4j.core.tracking.TrackingException;
import org.mlops4j.tracking.internal.FileWrites;
import org.mlops4j.tracking.internal.MetaJson;
import org.mlops4j.tracking.internal.MetricLines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search index of one experiment of a store in MLflow's file layout: every run folder's run (info, params, tags,
 * latest metrics) as last read, with the {@link RunStamps} it was read from, so that a search reads only the folders
 * that changed instead of about ten files and a YAML document per run.
 *
 * <p><b>Staying right when MLflow writes.</b> MLflow's own processes change run folders without telling anyone and
 * without mlops4j's locks. So before each search every entry is checked against its folder: the experiment folder is
 * listed (runs added or removed, by MLflow or by a move into {@code .trash/}), and each known run's stamps are compared
 * with one {@code stat} per stamped path (in parallel for large experiments: the check is bound by the system calls);
 * a run whose stamps differ, or were too fresh to trust, is read again. An entry is never trusted for more than its
 * stamps say.
 *
 * <p><b>The file.</b> The index is kept in memory by each store instance and, by a store that writes, saved as
 * {@value #FILE_NAME} in the experiment folder: a plain file, which MLflow never reads (its {@code FileStore} takes
 * only an experiment folder's sub-folders for runs, {@code _list_run_infos}, and reads only {@code meta.yaml} and
 * {@code tags/} of the experiment itself). It is replaced whole through a temporary file and an atomic rename, under
 * the experiment's index lock ({@link MlflowLocks#index}). A new store instance starts from the file when it is there
 * and valid, and checks it as above; a file that cannot be read, is torn, or is of another format or experiment is
 * ignored with a warning (and replaced at the next save). Since every entry is checked before use, an index left
 * behind by any version of any writer can make a search slow, never wrong.
 *
 * <p>Thread-safe: one search at a time per experiment in one store instance.
 */
final class MlflowRunIndex {

    /** The index file's name in an experiment folder. */
    static final String FILE_NAME = ".mlops4j-run-index.json";

    private static final Logger LOG = LoggerFactory.getLogger(MlflowRunIndex.class);
    private static final String FORMAT = "mlops4j-mlflow-run-index";
    private static final int VERSION = 1;
    /** Save after a search once this share of the entries (1/64) changed since the last save, or any when small. */
    private static final int SAVE_SHARE = 64;
    /** From this many runs on, the stamps are checked by the common fork-join pool's threads. */
    private static final int PARALLEL_FROM = 256;

    /** One folder of the experiment: its run, or why it is not one, and the stamps it was read from. */
    private record Entry(RunStamps stamps, Optional<Run> run, String problem) {
    }

    private final String experimentId;
    private final Map<String, Entry> entries = new HashMap<>();
    private boolean loaded;
    private boolean fileCurrent;
    private int changedSinceSaved;

    /** @param experimentId the experiment whose folder this indexes */
    MlflowRunIndex(String experimentId) {
        this.experimentId = experimentId;
    }

    /**
     * Brings the index up to date with the experiment's folder (reading the index file first, when this instance has
     * not yet) and gives its runs.
     *
     * @param experimentDir the experiment's folder, active or in the trash
     * @param skipped       told about each folder that is not a readable run of this experiment
     * @return the experiment's runs
     * @throws TrackingException when the folder cannot be listed or a run folder cannot be walked
     */
    synchronized List<Run> runs(Path experimentDir, Consumer<MalformedFolderException> skipped) {
        if (!loaded) {
            load(experimentDir.resolve(FILE_NAME));
            loaded = true;
        }
        List<String> names = candidates(experimentDir);
        boolean[] stale = new boolean[names.size()];
        IntStream checks = IntStream.range(0, names.size());
        (names.size() >= PARALLEL_FROM ? checks.parallel() : checks).forEach(i -> {
            Entry entry = entries.get(names.get(i));
            stale[i] = entry == null || entry.stamps().isRacy()
                    || !entry.stamps().unchanged(experimentDir.resolve(names.get(i)));
        });
        Set<String> seen = new HashSet<>();
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < stale.length; i++) {
            String name = names.get(i);
            Path runDir = experimentDir.resolve(name);
            Entry entry = entries.get(name);
            if (entry == null && !Files.isDirectory(runDir)) {
                continue;
            }
            if (stale[i]) {
                Entry read = read(runDir);
                if (entry == null || !sameContent(entry, read)) {
                    changedSinceSaved++;
                }
                entry = read;
                entries.put(name, entry);
            }
            seen.add(name);
            if (entry.run().isPresent()) {
                runs.add(entry.run().get());
            } else {
                skipped.accept(new MalformedFolderException(runDir, entry.problem()));
            }
        }
        if (entries.keySet().retainAll(seen)) {
            changedSinceSaved++;
        }
        return runs;
    }

    /** @return whether a save would be worth its cost: the file is missing or invalid, or enough runs changed */
    synchronized boolean worthSaving() {
        return changedSinceSaved > 0 && (!fileCurrent || changedSinceSaved >= Math.max(1, entries.size() / SAVE_SHARE));
    }

    /**
     * Writes the index file through a temporary file and an atomic rename. The caller holds the index lock.
     *
     * @param experimentDir the experiment's folder
     * @throws IOException when the file cannot be written
     */
    synchronized void save(Path experimentDir) throws IOException {
        ObjectNode root = MetaJson.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("experiment_id", experimentId);
        ArrayNode folders = root.putArray("runs");
        for (Map.Entry<String, Entry> e : new TreeMap<>(entries).entrySet()) {
            folders.add(encode(e.getKey(), e.getValue()));
        }
        FileWrites.replace(experimentDir.resolve(FILE_NAME), MetaJson.MAPPER.writeValueAsBytes(root), false);
        fileCurrent = true;
        changedSinceSaved = 0;
    }

    private List<String> candidates(Path experimentDir) {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(experimentDir)) {
            for (Path child : children) {
                String name = child.getFileName().toString();
                if (MlflowLayout.mayBeRun(name) && !name.equals(FILE_NAME) && !FileWrites.isTemporary(name)) {
                    names.add(name);
                }
            }
        } catch (NoSuchFileException e) {
            return List.of(); // moved into or out of the trash since it was found
        } catch (IOException e) {
            throw new TrackingException("Cannot list the experiment folder " + experimentDir + " of an MLflow store: "
                    + e + ". Check its permissions.", e);
        }
        return names;
    }

    private Entry read(Path runDir) {
        RunStamps stamps;
        try {
            stamps = RunStamps.of(runDir);
        } catch (IOException e) {
            throw new TrackingException("Cannot walk the run folder " + runDir + " of an MLflow store: " + e
                    + ". Check its permissions.", e);
        }
        try {
            RunInfo info = MlflowRunFolder.info(runDir, experimentId);
            return new Entry(stamps, Optional.of(MlflowRunFolder.read(runDir, info)), "");
        } catch (MalformedFolderException e) {
            return new Entry(stamps, Optional.empty(), e.reason());
        }
    }

    private static boolean sameContent(Entry a, Entry b) {
        return a.run().equals(b.run()) && a.problem().equals(b.problem())
                && a.stamps().paths().equals(b.stamps().paths())
                && Arrays.equals(a.stamps().sizes(), b.stamps().sizes())
                && Arrays.equals(a.stamps().mtimes(), b.stamps().mtimes());
    }

    // ------------------------------------------------------------------------------------------ the file

    private void load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            ignore(file, "it cannot be read: " + e);
            return;
        }
        try {
            JsonNode root = MetaJson.MAPPER.readTree(bytes);
            if (root == null || !FORMAT.equals(root.path("format").asText())
                    || root.path("version").asInt() != VERSION) {
                ignore(file, "it is not a version " + VERSION + " " + FORMAT + " file");
                return;
            }
            if (!experimentId.equals(root.path("experiment_id").asText())) {
                ignore(file, "it indexes experiment '" + root.path("experiment_id").asText() + "', not '"
                        + experimentId + "'");
                return;
            }
            Map<String, Entry> read = new HashMap<>();
            for (JsonNode node : root.path("runs")) {
                read.put(node.get("folder").asText(), decode(node));
            }
            entries.putAll(read);
            fileCurrent = true;
        } catch (IOException | RuntimeException e) {
            ignore(file, "it is not a whole index (" + e.getClass().getSimpleName() + ": "
                    + String.valueOf(e.getMessage()).replaceAll("\\s+", " ") + ")");
        }
    }

    private static void ignore(Path file, String why) {
        LOG.warn("Ignored the run index {}: {}. The runs are read from their folders, and a store that writes in the"
                + " experiment replaces the index.", file, why);
    }

    private static ObjectNode encode(String folder, Entry entry) {
        ObjectNode node = MetaJson.MAPPER.createObjectNode();
        node.put("folder", folder);
        node.put("read_at", entry.stamps().readAt());
        ArrayNode stamps = node.putArray("stamps");
        for (int i = 0; i < entry.stamps().paths().size(); i++) {
            stamps.addArray().add(entry.stamps().paths().get(i)).add(entry.stamps().sizes()[i])
                    .add(entry.stamps().mtimes()[i]);
        }
        if (entry.run().isEmpty()) {
            node.put("problem", entry.problem());
            return node;
        }
        Run run = entry.run().get();
        node.set("info", MetaJson.run(run.info(), OptionalLong.empty()));
        run.data().params().forEach(node.putObject("params")::put);
        run.data().tags().forEach(node.putObject("tags")::put);
        ObjectNode metrics = node.putObject("metrics");
        run.data().metrics().forEach((key, metric) -> metrics.put(key, MetricLines.format(metric)));
        return node;
    }

    private static Entry decode(JsonNode node) {
        List<String> paths = new ArrayList<>();
        JsonNode stampNodes = node.get("stamps");
        long[] sizes = new long[stampNodes.size()];
        long[] mtimes = new long[stampNodes.size()];
        for (int i = 0; i < sizes.length; i++) {
            JsonNode stamp = stampNodes.get(i);
            paths.add(stamp.get(0).asText());
            sizes[i] = stamp.get(1).longValue();
            mtimes[i] = stamp.get(2).longValue();
        }
        RunStamps stamps = new RunStamps(paths, sizes, mtimes, node.get("read_at").longValue());
        if (!node.has("info")) {
            return new Entry(stamps, Optional.empty(), node.path("problem").asText("not a run"));
        }
        Map<String, Metric> metrics = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("metrics").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> line = it.next();
            metrics.put(line.getKey(), MetricLines.parse(line.getKey(), line.getValue().asText()).orElseThrow(() ->
                    new IllegalArgumentException("metric line '" + line.getValue().asText() + "'")));
        }
        RunData data = new RunData(metrics, texts(node.path("params")), texts(node.path("tags")));
        return new Entry(stamps, Optional.of(new Run(MetaJson.runInfo(node.get("info")), data)), "");
    }

    private static Map<String, String> texts(JsonNode object) {
        Map<String, String> values = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            values.put(e.getKey(), e.getValue().asText());
        }
        return values;
    }
}
