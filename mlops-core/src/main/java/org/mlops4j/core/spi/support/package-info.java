/**
 * Building blocks for plugin authors: pieces that stores and other providers share, with a stable API.
 */
package org.mlops4j.core.spi.support;
