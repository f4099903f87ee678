/**
 * The handlers that protect every server of mlops4j (host check, token, saturation) and its plain-text error answers.
 * Internal: not for public use; the API may change without notice.
 */
package org.mlops4j.server.internal;
