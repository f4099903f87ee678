/**
 * Copying experiments, runs, artifacts and the model registry from one store to another through the tracking API,
 * and checking afterwards that both agree: {@link org.mlops4j.core.tracking.migration.StoreMigration}.
 */
package org.mlops4j.core.tracking.migration;
