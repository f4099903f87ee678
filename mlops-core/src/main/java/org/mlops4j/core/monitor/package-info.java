/**
 * Monitoring: drift detectors and their results, the action policy, trigger actions.
 */
package org.mlops4j.core.monitor;
