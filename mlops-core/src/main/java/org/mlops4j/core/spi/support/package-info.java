/**
 * Building blocks for plugin authors: pieces that stores and other providers share, with a stable API. This is the
 * one place where a piece several mlops4j modules need is written (never copied into a module's {@code internal}
 * package): sub-packages hold the pieces that are an idea of their own, {@link org.mlops4j.core.spi.support.jdbc}
 * (SQL dialects, connection pool, schema migrations) and {@link org.mlops4j.core.spi.support.html} (escaping, inline
 * SVG charts). Nothing here adds a third-party dependency to {@code mlops-core}.
 */
package org.mlops4j.core.spi.support;
