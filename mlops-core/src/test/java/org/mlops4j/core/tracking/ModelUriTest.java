package org.mlops4j.core.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelUriTest {

    @Test
    void readsAVersionNumber() {
        assertEquals(new ModelUri.ByVersion("lead-scoring", 3), ModelUri.parse("models:/lead-scoring/3"));
    }

    @Test
    void readsAStageInAnyCase() {
        assertEquals(new ModelUri.ByStage("m", ModelStage.PRODUCTION), ModelUri.parse("models:/m/Production"));
        assertEquals(new ModelUri.ByStage("m", ModelStage.STAGING), ModelUri.parse("models:/m/staging"));
        assertEquals(new ModelUri.ByStage("m", ModelStage.NONE), ModelUri.parse("models:/m/NONE"));
    }

    @Test
    void readsLatestInAnyCase() {
        assertEquals(new ModelUri.Latest("m"), ModelUri.parse("models:/m/latest"));
        assertEquals(new ModelUri.Latest("m"), ModelUri.parse("models:/m/LATEST"));
    }

    @Test
    void readsAnAliasAfterTheLastAtSign() {
        assertEquals(new ModelUri.ByAlias("lead scoring", "champion"), ModelUri.parse("models:/lead scoring@champion"));
        assertEquals(new ModelUri.ByAlias("team@corp", "prod"), ModelUri.parse("models:/team@corp@prod"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"models:/m/3", "models:/m/Production", "models:/m/latest", "models:/m@champion",
            "models:/a b/Archived"})
    void writesTheTextItWasReadFrom(String text) {
        assertEquals(text, ModelUri.parse(text).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"runs:/abc/model", "models:", "models:/", "models://m/1", "models:/m", "models:/m/1/2",
            "models:/m/", "models:/@champion", "models:/m@", "models:/ /1", "models:/m/0", "models:/m/99999999999",
            "models:/m/Shadow", "/m/1"})
    void rejectsTextThatIsNotAModelsUri(String text) {
        InvalidRegistryValueException e = assertThrows(InvalidRegistryValueException.class,
                () -> ModelUri.parse(text));
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
    }

    @Test
    void explainsWhichStagesExistWhenTheStageIsUnknown() {
        InvalidRegistryValueException e = assertThrows(InvalidRegistryValueException.class,
                () -> ModelUri.parse("models:/m/Shadow"));
        assertTrue(e.getMessage().contains("Invalid model version stage: 'Shadow'. Value must be one of None,"
                + " Staging, Production, Archived."), e.getMessage());
    }

    @Test
    void aVersionNamesItsOwnUri() {
        assertEquals("models:/m/7", new ModelUri.ByVersion("m", 7).toString());
    }
}
