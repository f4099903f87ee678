package org.mlops4j.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.data.BooleanColumn;
import org.mlops4j.core.data.CategoricalColumn;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.data.TextColumn;
import org.mlops4j.core.data.TimestampColumn;

class StepOutputStoreTest {

    private static final String FP = "ab".repeat(32);

    /** A value that is not Serializable but that JSON can write and read. */
    public record Summary(String name, double score, List<Integer> counts) {
    }

    /** A value that is neither Serializable nor readable from JSON. */
    public static final class Opaque {
        private final Object lock = new Object();

        @Override
        public String toString() {
            return "Opaque" + lock.hashCode();
        }
    }

    static Table everyColumnType() {
        CategoricalColumn city = CategoricalColumn.of("city", "Mumbai", "Pune", null, "Delhi", "Pune")
                .take(new int[] {0, 1, 2, 4});
        return Table.of(
                NumericColumn.ofNullable("score", 0.1 + 0.2, null, Double.MIN_VALUE, -0.0),
                city,
                BooleanColumn.of("converted", true, null, false, true),
                TimestampColumn.of("seen", Instant.ofEpochMilli(1_700_000_000_123L), null, Instant.EPOCH,
                        Instant.ofEpochMilli(-5)),
                TextColumn.of("note", "comma, \"quoted\"\nline", null, "", "ünïcødé"));
    }

    @Test
    void restoresATableExactlyWithNullsBitsAndCategoryLevels(@TempDir Path folder) {
        StepOutputStore store = StepOutputStore.inFolder(folder);
        Table table = everyColumnType();
        store.save("p", "load", FP, StepResult.of("raw", table));
        Table restored = store.load("p", "load", FP).orElseThrow().outputs().get("raw") instanceof Table t ? t : null;
        assertEquals(table, restored);
        assertEquals(List.of("Mumbai", "Pune", "Delhi"), restored.categorical("city").levels(),
                "levels keep their codes, including a level no row uses any more");
        assertEquals(Double.doubleToRawLongBits(0.1 + 0.2),
                Double.doubleToRawLongBits(restored.numeric("score").getDouble(0)));
        assertEquals(Double.doubleToRawLongBits(-0.0),
                Double.doubleToRawLongBits(restored.numeric("score").getDouble(3)));
        assertTrue(restored.numeric("score").isNull(1));
    }

    @Test
    void storesSerializableAndJsonValuesAndTheBranchChoice(@TempDir Path folder) {
        StepOutputStore store = StepOutputStore.inFolder(folder);
        Summary summary = new Summary("lr", 0.87, List.of(1, 2, 3));
        StepResult result = StepResult.of(Map.of("count", 42L, "summary", summary, "labels", List.of("a", "b")))
                .choosing("train_small");
        store.save("p", "choose", FP, result);
        StepResult loaded = store.load("p", "choose", FP).orElseThrow();
        assertEquals(42L, loaded.outputs().get("count"));
        assertEquals(summary, loaded.outputs().get("summary"));
        assertEquals(List.of("a", "b"), loaded.outputs().get("labels"));
        assertEquals(Optional.of(Set.of("train_small")), loaded.chosenBranches());
    }

    @Test
    void findsNothingForAnotherFingerprintAndKeepsOnlyTheLatest(@TempDir Path folder) {
        StepOutputStore store = StepOutputStore.inFolder(folder);
        String other = "cd".repeat(32);
        store.save("p", "s", FP, StepResult.of("x", 1));
        assertTrue(store.load("p", "s", other).isEmpty());
        store.save("p", "s", other, StepResult.of("x", 2));
        assertEquals(2, store.load("p", "s", other).orElseThrow().outputs().get("x"));
        assertTrue(store.load("p", "s", FP).isEmpty(), "the older fingerprint's outputs were replaced");
        store.clear("p");
        assertTrue(store.load("p", "s", other).isEmpty());
    }

    @Test
    void ignoresASaveThatACrashCutShortBeforeItsManifest(@TempDir Path folder) throws Exception {
        StepOutputStore store = StepOutputStore.inFolder(folder);
        store.save("p", "s", FP, StepResult.of("x", 1));
        Files.delete(folder.resolve("p/s/" + FP + "/manifest.json"));
        assertTrue(store.load("p", "s", FP).isEmpty());
    }

    @Test
    void rejectsAnOutputItCannotStoreNamingIt(@TempDir Path folder) {
        StepOutputStore store = StepOutputStore.inFolder(folder);
        MlopsException e = assertThrows(MlopsException.class,
                () -> store.save("p", "train", FP, StepResult.of("model", new Opaque())));
        assertTrue(e.getMessage().contains("Step 'train': output 'model' of type"), e.getMessage());
        assertTrue(e.getMessage().contains("persistOutputs(false)"), e.getMessage());
    }

    @Test
    void rejectsNamesThatWouldEscapeTheFolder(@TempDir Path folder) {
        StepOutputStore store = StepOutputStore.inFolder(folder);
        assertThrows(IllegalArgumentException.class, () -> store.load("..", "s", FP));
        assertThrows(IllegalArgumentException.class, () -> store.load("p", "s", "../x"));
    }
}
