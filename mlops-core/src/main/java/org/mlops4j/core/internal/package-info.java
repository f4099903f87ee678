/**
 * Implementation details of mlops-core. This package is internal and is hence not for public use: its classes may
 * change without notice.
 */
package org.mlops4j.core.internal;
