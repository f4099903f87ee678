package org.mlops4j.drift.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.data.Table;

class TableProfileJsonTest {

    @Test
    void jsonRoundTripKeepsEveryStatisticAndWritesTheSameText() {
        Table table = ProfileMergeTest.bigTable(20_000, 4).concat(ProfileMergeTest.bigTable(10, 4));
        TableProfile profile = TableProfile.of(table);
        String json = profile.toJson();
        TableProfile read = TableProfile.fromJson(json);
        assertEquals(json, read.toJson());
        assertEquals(profile.rowCount(), read.rowCount());
        assertEquals(profile.numeric("amount").quantile(0.9), read.numeric("amount").quantile(0.9));
        assertEquals(profile.numeric("amount").skewness(), read.numeric("amount").skewness());
        assertEquals(profile.categorical("user").topValues(3), read.categorical("user").topValues(3));
        assertEquals(profile.categorical("user").distinct(), read.categorical("user").distinct());
        assertEquals(profile.duplicateRows(), read.duplicateRows());
        assertEquals(profile.correlations(), read.correlations());
    }

    @Test
    void mixedProfileWithNaNInfinityAndEmptyColumnsRoundTrips() {
        TableProfile profile = ProfileBuilder.create()
                .add(TableProfileStatisticsTest.mixedTable())
                .addDoubles("empty", new double[0]).addNull("empty")
                .build();
        TableProfile read = TableProfile.fromJson(profile.toJson());
        assertEquals(profile.toJson(), read.toJson());
        assertEquals(profile.numeric("x").infiniteCount(), read.numeric("x").infiniteCount());
        assertTrue(Double.isNaN(read.numeric("empty").min()));
        assertEquals(profile.numeric("small").commonValues(3), read.numeric("small").commonValues(3));
    }

    @Test
    void aLoadedProfileMergesLikeTheOriginal() {
        TableProfile a = TableProfile.of(ProfileMergeTest.bigTable(5_000, 5));
        TableProfile b = TableProfile.of(ProfileMergeTest.bigTable(5_000, 6));
        TableProfile direct = a.merge(b);
        TableProfile loaded = TableProfile.fromJson(a.toJson()).merge(TableProfile.fromJson(b.toJson()));
        assertEquals(direct.numeric("score").variance(), loaded.numeric("score").variance(), 1e-12);
        assertEquals(direct.numeric("amount").finiteCount(), loaded.numeric("amount").finiteCount());
        assertEquals(direct.duplicateRows(), loaded.duplicateRows());
        assertEquals(direct.categorical("user").count(), loaded.categorical("user").count());
    }

    @Test
    void referenceProfileIsSavedOnceAndReusedAgainstManyWindows(@TempDir Path dir) {
        Table training = ProfileMergeTest.bigTable(30_000, 7);
        ReferenceProfile reference = new ReferenceProfile("leads-2024-q1", Instant.parse("2024-04-01T00:00:00Z"),
                Map.of("model", "lead-scoring v3"), TableProfile.of(training));
        Path file = dir.resolve("reference.json");
        reference.save(file);
        ReferenceProfile loaded = ReferenceProfile.load(file);
        assertEquals("leads-2024-q1", loaded.name());
        assertEquals(Map.of("model", "lead-scoring v3"), loaded.metadata());
        assertEquals(reference.createdAt(), loaded.createdAt());

        ProfileDriftReport same = loaded.compare(ProfileMergeTest.bigTable(10_000, 8));
        assertEquals(0.0, same.summary().shareOfDriftedColumns());
        Table shifted = ProfileMergeTest.bigTable(10_000, 9).mapColumn("score",
                c -> c.asNumeric().map(v -> v + 1.5));
        ProfileDriftReport moved = loaded.compare(shifted);
        assertTrue(moved.column("score").orElseThrow().drifted());
        assertEquals(1.0 / 3, moved.summary().shareOfDriftedColumns(), 1e-12);
    }

    @Test
    void saveReplacesTheFileAtomicallyAndLoadReadsIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("profile.json");
        TableProfile.of(TableProfileStatisticsTest.mixedTable()).save(file);
        TableProfile loaded = TableProfile.load(file);
        assertEquals(500, loaded.rowCount());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void invalidJsonIsRejectedWithWhatAndWhere() {
        String json = TableProfile.of(TableProfileStatisticsTest.mixedTable()).toJson();
        ProfileFormatException wrongFormat = assertThrows(ProfileFormatException.class,
                () -> TableProfile.fromJson(json.replace("\"mlops4j-profile\"", "\"something-else\"")));
        assertTrue(wrongFormat.getMessage().contains("key 'format' is 'something-else'"), wrongFormat.getMessage());
        ProfileFormatException badCount = assertThrows(ProfileFormatException.class,
                () -> TableProfile.fromJson(json.replaceFirst("\"nulls\":\\d+", "\"nulls\":\"many\"")));
        assertTrue(badCount.getMessage().contains("at $.columns[0].nulls: expected a whole number"),
                badCount.getMessage());
        ProfileFormatException damaged = assertThrows(ProfileFormatException.class,
                () -> TableProfile.fromJson(json.replaceFirst("\"kll\":\"[A-Za-z0-9+/]{8}", "\"kll\":\"AAAAAAAA")));
        assertTrue(damaged.getMessage().contains("Invalid profile in JSON text"), damaged.getMessage());
        ProfileFormatException broken = assertThrows(ProfileFormatException.class,
                () -> TableProfile.fromJson("{\"format\": "));
        assertTrue(broken.getMessage().contains("not well-formed JSON"), broken.getMessage());
    }
}
