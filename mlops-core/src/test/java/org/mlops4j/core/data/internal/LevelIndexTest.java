package org.mlops4j.core.data.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LevelIndexTest {

    @Test
    void numbersTextsInOrderOfFirstAppearanceWhereverTheyStandInTheBuffer() {
        LevelIndex index = new LevelIndex();
        char[] chars = "red,blue,red,,blue".toCharArray();
        assertEquals(0, index.codeOf(chars, 0, 3));
        assertEquals(1, index.codeOf(chars, 4, 8));
        assertEquals(0, index.codeOf(chars, 9, 12));
        assertEquals(2, index.codeOf(chars, 13, 13));
        assertEquals(1, index.codeOf(chars, 14, 18));
        assertEquals(List.of("red", "blue", ""), index.levels());
        assertSame(index.level(0), index.levels().get(0));
    }

    @Test
    void agreesWithAMapOnManyRandomTextsIncludingHashCollisions() {
        Random random = new Random(3);
        LevelIndex index = new LevelIndex();
        Map<String, Integer> expected = new LinkedHashMap<>();
        List<String> pool = new ArrayList<>(List.of("Aa", "BB", "AaAa", "BBBB", "AaBB", "BBAa"));
        for (int i = 0; i < 20_000; i++) {
            pool.add(Integer.toString(random.nextInt(30_000), 36) + (random.nextBoolean() ? "é" : ""));
        }
        for (int i = 0; i < 100_000; i++) {
            String text = pool.get(random.nextInt(pool.size()));
            char[] chars = ("##" + text + "#").toCharArray();
            int code = index.codeOf(chars, 2, 2 + text.length());
            Integer known = expected.putIfAbsent(text, expected.size());
            assertEquals(known == null ? expected.size() - 1 : known, code, text);
        }
        assertEquals(new ArrayList<>(expected.keySet()), index.levels());
    }
}
