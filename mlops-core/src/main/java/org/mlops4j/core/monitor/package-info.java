/**
 * Monitoring: drift detectors and their results, the action policy, trigger actions, and the serving log that
 * captures what a model was asked and answered.
 */
package org.mlops4j.core.monitor;
