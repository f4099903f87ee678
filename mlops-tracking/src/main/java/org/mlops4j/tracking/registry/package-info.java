/**
 * Model registry stores: {@link org.mlops4j.tracking.registry.FileModelRegistryProvider} for {@code file:} folders and
 * {@link org.mlops4j.tracking.registry.JdbcModelRegistryProvider} for SQLite, H2 and PostgreSQL databases. Both serve
 * {@link org.mlops4j.core.tracking.ModelRegistry}; they are found through
 * {@link org.mlops4j.core.spi.ModelRegistryProvider} by the scheme of the registry URI.
 */
package org.mlops4j.tracking.registry;
