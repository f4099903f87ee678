package org.mlops4j.core.tracking;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.mlops4j.core.PrintableValue;

/**
 * The rules every tracking store applies to names, keys, values and artifact paths: MLflow's character rules, its
 * size limits, and path checks that keep every name inside the store's folder. Each check throws an
 * {@link InvalidTrackingInputException} whose message names the value, the rule and how to fix it.
 *
 * <p>Every tracking store, ours or a plugin's, calls these checks before it writes, so that all stores accept and
 * reject the same input. Stateless and thread-safe.
 */
public final class TrackingInputChecks {

    /** Keys: letters, digits, {@code _ - . / : space} (Unicode letters and digits count). */
    private static final Pattern KEY = Pattern.compile("[/\\w.\\- :]+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern RUN_ID = Pattern.compile("[a-zA-Z0-9][\\w\\-]{0,255}");
    private static final Pattern EXPERIMENT_ID = Pattern.compile("[a-zA-Z0-9][\\w\\-]{0,63}");
    private static final Pattern DRIVE_LETTER = Pattern.compile("^[A-Za-z]:.*");

    private TrackingInputChecks() {
    }

    /**
     * @param name an experiment name
     * @throws InvalidTrackingInputException when it is blank, too long or holds control characters
     */
    public static void checkExperimentName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidTrackingInputException("An experiment name must not be empty or blank; found '"
                    + (name == null ? "null" : name) + "'.");
        }
        checkLength("Experiment name", name, name, TrackingLimits.MAX_EXPERIMENT_NAME_LENGTH);
        checkNoControlCharacters("Experiment name", name);
    }

    /**
     * @param experimentId an experiment id
     * @throws InvalidTrackingInputException when it is not letters, digits, {@code _} and {@code -} (at most 64)
     */
    public static void checkExperimentId(String experimentId) {
        if (experimentId == null || !EXPERIMENT_ID.matcher(experimentId).matches()) {
            throw new InvalidTrackingInputException("Invalid experiment id '" + experimentId
                    + "': expected 1 to 64 letters, digits, '_' or '-', starting with a letter or digit.");
        }
    }

    /**
     * @param runId a run id
     * @throws InvalidTrackingInputException when it is not letters, digits, {@code _} and {@code -} (at most 256)
     */
    public static void checkRunId(String runId) {
        if (runId == null || !RUN_ID.matcher(runId).matches()) {
            throw new InvalidTrackingInputException("Invalid run id '" + runId
                    + "': expected 1 to 256 letters, digits, '_' or '-', starting with a letter or digit.");
        }
    }

    /**
     * Checks a run id that a store is asked to keep ({@code createRunWithId}) against the store's column.
     *
     * @param runId     the id
     * @param maxLength the longest id the store's column holds
     * @param column    the column and store, for the message, such as {@code "runs.run_id of jdbc:sqlite:runs.db"}
     * @throws InvalidTrackingInputException when the id is invalid or longer than the column holds
     */
    public static void checkRunIdFits(String runId, int maxLength, String column) {
        checkRunId(runId);
        if (runId.length() > maxLength) {
            throw new InvalidTrackingInputException("Run id '" + runId + "' has " + runId.length() + " characters;"
                    + " " + column + " holds at most " + maxLength + ".");
        }
    }

    /**
     * @param runName a run name
     * @throws InvalidTrackingInputException when it is blank, too long or holds control characters
     */
    public static void checkRunName(String runName) {
        if (runName == null || runName.isBlank()) {
            throw new InvalidTrackingInputException("A run name must not be empty or blank; found '" + runName
                    + "'. Leave it out to get a generated name.");
        }
        checkLength("Run name", runName, runName, TrackingLimits.MAX_KEY_LENGTH);
        checkNoControlCharacters("Run name", runName);
    }

    /**
     * Checks a metric, param or tag key: allowed characters, length, and that it is a clean relative path (stores
     * may keep keys as file names; {@code a/b} is a sub-folder).
     *
     * @param kind what the key names, for the message ("Metric", "Param", "Tag")
     * @param key  the key
     * @throws InvalidTrackingInputException when the key breaks a rule
     */
    public static void checkKey(String kind, String key) {
        if (key == null || key.isEmpty()) {
            throw new InvalidTrackingInputException(kind + " key must not be empty.");
        }
        checkLength(kind + " key", key, key, TrackingLimits.MAX_KEY_LENGTH);
        if (!KEY.matcher(key).matches()) {
            throw new InvalidTrackingInputException("Invalid " + kind.toLowerCase(java.util.Locale.ROOT) + " key '"
                    + key + "': keys may only contain letters, digits, underscores (_), dashes (-), periods (.), "
                    + "spaces ( ), colons (:) and slashes (/).");
        }
        if (!isCleanRelativePath(key)) {
            throw new InvalidTrackingInputException("Invalid " + kind.toLowerCase(java.util.Locale.ROOT) + " key '"
                    + key + "': keys are also file paths inside the store, so they must not start or end with '/', "
                    + "contain '//', or have '.' or '..' as a path segment.");
        }
    }

    /**
     * @param param  a param
     * @param runId  the run it is logged to, for the message
     * @throws InvalidTrackingInputException when the key breaks a rule or the value is too long
     */
    public static void checkParam(Param param, String runId) {
        checkKey("Param", param.key());
        checkLength("Param '" + param.key() + "' of run " + runId + ": the value", param.value(), param.value(),
                TrackingLimits.MAX_PARAM_VALUE_LENGTH);
    }

    /**
     * @param tag   a run tag
     * @param runId the run it is set on, for the message
     * @throws InvalidTrackingInputException when the key breaks a rule or the value is too long
     */
    public static void checkRunTag(RunTag tag, String runId) {
        checkKey("Tag", tag.key());
        checkLength("Tag '" + tag.key() + "' of run " + runId + ": the value", tag.value(), tag.value(),
                TrackingLimits.MAX_RUN_TAG_VALUE_LENGTH);
    }

    /**
     * @param key   an experiment tag key
     * @param value its value
     * @throws InvalidTrackingInputException when the key breaks a rule or the value is too long
     */
    public static void checkExperimentTag(String key, String value) {
        checkKey("Experiment tag", key);
        if (value == null) {
            throw new InvalidTrackingInputException("Experiment tag '" + key + "' has no value (null).");
        }
        checkLength("Experiment tag '" + key + "': the value", value, value,
                TrackingLimits.MAX_EXPERIMENT_TAG_VALUE_LENGTH);
    }

    /**
     * @param metric a metric value
     * @throws InvalidTrackingInputException when the key breaks a rule or the timestamp is negative
     */
    public static void checkMetric(Metric metric) {
        checkKey("Metric", metric.key());
        if (metric.timestamp() < 0) {
            throw new InvalidTrackingInputException("Metric '" + metric.key() + "' has timestamp "
                    + metric.timestamp() + "; a timestamp must be a non-negative number of milliseconds since the epoch.");
        }
    }

    /**
     * Checks a whole batch: the counts, each entry, and that no param key appears twice.
     *
     * @param runId   the run, for messages
     * @param metrics metric values
     * @param params  params
     * @param tags    tags
     * @throws InvalidTrackingInputException when the batch or one of its entries breaks a rule
     */
    public static void checkBatch(String runId, List<Metric> metrics, List<Param> params, List<RunTag> tags) {
        checkCount("metrics", metrics.size(), TrackingLimits.MAX_METRICS_PER_BATCH);
        checkCount("params", params.size(), TrackingLimits.MAX_PARAMS_PER_BATCH);
        checkCount("tags", tags.size(), TrackingLimits.MAX_TAGS_PER_BATCH);
        checkCount("metrics, params and tags together", metrics.size() + params.size() + tags.size(),
                TrackingLimits.MAX_ENTITIES_PER_BATCH);
        Set<String> metricKeys = new HashSet<>();
        for (Metric metric : metrics) {
            if (metricKeys.add(metric.key())) {
                checkKey("Metric", metric.key());
            }
            if (metric.timestamp() < 0) {
                checkMetric(metric);
            }
        }
        Set<String> paramKeys = new HashSet<>();
        for (Param param : params) {
            checkParam(param, runId);
            if (!paramKeys.add(param.key())) {
                throw new InvalidTrackingInputException("The batch for run " + runId + " holds param '"
                        + param.key() + "' more than once; each param key may appear once per batch.");
            }
        }
        for (RunTag tag : tags) {
            checkRunTag(tag, runId);
        }
    }

    /**
     * Checks and normalises an artifact path: relative, {@code /} separated, without empty, {@code .} or {@code ..}
     * segments, backslashes, NUL or other control characters, {@code #}, or a drive letter.
     *
     * @param path       the path as given
     * @param allowEmpty whether the empty path (the artifact root) is acceptable
     * @return the path without leading {@code ./} or trailing {@code /}
     * @throws InvalidTrackingInputException when the path could point outside the run's artifact folder
     */
    public static String checkArtifactPath(String path, boolean allowEmpty) {
        if (path == null) {
            throw new InvalidTrackingInputException("An artifact path must not be null.");
        }
        String trimmed = path;
        while (trimmed.startsWith("./")) {
            trimmed = trimmed.substring(2);
        }
        while (trimmed.endsWith("/") && trimmed.length() > 1) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.isEmpty() || trimmed.equals(".")) {
            if (allowEmpty) {
                return "";
            }
            throw new InvalidTrackingInputException("An artifact path must name a file; found '" + path + "'.");
        }
        checkLength("Artifact path", trimmed, trimmed, TrackingLimits.MAX_ARTIFACT_PATH_LENGTH);
        String problem = null;
        if (trimmed.startsWith("/")) {
            problem = "it is absolute";
        } else if (DRIVE_LETTER.matcher(trimmed).matches()) {
            problem = "it starts with a drive letter";
        } else if (trimmed.indexOf('\\') >= 0) {
            problem = "it contains a backslash";
        } else if (trimmed.indexOf('#') >= 0) {
            problem = "it contains '#'";
        } else if (trimmed.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            problem = "it contains a NUL or another control character";
        } else if (!isCleanRelativePath(trimmed)) {
            problem = "it has an empty, '.' or '..' segment";
        }
        if (problem != null) {
            throw new InvalidTrackingInputException("Invalid artifact path '" + PrintableValue.of(path) + "': "
                    + problem + ". Artifact paths are relative to the run's artifact folder and cannot leave it.");
        }
        return trimmed;
    }

    private static boolean isCleanRelativePath(String path) {
        if (path.startsWith("/") || path.endsWith("/")) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static void checkCount(String what, int count, int limit) {
        if (count > limit) {
            throw new InvalidTrackingInputException("A batch may hold at most " + limit + " " + what + "; found "
                    + count + ". Split it into several batches.");
        }
    }

    private static void checkLength(String what, String shown, String value, int limit) {
        if (value.length() > limit) {
            throw new InvalidTrackingInputException(what + " is " + value.length() + " characters long, which "
                    + "exceeds the maximum length of " + limit + " characters ('"
                    + PrintableValue.of(shown.substring(0, Math.min(40, shown.length()))) + "...'). "
                    + "Shorten it, or keep long text as an artifact.");
        }
    }

    private static void checkNoControlCharacters(String what, String value) {
        if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new InvalidTrackingInputException(what + " '" + PrintableValue.of(value)
                    + "' contains a NUL or another control character.");
        }
    }

    /**
     * Checks what a store is asked to create a run with, and gives the run's tags with its name as the
     * {@code mlflow.runName} tag.
     *
     * @param runName   the run's name
     * @param userId    the user
     * @param startTime the start time in epoch milliseconds
     * @param tags      tags to set from the start
     * @return the tags by key, in order, with the run name tag set
     * @throws InvalidTrackingInputException when a value breaks a rule, or the name tag differs from the name
     */
    public static Map<String, String> checkNewRun(String runName, String userId, long startTime, List<RunTag> tags) {
        checkRunName(runName);
        Objects.requireNonNull(userId, "userId");
        if (startTime < 0) {
            throw new InvalidTrackingInputException("A run's start time must not be negative; found " + startTime);
        }
        Map<String, String> tagMap = new LinkedHashMap<>();
        for (RunTag tag : tags) {
            checkRunTag(tag, "(new run)");
            tagMap.put(tag.key(), tag.value());
        }
        String named = tagMap.get(SystemTags.RUN_NAME);
        if (named != null && !named.equals(runName)) {
            throw new InvalidTrackingInputException("The run name '" + runName + "' and the tag "
                    + SystemTags.RUN_NAME + "='" + named + "' differ; give the name once.");
        }
        tagMap.put(SystemTags.RUN_NAME, runName);
        return tagMap;
    }

    /**
     * @param experiment a deleted experiment in which a run was to start
     * @return the error to throw
     */
    public static InvalidTrackingInputException deletedExperiment(Experiment experiment) {
        return new InvalidTrackingInputException("Experiment " + experiment.experimentId() + " ('"
                + experiment.name() + "') is deleted; restore it before starting runs in it.");
    }

    /**
     * @param existing the experiment that already has the name asked for
     * @return the error to throw, saying how to reuse or restore it
     */
    public static TrackingAlreadyExistsException alreadyExists(Experiment existing) {
        return new TrackingAlreadyExistsException("Experiment '" + existing.name() + "' already exists (id "
                + existing.experimentId() + ")" + (existing.isActive() ? ". Use getExperimentByName to reuse it."
                : " in deleted state. Restore it with restoreExperiment, or choose another name."));
    }
}
