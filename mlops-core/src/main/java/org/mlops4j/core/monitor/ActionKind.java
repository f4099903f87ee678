package org.mlops4j.core.monitor;

import java.util.Locale;

/**
 * What a monitoring policy decides to do, from the least to the most severe: nothing, retrain on new data, or hand the
 * model back to people (alert, go back to experimentation, do not retrain automatically).
 */
public enum ActionKind {
    /** Nothing to do: the data still looks like the data the model was trained on. */
    NONE,
    /** Run the data and training pipelines on new data. */
    RETRAIN,
    /** Alert people; the change is too large for an automatic retraining. */
    ESCALATE;

    /** @return the key used in JSON and configuration: {@code none}, {@code retrain} or {@code escalate} */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param other another action
     * @return the more severe of the two (this one when they are equal)
     */
    public ActionKind atLeast(ActionKind other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /**
     * @param key {@code none}, {@code retrain} or {@code escalate}, any case
     * @return the action
     * @throws IllegalArgumentException naming the accepted keys for anything else
     */
    public static ActionKind fromKey(String key) {
        String k = key.trim().toUpperCase(Locale.ROOT);
        for (ActionKind kind : values()) {
            if (kind.name().equals(k)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Unknown action '" + key + "'; expected none, retrain or escalate");
    }
}
