/**
 * Pipelines: steps, the DAG they form, the runner and schedules.
 */
package org.mlops4j.core.pipeline;
