/**
 * The accumulators, hash tables and formulas behind the profiles. Everything here is internal and is hence not for
 * public use.
 */
package org.mlops4j.drift.profile.internal;
