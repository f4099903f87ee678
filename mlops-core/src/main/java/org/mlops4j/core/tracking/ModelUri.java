package org.mlops4j.core.tracking;

import java.util.Locale;
import java.util.Objects;

/**
 * A {@code models:/} URI: a reference to one version of a registered model, written the way MLflow writes it.
 *
 * <ul>
 *   <li>{@code models:/<name>/<version>}: that version ({@link ByVersion});</li>
 *   <li>{@code models:/<name>/<stage>}: the highest version in that stage, any case ({@link ByStage});</li>
 *   <li>{@code models:/<name>/latest}: the highest version in any stage, any case ({@link Latest});</li>
 *   <li>{@code models:/<name>@<alias>}: the version the alias points at ({@link ByAlias}).</li>
 * </ul>
 *
 * <p>{@link ModelRegistry#resolve(String)} turns a URI into the version it names. {@link #toString()} gives the
 * canonical text, which {@link #parse(String)} reads back.
 */
public sealed interface ModelUri permits ModelUri.ByVersion, ModelUri.ByStage, ModelUri.Latest, ModelUri.ByAlias {

    /** The scheme and the separator every models URI starts with. */
    String PREFIX = "models:/";

    /** @return the registered model's name */
    String name();

    /**
     * Reads a {@code models:/} URI.
     *
     * @param text the URI, such as {@code models:/lead-scoring/3} or {@code models:/lead-scoring@champion}
     * @return the reference it holds
     * @throws InvalidRegistryValueException when the text is not a models URI of one of the four forms
     */
    static ModelUri parse(String text) {
        Objects.requireNonNull(text, "text");
        String usage = " A models URI is models:/<name>/<version>, models:/<name>/<stage>, models:/<name>/latest"
                + " or models:/<name>@<alias>.";
        if (!text.startsWith(PREFIX) || text.startsWith(PREFIX + "/")) {
            throw new InvalidRegistryValueException("Not a models URI: '" + text + "'; it must start with '"
                    + PREFIX + "' followed by the model's name." + usage);
        }
        String path = text.substring(PREFIX.length());
        String[] parts = path.split("/", -1);
        if (parts.length > 2 || parts[0].isBlank()) {
            throw new InvalidRegistryValueException("Not a proper models URI: '" + text + "'." + usage);
        }
        if (parts.length == 2) {
            String suffix = parts[1];
            if (suffix.isEmpty()) {
                throw new InvalidRegistryValueException("Not a proper models URI: '" + text
                        + "' has nothing after the last '/'." + usage);
            }
            if (suffix.chars().allMatch(c -> c >= '0' && c <= '9')) {
                int version;
                try {
                    version = Integer.parseInt(suffix);
                } catch (NumberFormatException e) {
                    version = 0;
                }
                if (version < 1) {
                    throw new InvalidRegistryValueException("Not a proper models URI: '" + text
                            + "'; version numbers start at 1 and fit in an int.");
                }
                return new ByVersion(parts[0], version);
            }
            if (suffix.toLowerCase(Locale.ROOT).equals("latest")) {
                return new Latest(parts[0]);
            }
            try {
                return new ByStage(parts[0], ModelStage.parse(suffix));
            } catch (InvalidRegistryValueException e) {
                throw new InvalidRegistryValueException("Not a proper models URI: '" + text + "'. "
                        + e.getMessage() + usage);
            }
        }
        int at = path.lastIndexOf('@');
        if (at < 0) {
            throw new InvalidRegistryValueException("Not a proper models URI: '" + text
                    + "' names a model but no version, stage or alias." + usage);
        }
        String name = path.substring(0, at);
        String alias = path.substring(at + 1);
        if (name.isBlank() || alias.isEmpty()) {
            throw new InvalidRegistryValueException("Not a proper models URI: '" + text
                    + "'; both the name before '@' and the alias after it must be non-empty." + usage);
        }
        return new ByAlias(name, alias);
    }

    /**
     * {@code models:/<name>/<version>}.
     *
     * @param name    the model's name
     * @param version the version number, 1 or more
     */
    record ByVersion(String name, int version) implements ModelUri {
        /** Checks the arguments. */
        public ByVersion {
            Objects.requireNonNull(name, "name");
            if (version < 1) {
                throw new IllegalArgumentException("A model version number is 1 or more; found " + version);
            }
        }

        @Override
        public String toString() {
            return PREFIX + name + "/" + version;
        }
    }

    /**
     * {@code models:/<name>/<stage>}: the highest version in the stage.
     *
     * @param name  the model's name
     * @param stage the stage
     */
    record ByStage(String name, ModelStage stage) implements ModelUri {
        /** Checks the arguments. */
        public ByStage {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(stage, "stage");
        }

        @Override
        public String toString() {
            return PREFIX + name + "/" + stage.displayName();
        }
    }

    /**
     * {@code models:/<name>/latest}: the highest version, whatever its stage.
     *
     * @param name the model's name
     */
    record Latest(String name) implements ModelUri {
        /** Checks the argument. */
        public Latest {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String toString() {
            return PREFIX + name + "/latest";
        }
    }

    /**
     * {@code models:/<name>@<alias>}.
     *
     * @param name  the model's name
     * @param alias the alias
     */
    record ByAlias(String name, String alias) implements ModelUri {
        /** Checks the arguments. */
        public ByAlias {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(alias, "alias");
        }

        @Override
        public String toString() {
            return PREFIX + name + "@" + alias;
        }
    }
}
