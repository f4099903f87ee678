/**
 * The entry point of mlops4j, {@link org.mlops4j.core.runtime.Mlops}: it reads the configuration and finds the
 * providers of every SPI ({@link org.mlops4j.core.runtime.ProviderSet}), and reports what it found
 * ({@link org.mlops4j.core.runtime.DiscoveryReport}). It sits on top of mlops-core's packages: it uses the SPIs and
 * the tracking API, and no other package of mlops-core uses it. The one call of {@link java.util.ServiceLoader} is
 * here, in a package-private class.
 */
package org.mlops4j.core.runtime;
