package org.mlops4j.core.data.internal;

import java.nio.charset.CharacterCodingException;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>Bytes that are not UTF-8, met by {@link StrictUtf8Reader}; the message names the bytes and says how to fix the
 * file, and the reader of the characters adds the line.
 */
public final class MalformedUtf8Exception extends CharacterCodingException {

    private static final long serialVersionUID = 1L;

    private final String message;

    /** @param message what was found and how to fix it */
    public MalformedUtf8Exception(String message) {
        this.message = message;
    }

    @Override
    public String getMessage() {
        return message;
    }
}
