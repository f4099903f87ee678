package org.mlops4j.core.data.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.mlops4j.core.DataException;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>Decodes UTF-8 bytes strictly: a malformed byte sequence is a {@link MalformedUtf8Exception} instead of a silent
 * replacement character, thrown by the first {@code read} after all the characters before it were handed out, so
 * that the caller, which counts lines anyway, can name the line ({@link CsvRecords} turns it into a
 * {@link DataException} naming the source and the 1-based physical line). A leading byte order mark is skipped.
 * Not thread-safe.
 */
public final class StrictUtf8Reader extends Reader {

    private final InputStream in;
    private final String source;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes;
    private final CharBuffer chars;
    private boolean endOfInput;
    private boolean flushed;
    private boolean started;
    /** The malformed input met by the last decoding, thrown once the characters before it are read. */
    private MalformedUtf8Exception pending;

    /**
     * @param in     the bytes; closed when this reader is closed
     * @param source the file or stream's name, for messages
     */
    public StrictUtf8Reader(InputStream in, String source) {
        this(in, source, -1);
    }

    /**
     * @param in     the bytes; closed when this reader is closed
     * @param source the file or stream's name, for messages
     * @param length how many bytes there are, to size the buffers to a small input; -1 when unknown
     */
    public StrictUtf8Reader(InputStream in, String source, long length) {
        int size = CsvRecords.bufferSize(length);
        this.bytes = ByteBuffer.allocate(size).flip();
        this.chars = CharBuffer.allocate(size).flip();
        this.in = in;
        this.source = source;
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!chars.hasRemaining() && !fill()) {
            return -1;
        }
        if (!started) {
            started = true;
            if (chars.get(chars.position()) == '\uFEFF') {
                chars.get();
                if (!chars.hasRemaining() && !fill()) {
                    return -1;
                }
            }
        }
        int n = Math.min(length, chars.remaining());
        chars.get(target, offset, n);
        return n;
    }

    /** @return whether characters are available after decoding more bytes */
    private boolean fill() throws IOException {
        if (pending != null) {
            throw pending;
        }
        chars.clear();
        while (true) {
            if (flushed) {
                break;
            }
            CoderResult result = decoder.decode(bytes, chars, endOfInput);
            if (result.isError()) {
                pending = malformed(result.length());
                if (chars.position() == 0) {
                    throw pending;
                }
                break;
            }
            if (result.isOverflow()) {
                break;
            }
            if (endOfInput) {
                decoder.flush(chars);
                flushed = true;
                break;
            }
            if (chars.position() > 0) {
                break;
            }
            bytes.compact();
            int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (read < 0) {
                endOfInput = true;
            } else {
                bytes.position(bytes.position() + read);
            }
            bytes.flip();
        }
        chars.flip();
        return chars.hasRemaining();
    }

    private MalformedUtf8Exception malformed(int badLength) {
        StringBuilder hex = new StringBuilder();
        int start = bytes.position();
        for (int i = 0; i < badLength && start + i < bytes.limit(); i++) {
            hex.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "0x%02X", bytes.get(start + i) & 0xFF));
        }
        return new MalformedUtf8Exception("Invalid UTF-8 byte sequence " + hex + "; the file must be UTF-8 "
                + "encoded: convert it (for example from Windows-1252 or ISO-8859-1) and read it again");
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
