package org.mlops4j.tracking.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.data.Schema;

/** A model version's input schema carried in version tags of at most 5,000 characters. */
class InputSchemaTagsTest {

    @Test
    void aLargeSchemaIsCutIntoTagsAndReadBackWhole() {
        Schema wide = Schema.ofNames(IntStream.range(0, 600).mapToObj(i -> "feature_" + i).toList());
        Map<String, String> tags = new HashMap<>(InputSchemaTags.of(wide));
        assertTrue(tags.size() > 1, "several pieces: " + tags.size());
        assertTrue(tags.values().stream().allMatch(v -> v.length() <= 5000));
        tags.put("framework", "tribuo");
        assertEquals(Optional.of(wide), InputSchemaTags.read(tags));
        assertEquals(Map.of("framework", "tribuo"), InputSchemaTags.without(tags));
    }

    @Test
    void tagsWithoutASchemaReadAsNone() {
        assertEquals(Optional.empty(), InputSchemaTags.read(Map.of("framework", "tribuo")));
        assertEquals(Optional.of(Schema.ofNames(List.of("a"))),
                InputSchemaTags.read(InputSchemaTags.of(Schema.ofNames("a"))));
    }
}
