/**
 * The model-registry contract suite {@link org.mlops4j.tck.registry.ModelRegistryContractTest} and the child
 * processes that write one registry from several JVMs.
 *
 * <p>Part of {@code org.mlops4j:mlops-tck}, the test kit for plugin authors: the classes are abstract JUnit 5 suites;
 * a third-party implementation extends one in its own test sources and says how to make a fresh instance.
 */
package org.mlops4j.tck.registry;
