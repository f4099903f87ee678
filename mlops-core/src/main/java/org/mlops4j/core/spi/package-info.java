/**
 * What plugin authors implement: one provider interface per pluggable concept, each a small factory with a stable
 * lower-case {@code name()}.
 *
 * <p>Providers are listed in {@code META-INF/services/<interface name>} and found by
 * {@link org.mlops4j.core.runtime.Mlops} through {@link java.util.ServiceLoader}, or registered by hand with
 * {@code Mlops.builder().register(...)}.
 */
package org.mlops4j.core.spi;
