package org.mlops4j.drift.profile;

import org.mlops4j.core.MlopsException;

/** The check every {@link ColumnProfile#merge} makes first: profiles merge only for the same column and type. */
final class SameColumn {

    private SameColumn() {
    }

    /**
     * @param into  the profile merged into
     * @param other the profile to merge
     * @param kind  the class both must be
     * @param <T>   that class
     * @return the other profile as that class
     * @throws MlopsException naming both columns and types when they differ
     */
    static <T extends ColumnProfile> T require(ColumnProfile into, ColumnProfile other, Class<T> kind) {
        if (!kind.isInstance(other) || !other.name().equals(into.name()) || other.type() != into.type()) {
            throw new MlopsException("Cannot merge the profile of " + other.type().key() + " column '"
                    + other.name() + "' into that of " + into.type().key() + " column '" + into.name()
                    + "'; profiles merge only for the same column and type");
        }
        return kind.cast(other);
    }
}
