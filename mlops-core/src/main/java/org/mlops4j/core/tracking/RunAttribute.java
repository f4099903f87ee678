package org.mlops4j.core.tracking;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The attributes of a run that searches can filter and order by. */
public enum RunAttribute {
    /** The run id; text. */
    RUN_ID("run_id", false),
    /** The run name; text ({@code "run name"} is accepted too). */
    RUN_NAME("run_name", false),
    /** Who started the run; text. */
    USER_ID("user_id", false),
    /** The status, such as {@code 'FINISHED'}; text. */
    STATUS("status", false),
    /** Where the artifacts are; text. */
    ARTIFACT_URI("artifact_uri", false),
    /** When the run started, in milliseconds since the epoch ({@code created} is accepted too); a number. */
    START_TIME("start_time", true),
    /** When the run ended, in milliseconds since the epoch (missing while it runs); a number. */
    END_TIME("end_time", true);

    private final String key;
    private final boolean numeric;

    RunAttribute(String key, boolean numeric) {
        this.key = key;
        this.numeric = numeric;
    }

    /** @return the name used in filters, such as {@code start_time} */
    public String key() {
        return key;
    }

    /** @return whether it is compared as a number (otherwise as text) */
    public boolean isNumeric() {
        return numeric;
    }

    /**
     * @param name an attribute name as written in a filter, in any case; {@code created} and {@code run name} are
     *             aliases
     * @return the attribute, if the name is one
     */
    public static Optional<RunAttribute> fromKey(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("created")) {
            return Optional.of(START_TIME);
        }
        if (lower.equals("run name")) {
            return Optional.of(RUN_NAME);
        }
        return Arrays.stream(values()).filter(a -> a.key.equals(lower)).findFirst();
    }

    /** @return the names accepted in filters, for error messages */
    public static String acceptedNames() {
        return "run_id, run_name, user_id, status, artifact_uri, start_time, end_time (aliases: created, "
                + "\"run name\")";
    }

    /**
     * @param info a run's info
     * @return the attribute's text value, for text attributes
     */
    public Optional<String> text(RunInfo info) {
        return switch (this) {
            case RUN_ID -> Optional.of(info.runId());
            case RUN_NAME -> Optional.of(info.runName());
            case USER_ID -> Optional.of(info.userId());
            case STATUS -> Optional.of(info.status().name());
            case ARTIFACT_URI -> Optional.of(info.artifactUri());
            case START_TIME, END_TIME -> Optional.empty();
        };
    }

    /**
     * @param info a run's info
     * @return the attribute's numeric value, for numeric attributes that are set
     */
    public Optional<Long> number(RunInfo info) {
        return switch (this) {
            case START_TIME -> Optional.of(info.startTime());
            case END_TIME -> info.endTime().isPresent() ? Optional.of(info.endTime().getAsLong()) : Optional.empty();
            default -> Optional.empty();
        };
    }
}
