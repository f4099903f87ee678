/**
 * The read-only-opening contract {@link org.mlops4j.tck.readonly.ReadOnlyStoreContractTest} for stores and
 * registries, and {@link org.mlops4j.tck.readonly.FileTreeSnapshot} to prove that nothing was written.
 *
 * <p>Part of {@code org.mlops4j:mlops-tck}, the test kit for plugin authors: the classes are abstract JUnit 5 suites;
 * a third-party implementation extends one in its own test sources and says how to make a fresh instance.
 */
package org.mlops4j.tck.readonly;
