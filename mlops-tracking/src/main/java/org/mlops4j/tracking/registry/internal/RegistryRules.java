package org.mlops4j.tracking.registry.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mlops4j.core.PrintableValue;
import org.mlops4j.core.tracking.InvalidRegistryValueException;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.ModelVersion;
import org.mlops4j.core.tracking.NewModelVersion;

/**
 * The rules every model registry store applies to names, aliases, tags, sources and schemas, so that a model can move
 * between stores and a name can never become a path outside a store's folder.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 */
public final class RegistryRules {

    /** The longest model name, in characters and in UTF-8 bytes (so it fits a file name). */
    public static final int MAX_NAME_LENGTH = 255;
    /** The longest alias. */
    public static final int MAX_ALIAS_LENGTH = 255;
    /** The longest tag key. */
    public static final int MAX_TAG_KEY_LENGTH = 250;
    /** The longest tag value. */
    public static final int MAX_TAG_VALUE_LENGTH = 5000;
    /** The longest run id. */
    public static final int MAX_RUN_ID_LENGTH = 256;
    /** The longest source URI. */
    public static final int MAX_SOURCE_LENGTH = 65535;

    private static final Pattern ALIAS = Pattern.compile("[\\w\\-]+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern VERSION_ALIAS = Pattern.compile("[vV]\\d+");
    private static final Pattern TAG_KEY = Pattern.compile("[/\\w.\\- :]+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern RUN_ID = Pattern.compile("[a-zA-Z0-9][\\w\\-]*");

    private RegistryRules() {
    }

    /**
     * @param name a registered model's name
     * @return the name
     * @throws InvalidRegistryValueException when it is empty, too long, has a path separator, {@code %} or a
     *                                       control character, surrounding spaces or a leading dot
     */
    public static String checkModelName(String name) {
        Objects.requireNonNull(name, "name");
        String problem = null;
        if (name.isEmpty()) {
            problem = "it is empty";
        } else if (name.length() > MAX_NAME_LENGTH
                || name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_LENGTH) {
            problem = "it is longer than " + MAX_NAME_LENGTH + " characters (or UTF-8 bytes)";
        } else if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
            problem = "it contains a path separator ('/' or '\\')";
        } else if (name.indexOf('%') >= 0) {
            problem = "it contains '%'";
        } else if (name.chars().anyMatch(Character::isISOControl)) {
            problem = "it contains a control character";
        } else if (!name.strip().equals(name)) {
            problem = "it starts or ends with white space";
        } else if (name.startsWith(".")) {
            problem = "it starts with '.' (such names are kept for the store's own files)";
        }
        if (problem != null) {
            throw new InvalidRegistryValueException("Invalid registered model name '" + PrintableValue.of(name)
                    + "': " + problem + ". A model name is 1 to " + MAX_NAME_LENGTH
                    + " characters without '/', '\\', '%',"
                    + " control characters, surrounding spaces or a leading '.', such as 'lead-scoring'.");
        }
        return name;
    }

    /**
     * @param alias an alias
     * @return the alias
     * @throws InvalidRegistryValueException when it is empty, too long, has characters other than letters, digits,
     *                                       {@code _} and {@code -}, or is reserved ({@code latest}, {@code v<n>})
     */
    public static String checkAlias(String alias) {
        Objects.requireNonNull(alias, "alias");
        String problem = null;
        if (alias.isEmpty()) {
            problem = "it is empty";
        } else if (alias.length() > MAX_ALIAS_LENGTH) {
            problem = "it is longer than " + MAX_ALIAS_LENGTH + " characters";
        } else if (!ALIAS.matcher(alias).matches()) {
            problem = "it may contain only letters, digits, '_' and '-'";
        } else if (alias.toLowerCase(Locale.ROOT).equals("latest")) {
            problem = "'latest' is reserved (models:/name/latest names the highest version)";
        } else if (VERSION_ALIAS.matcher(alias).matches()) {
            problem = "aliases of the form v<digits> are reserved for version numbers";
        }
        if (problem != null) {
            throw new InvalidRegistryValueException("Invalid alias '" + PrintableValue.of(alias) + "': " + problem
                    + ". Use a word such as 'champion' or 'challenger'.");
        }
        return alias;
    }

    /**
     * @param key   a tag key
     * @param value its value
     * @throws InvalidRegistryValueException when the key is empty, too long or has other characters than letters,
     *                                       digits, {@code _ - . / :} and space, or the value is too long
     */
    public static void checkTag(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        checkTagKey(key);
        if (value.length() > MAX_TAG_VALUE_LENGTH) {
            throw new InvalidRegistryValueException("The value of tag '" + key + "' has " + value.length()
                    + " characters; at most " + MAX_TAG_VALUE_LENGTH + " are allowed.");
        }
    }

    /**
     * @param key a tag key
     * @throws InvalidRegistryValueException when it is empty, too long, has characters outside the allowed set, or is
     *                                       not a clean relative path ({@code ..}, {@code a//b})
     */
    public static void checkTagKey(String key) {
        Objects.requireNonNull(key, "key");
        if (key.isEmpty() || key.length() > MAX_TAG_KEY_LENGTH || !TAG_KEY.matcher(key).matches()) {
            throw new InvalidRegistryValueException("Invalid tag key '" + PrintableValue.of(key)
                    + "': a tag key is 1 to " + MAX_TAG_KEY_LENGTH
                    + " characters of letters, digits, '_', '-', '.', '/', ':' and space.");
        }
        if (key.startsWith("/") || key.endsWith("/") || Arrays.stream(key.split("/", -1))
                .anyMatch(segment -> segment.isEmpty() || segment.equals(".") || segment.equals(".."))) {
            throw new InvalidRegistryValueException("Invalid tag key '" + PrintableValue.of(key) + "': tag keys"
                    + " are also file paths in a file store (as in MLflow's, which refuses such keys too), so they"
                    + " must not start or end with '/', contain '//', or have '.' or '..' as a path segment.");
        }
    }

    /**
     * @param tags tags to check
     * @return the tags
     */
    public static Map<String, String> checkTags(Map<String, String> tags) {
        tags.forEach(RegistryRules::checkTag);
        return tags;
    }

    /**
     * @param version a version number
     * @return the number
     * @throws InvalidRegistryValueException when it is below 1
     */
    public static int checkVersionNumber(int version) {
        if (version < 1) {
            throw new InvalidRegistryValueException("Invalid model version number " + version
                    + ": version numbers start at 1.");
        }
        return version;
    }

    /**
     * Checks a new version's source, run id and schema, and resolves a {@code models:/} source.
     *
     * @param spec     what the caller asked to register
     * @param registry the registry, for resolving a {@code models:/} source
     * @return what to store
     * @throws InvalidRegistryValueException when a part breaks the rules
     */
    public static PreparedVersion prepare(NewModelVersion spec, ModelRegistry registry) {
        String name = checkModelName(spec.name());
        checkTags(spec.tags());
        String source = spec.source().trim();
        Optional<String> runId = spec.runId().map(String::trim);
        runId.ifPresent(RegistryRules::checkRunId);
        if (source.isEmpty()) {
            throw new InvalidRegistryValueException("The source of a new version of model '" + name
                    + "' is empty. Give the URI of the model's artifacts, such as runs:/<run_id>/model.");
        }
        if (source.length() > MAX_SOURCE_LENGTH) {
            throw new InvalidRegistryValueException("The source of a new version of model '" + name + "' has "
                    + source.length() + " characters; at most " + MAX_SOURCE_LENGTH + " are allowed.");
        }
        if (source.startsWith("models:")) {
            ModelVersion origin = registry.resolve(source);
            source = origin.source();
            if (runId.isEmpty()) {
                runId = origin.runId();
            }
        }
        if (source.startsWith("runs:")) {
            String sourceRun = runIdOfRunsUri(name, source);
            if (runId.isPresent() && !runId.get().equals(sourceRun)) {
                throw new InvalidRegistryValueException("The source " + source + " of a new version of model '"
                        + name + "' belongs to run " + sourceRun + " but the version names run " + runId.get()
                        + ". Give the same run in both, or leave the run id out.");
            }
            runId = Optional.of(sourceRun);
        }
        Optional<String> schema = spec.inputSchema().map(StoredInputSchema::write);
        return new PreparedVersion(name, source, runId, schema, spec.description(), spec.tags());
    }

    private static String runIdOfRunsUri(String name, String source) {
        String usage = " A run source is runs:/<run_id>/<path inside the run's artifacts>.";
        if (!source.startsWith("runs:/") || source.startsWith("runs://")) {
            throw new InvalidRegistryValueException("Invalid source '" + source + "' for model '" + name + "'."
                    + usage);
        }
        String rest = source.substring("runs:/".length());
        int slash = rest.indexOf('/');
        String runId = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash + 1);
        if (!RUN_ID.matcher(runId).matches() || runId.length() > MAX_RUN_ID_LENGTH) {
            throw new InvalidRegistryValueException("Invalid source '" + source + "' for model '" + name
                    + "': '" + runId + "' is not a run id." + usage);
        }
        boolean unsafe = path.indexOf('\\') >= 0 || path.indexOf('#') >= 0 || path.startsWith("/")
                || path.chars().anyMatch(Character::isISOControl);
        for (String segment : path.split("/", -1)) {
            if (unsafe || segment.equals("..") || segment.equals(".")) {
                throw new InvalidRegistryValueException("Invalid source '" + source + "' for model '" + name
                        + "': the artifact path must stay inside the run's artifacts (no '.' or '..' segments,"
                        + " '\\', '#' or control characters)." + usage);
            }
        }
        return runId;
    }

    /**
     * @param runId a run id
     * @return the id
     * @throws InvalidRegistryValueException when it is not 1 to 256 letters, digits, {@code _} or {@code -}
     */
    public static String checkRunId(String runId) {
        if (runId.length() > MAX_RUN_ID_LENGTH || !RUN_ID.matcher(runId).matches()) {
            throw new InvalidRegistryValueException("Invalid run id '" + PrintableValue.of(runId)
                    + "': a run id is 1 to " + MAX_RUN_ID_LENGTH
                    + " letters, digits, '_' and '-', starting with a letter or digit.");
        }
        return runId;
    }
}
