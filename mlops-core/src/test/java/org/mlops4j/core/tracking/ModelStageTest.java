package org.mlops4j.core.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ModelStageTest {

    @Test
    void parsesStageNamesWithoutRegardToCaseOrSurroundingSpace() {
        assertEquals(ModelStage.PRODUCTION, ModelStage.parse("production"));
        assertEquals(ModelStage.PRODUCTION, ModelStage.parse(" PRODUCTION "));
        assertEquals(ModelStage.ARCHIVED, ModelStage.parse("Archived"));
        assertEquals(ModelStage.NONE, ModelStage.parse("none"));
    }

    @Test
    void rejectsUnknownStagesAndNull() {
        assertThrows(InvalidRegistryValueException.class, () -> ModelStage.parse("Deleted_Internal"));
        assertThrows(InvalidRegistryValueException.class, () -> ModelStage.parse(null));
    }

    @Test
    void onlyStagingAndProductionAreActive() {
        assertTrue(ModelStage.STAGING.isActive());
        assertTrue(ModelStage.PRODUCTION.isActive());
        assertFalse(ModelStage.NONE.isActive());
        assertFalse(ModelStage.ARCHIVED.isActive());
    }
}
