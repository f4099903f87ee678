package org.mlops4j.core.data.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>Numbers the distinct texts of a string column in order of first appearance, looking them up straight from ranges
 * of characters: a text seen before costs one hash over its characters and no new {@code String}, and the codes it
 * gives are a categorical column's dictionary codes. Not thread-safe.
 */
public final class LevelIndex {

    private final List<String> levels = new ArrayList<>();
    /** The characters of each level, for comparing without going through {@code String}. */
    private char[][] levelChars = new char[16][];
    private int[] slots = new int[64];
    private int[] hashes = new int[64];

    /** Creates an empty index. */
    public LevelIndex() {
        Arrays.fill(slots, -1);
    }

    /**
     * @param chars characters holding the text
     * @param start where the text starts
     * @param end   where it ends (exclusive)
     * @return the text's code: its index among the distinct texts seen so far, in order of first appearance
     */
    public int codeOf(char[] chars, int start, int end) {
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + chars[i];
        }
        int mask = slots.length - 1;
        int slot = (hash ^ (hash >>> 16)) & mask;
        int code;
        while ((code = slots[slot]) >= 0) {
            char[] level = levelChars[code];
            if (hashes[slot] == hash && Arrays.equals(level, 0, level.length, chars, start, end)) {
                return code;
            }
            slot = (slot + 1) & mask;
        }
        code = levels.size();
        levels.add(new String(chars, start, end - start));
        if (code == levelChars.length) {
            levelChars = Arrays.copyOf(levelChars, code * 2);
        }
        levelChars[code] = Arrays.copyOfRange(chars, start, end);
        slots[slot] = code;
        hashes[slot] = hash;
        if (levels.size() * 2 > slots.length) {
            grow();
        }
        return code;
    }

    /**
     * @param code a code this index gave
     * @return its text
     */
    public String level(int code) {
        return levels.get(code);
    }

    /** @return the distinct texts, the code of each being its index; a live view */
    public List<String> levels() {
        return Collections.unmodifiableList(levels);
    }

    private void grow() {
        int[] oldSlots = slots;
        int[] oldHashes = hashes;
        slots = new int[oldSlots.length * 2];
        hashes = new int[oldSlots.length * 2];
        Arrays.fill(slots, -1);
        int mask = slots.length - 1;
        for (int i = 0; i < oldSlots.length; i++) {
            if (oldSlots[i] >= 0) {
                int hash = oldHashes[i];
                int slot = (hash ^ (hash >>> 16)) & mask;
                while (slots[slot] >= 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = oldSlots[i];
                hashes[slot] = hash;
            }
        }
    }
}
