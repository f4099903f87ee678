/**
 * Read-only views of a tracking store and a model registry, which refuse every write with a message that names the
 * location and how to open it for writing. Stores and registries use them for
 * {@link org.mlops4j.core.tracking.StoreAccess#READ_ONLY}; the provider interfaces use them by default.
 */
package org.mlops4j.core.tracking.readonly;
