package org.mlops4j.core.data.internal;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>Turns ranges of characters into strings, handing out the same {@code String} again for a text seen before, so
 * that a column of repeated values, such as categories, does not create a string per field and its values share
 * memory. It keeps at most {@value #MAX_ENTRIES} distinct texts; after that, a text not seen yet becomes a new string
 * every time. Not thread-safe.
 */
public final class RepeatedStrings {

    private static final int MAX_ENTRIES = 1 << 16;

    private String[] strings = new String[64];
    private int[] hashes = new int[64];
    private int count;

    /**
     * @param chars characters holding the text
     * @param start where the text starts
     * @param end   where it ends (exclusive)
     * @return a string equal to the text
     */
    public String get(char[] chars, int start, int end) {
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + chars[i];
        }
        int mask = strings.length - 1;
        int slot = (hash ^ (hash >>> 16)) & mask;
        String known;
        while ((known = strings[slot]) != null) {
            if (hashes[slot] == hash && matches(known, chars, start, end)) {
                return known;
            }
            slot = (slot + 1) & mask;
        }
        String made = new String(chars, start, end - start);
        if (count < MAX_ENTRIES) {
            strings[slot] = made;
            hashes[slot] = hash;
            count++;
            if (count * 2 > strings.length) {
                grow();
            }
        }
        return made;
    }

    private static boolean matches(String known, char[] chars, int start, int end) {
        if (known.length() != end - start) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (known.charAt(i - start) != chars[i]) {
                return false;
            }
        }
        return true;
    }

    private void grow() {
        String[] oldStrings = strings;
        int[] oldHashes = hashes;
        strings = new String[oldStrings.length * 2];
        hashes = new int[oldStrings.length * 2];
        int mask = strings.length - 1;
        for (int i = 0; i < oldStrings.length; i++) {
            if (oldStrings[i] != null) {
                int hash = oldHashes[i];
                int slot = (hash ^ (hash >>> 16)) & mask;
                while (strings[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                strings[slot] = oldStrings[i];
                hashes[slot] = hash;
            }
        }
    }
}
