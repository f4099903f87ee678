package org.mlops4j.models;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.models.internal.linear.LogisticRegressionTrainer;

/** The family catalog turns invalid hyperparameters of mlops4j's own solvers into messages that name them. */
class FamilyCatalogTest {

    @ParameterizedTest
    @ValueSource(doubles = {-1.0, Double.NaN, Double.POSITIVE_INFINITY})
    void rejectsAnInvalidLinearRegressionPenalty(double alpha) {
        ModelFamily family = FamilyCatalog.family(TaskType.REGRESSION, "lr");
        ConfigurationException c = assertThrows(ConfigurationException.class, () -> FamilyCatalog.trainer(family,
                family.withDefaults(Map.of("alpha", alpha)), new FamilyCatalog.TrainingContext(1, 1, Map.of())));
        assertTrue(c.getMessage().contains("'alpha'") && c.getMessage().contains("at least 0"), c.getMessage());
    }

    @Test
    void rejectsInvalidLogisticRegressionParametersAndReadsNumbersGivenAsText() {
        ModelFamily family = FamilyCatalog.family(TaskType.CLASSIFICATION, "lr");
        FamilyCatalog.TrainingContext context = new FamilyCatalog.TrainingContext(3, 1L, Map.of());
        ConfigurationException bad = assertThrows(ConfigurationException.class,
                () -> FamilyCatalog.trainer(family, family.withDefaults(Map.of("C", 0)), context));
        assertTrue(bad.getMessage().contains("'C'") && bad.getMessage().contains("positive"), bad.getMessage());
        assertThrows(ConfigurationException.class,
                () -> FamilyCatalog.trainer(family, family.withDefaults(Map.of("max_iter", 0)), context));
        assertInstanceOf(LogisticRegressionTrainer.class,
                FamilyCatalog.trainer(family, family.withDefaults(Map.of("C", "0.5")), context));
    }
}
