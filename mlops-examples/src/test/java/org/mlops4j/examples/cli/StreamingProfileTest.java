package org.mlops4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.Progress;
import org.mlops4j.core.ProgressListener;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.data.CsvReader;
import org.mlops4j.drift.profile.TableProfile;

class StreamingProfileTest {

    private static final int ROWS = StreamingProfile.CHUNK_ROWS + 5;

    @TempDir
    Path folder;

    @Test
    void profilesEveryRowOfAFileLongerThanOneChunk() throws IOException {
        Path file = write(i -> String.valueOf(i));

        List<Progress> events = new ArrayList<>();
        TableProfile profile = StreamingProfile.of(file, CsvReader.builder().build(), events::add);

        assertEquals(ROWS, profile.rowCount());
        assertEquals(ColumnType.NUMERIC, profile.column("x").type());
        assertEquals(ROWS - 1, profile.numeric("x").max(), 0);
        assertEquals(StreamingProfile.CHUNK_ROWS, events.get(0).done());
        assertEquals(ROWS, events.get(0).total());
        for (int i = 1; i < events.size(); i++) {
            assertTrue(events.get(i).done() >= events.get(i - 1).done(), "progress went back at event " + i);
        }
        Progress last = events.get(events.size() - 1);
        assertTrue(last.finished());
        assertEquals(ROWS, last.done());
    }

    @Test
    void aColumnOfNumbersWithAWordAfterTheFirstChunkIsProfiledAsText() throws IOException {
        Path file = write(i -> i == ROWS - 1 ? "unknown" : String.valueOf(i));

        TableProfile profile = StreamingProfile.of(file, CsvReader.builder().build(), ProgressListener.NONE);

        assertEquals(ROWS, profile.rowCount());
        assertEquals(ColumnType.TEXT, profile.column("x").type());
    }

    @Test
    void aColumnEmptyInTheFirstChunkAndNumericAfterIsProfiledAsNumeric() throws IOException {
        Path file = write(i -> i < StreamingProfile.CHUNK_ROWS ? "" : "2.5");

        TableProfile profile = StreamingProfile.of(file, CsvReader.builder().build(), ProgressListener.NONE);

        assertEquals(ColumnType.NUMERIC, profile.column("x").type());
        assertEquals(5, profile.numeric("x").count());
        assertEquals(StreamingProfile.CHUNK_ROWS, profile.numeric("x").nullCount());
    }

    private Path write(java.util.function.IntFunction<String> x) throws IOException {
        StringBuilder csv = new StringBuilder("id,x\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append(i).append(',').append(x.apply(i)).append('\n');
        }
        return Files.writeString(folder.resolve("data.csv"), csv);
    }
}
