package org.mlops4j.server.rest.internal;

import java.util.Locale;
import java.util.Optional;
import org.mlops4j.core.tracking.ViewType;

/**
 * MLflow's {@code ViewType} as sent in a request: by name ({@code ACTIVE_ONLY}, {@code DELETED_ONLY}, {@code ALL})
 * or by number (1, 2, 3).
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 */
public final class Views {

    private Views() {
    }

    /**
     * @param text the field's value, absent for {@code ACTIVE_ONLY}
     * @return the view
     * @throws RestException when it is neither a name nor a number of a view
     */
    public static ViewType parse(Optional<String> text) {
        if (text.isEmpty() || text.get().isBlank()) {
            return ViewType.ACTIVE_ONLY;
        }
        String value = text.get().trim().toUpperCase(Locale.ROOT);
        return switch (value) {
            case "ACTIVE_ONLY", "1" -> ViewType.ACTIVE_ONLY;
            case "DELETED_ONLY", "2" -> ViewType.DELETED_ONLY;
            case "ALL", "3" -> ViewType.ALL;
            default -> throw RestException.invalid("view_type", "ACTIVE_ONLY, DELETED_ONLY or ALL", "'" + text.get()
                    + "'");
        };
    }
}
