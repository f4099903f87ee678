package org.mlops4j.tracking.mlflow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.mlops4j.core.tracking.LifecycleStage;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.RunData;
import org.mlops4j.core.tracking.RunInfo;
import org.mlops4j.core.tracking.RunStatus;
import org.mlops4j.core.tracking.SystemTags;
import org.mlops4j.core.tracking.TrackingException;
import org.mlops4j.tracking.internal.MetricLines;

/**
 * One run folder of MLflow's file store ({@code <experiment id>/<run id>/}), read as
 * {@code mlflow/store/tracking/file_store.py} reads it:
 * <ul>
 *   <li>{@code meta.yaml}: the id in {@code run_id}, or in {@code run_uuid} alone (MLflow 1.x); {@code status} an
 *       integer code (1 running, 2 scheduled, 3 finished, 4 failed, 5 killed; {@code mlflow/entities/run_status.py})
 *       or, leniently, its name, and running when missing ({@code _read_persisted_run_info_dict});
 *       {@code lifecycle_stage} active when missing; {@code experiment_id} text or, from old versions, an integer;
 *       {@code run_name} (MLflow 2.x), else the {@code mlflow.runName} tag ({@code _get_run_from_info}). The 1.x
 *       fields {@code source_type}, {@code source_name}, {@code entry_point_name}, {@code source_version} and
 *       {@code tags: []} are ignored, as MLflow ignores them.</li>
 *   <li>{@code params/}, {@code tags/}: one file per key, see {@link KeyedFiles}.</li>
 *   <li>{@code metrics/<key>}: lines {@code <timestamp> <value> [<step>]} (step 0 when missing,
 *       {@code _get_metric_from_line}); the latest value is the greatest by step, then timestamp, then value
 *       ({@code _get_metric_from_file} takes {@code max} of {@code (step, timestamp, value)}), which is
 *       {@link Metric#LATEST_ORDER}. Lines that do not parse are skipped (MLflow fails the whole run instead); a
 *       file without a value is left out; a line with fields after the step (the metric lines of MLflow 3.x's logged
 *       models add a run id and a dataset's name and digest) is read by its first three.</li>
 *   <li>{@code artifacts/}: see {@link ArtifactLocations}; {@code inputs/} and {@code outputs/} (datasets and
 *       logged models linked to the run, MLflow 2.x and 3.x) are not read.</li>
 * </ul>
 */
final class MlflowRunFolder {

    private MlflowRunFolder() {
    }

    /**
     * @param runDir       the run's folder
     * @param experimentId the id of the experiment whose folder holds it
     * @return the run's info, its name taken from the {@code mlflow.runName} tag when {@code meta.yaml} has none
     * @throws MalformedFolderException when the folder is not a run of that experiment
     */
    static RunInfo info(Path runDir, String experimentId) {
        MetaYaml meta = MetaYaml.of(runDir);
        String runId = meta.text("run_id").or(() -> meta.text("run_uuid")).orElseThrow(() ->
                new MalformedFolderException(runDir, "meta.yaml has neither run_id nor run_uuid"));
        String folderName = runDir.getFileName().toString();
        if (!runId.equals(folderName)) {
            throw new MalformedFolderException(runDir, "meta.yaml records run id '" + runId + "', not the folder's"
                    + " name");
        }
        String recordedExperiment = meta.required("experiment_id");
        if (!recordedExperiment.equals(experimentId)) {
            throw new MalformedFolderException(runDir, "meta.yaml records experiment '" + recordedExperiment
                    + "', but the run is in the folder of experiment '" + experimentId + "'");
        }
        String runName = meta.text("run_name").filter(name -> !name.isEmpty())
                .orElseGet(() -> tag(runDir, SystemTags.RUN_NAME));
        return new RunInfo(runId, experimentId, runName, meta.text("user_id").orElse(""), status(meta, runDir),
                meta.millis("start_time").orElse(0), meta.millis("end_time"), meta.text("artifact_uri").orElse(""),
                lifecycleStage(meta, runDir));
    }

    /**
     * @param runDir the run's folder
     * @param info   its info, from {@link #info}
     * @return the run with its params, tags and latest metrics
     */
    static Run read(Path runDir, RunInfo info) {
        return new Run(info, new RunData(latestMetrics(runDir), KeyedFiles.read(runDir.resolve("params")),
                KeyedFiles.read(runDir.resolve("tags"))));
    }

    /**
     * @param runDir the run's folder
     * @param key    a metric key, checked to be a clean relative path
     * @return every value of the metric, ordered by step, then timestamp (then file order); empty if none
     */
    static List<Metric> history(Path runDir, String key) {
        List<Metric> values = new ArrayList<>(values(runDir.resolve("metrics"), key));
        values.sort(Comparator.comparingLong(Metric::step).thenComparingLong(Metric::timestamp));
        return values;
    }

    private static Map<String, Metric> latestMetrics(Path runDir) {
        Path folder = runDir.resolve("metrics");
        Map<String, Metric> latest = new TreeMap<>();
        for (String key : KeyedFiles.keys(folder)) {
            values(folder, key).stream().max(Metric.LATEST_ORDER).ifPresent(m -> latest.put(key, m));
        }
        return latest;
    }

    private static List<Metric> values(Path folder, String key) {
        Path file = folder.resolve(key);
        try {
            StringBuilder lines = new StringBuilder();
            // MLflow ends every line with \n; a last line without one is still a value here
            for (String line : Files.readString(file, StandardCharsets.UTF_8).split("\n")) {
                lines.append(firstThreeFields(line)).append('\n');
            }
            return MetricLines.parseAll(key, lines.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new TrackingException("Cannot read the metric file " + file + " of an MLflow store: " + e
                    + ". Check its permissions.", e);
        }
    }

    /** Fields after the step (as logged models' metric lines carry: run id, dataset name and digest) are left out. */
    private static String firstThreeFields(String line) {
        String[] fields = line.trim().split(" ");
        return fields.length > 3 ? fields[0] + " " + fields[1] + " " + fields[2] : line;
    }

    private static String tag(Path runDir, String key) {
        Path file = runDir.resolve("tags").resolve(key);
        try {
            return Files.isRegularFile(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static RunStatus status(MetaYaml meta, Path runDir) {
        String status = meta.text("status").orElse(String.valueOf(RunStatus.RUNNING.code())).trim();
        try {
            return RunStatus.fromCode(Integer.parseInt(status));
        } catch (IllegalArgumentException notACode) {
            try {
                return RunStatus.valueOf(status.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException notAName) {
                throw new MalformedFolderException(runDir, "meta.yaml has status '" + status + "'; expected 1 to 5"
                        + " (RUNNING, SCHEDULED, FINISHED, FAILED, KILLED)");
            }
        }
    }

    private static LifecycleStage lifecycleStage(MetaYaml meta, Path runDir) {
        String stage = meta.text("lifecycle_stage").orElse(LifecycleStage.ACTIVE.storedName());
        try {
            return LifecycleStage.fromStoredName(stage);
        } catch (IllegalArgumentException e) {
            throw new MalformedFolderException(runDir, "meta.yaml has lifecycle_stage '" + stage + "'; expected"
                    + " active or deleted");
        }
    }
}
