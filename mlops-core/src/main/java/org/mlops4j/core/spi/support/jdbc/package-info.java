/**
 * JDBC building blocks for mlops4j modules and plugin authors, written once and shared: the {@link
 * org.mlops4j.core.spi.support.jdbc.SqlDialect SQL dialect} of each supported database (tables in {@code core.data},
 * the JDBC tracking store and model registry), a small {@link org.mlops4j.core.spi.support.jdbc.ConnectionPool
 * connection pool}, read-only connections ({@link org.mlops4j.core.spi.support.jdbc.ReadOnlyDatabase}), one way to
 * create, version and migrate a schema ({@link org.mlops4j.core.spi.support.jdbc.VersionedSchema}), and JDBC URLs
 * with their secrets masked for messages ({@link org.mlops4j.core.spi.support.jdbc.JdbcUrls}).
 *
 * <p>Depends only on the JDK's {@code java.sql}, SLF4J and mlops4j's exception tree: no JDBC driver is needed to load
 * these classes (failures are recognised by SQL state and vendor code). A third-party store reuses them rather than
 * copying them.
 */
package org.mlops4j.core.spi.support.jdbc;
