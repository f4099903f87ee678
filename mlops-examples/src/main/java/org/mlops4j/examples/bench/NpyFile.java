package org.mlops4j.examples.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mlops4j.core.DataException;

/**
 * Reads a one-dimensional array of little-endian 64-bit floats from a numpy {@code .npy} file (format versions 1 to
 * 3), as {@code np.save} writes it.
 */
public final class NpyFile {

    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\((\\d+),?\\)");

    private NpyFile() {
    }

    /**
     * @param file the file
     * @return its values
     * @throws IOException   when the file cannot be read
     * @throws DataException when it is not a 1-D {@code <f8} array in C order
     */
    public static double[] readDoubles(Path file) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[6];
        buffer.get(magic);
        if (magic[0] != (byte) 0x93 || !new String(magic, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY")) {
            throw new DataException("Not a .npy file (no \\x93NUMPY magic)", file.toString(), 0, null, null);
        }
        int major = buffer.get();
        buffer.get();
        int headerLength = major == 1 ? Short.toUnsignedInt(buffer.getShort()) : buffer.getInt();
        byte[] header = new byte[headerLength];
        buffer.get(header);
        String text = new String(header, StandardCharsets.ISO_8859_1);
        Matcher shape = SHAPE.matcher(text);
        if (!text.contains("'descr': '<f8'") || !text.contains("'fortran_order': False") || !shape.find()) {
            throw new DataException("Expected a 1-D little-endian float64 array in C order", file.toString(), 0,
                    null, text.trim());
        }
        double[] values = new double[Integer.parseInt(shape.group(1))];
        buffer.asDoubleBuffer().get(values);
        return values;
    }
}
