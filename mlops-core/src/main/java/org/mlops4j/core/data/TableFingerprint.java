package org.mlops4j.core.data;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A SHA-256 fingerprint of a table's content: its column names and types, then every value in row order as its text
 * form ({@link Column#format(int)}, with null marked apart from the empty string). Two tables have the same fingerprint
 * exactly when they hold the same values in the same columns and rows, whatever their storage (a categorical column's
 * level order does not count). Used for lineage: which data a model was trained on.
 */
public final class TableFingerprint {

    private static final byte SEPARATOR = 0x1f;
    private static final byte NULL = 0x00;

    private TableFingerprint() {
    }

    /**
     * @param table a table
     * @return {@code sha256:} followed by 64 lower-case hex digits
     */
    public static String of(Table table) {
        MessageDigest digest = sha256();
        for (Column column : table.columns()) {
            digest.update(column.name().getBytes(StandardCharsets.UTF_8));
            digest.update(SEPARATOR);
            digest.update(column.type().key().getBytes(StandardCharsets.UTF_8));
            digest.update(SEPARATOR);
        }
        for (int row = 0; row < table.rowCount(); row++) {
            for (Column column : table.columns()) {
                if (column.isNull(row)) {
                    digest.update(NULL);
                } else {
                    digest.update(column.format(row).getBytes(StandardCharsets.UTF_8));
                }
                digest.update(SEPARATOR);
            }
        }
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
