/**
 * The tracking-store contract suites: {@link org.mlops4j.tck.tracking.TrackingStoreContractTest} for one
 * process and {@link org.mlops4j.tck.tracking.MultiProcessStoreContractIT} for several JVMs on one store.
 *
 * <p>Part of {@code org.mlops4j:mlops-tck}, the test kit for plugin authors: the classes are abstract JUnit 5 suites;
 * a third-party implementation extends one in its own test sources and says how to make a fresh instance.
 */
package org.mlops4j.tck.tracking;
