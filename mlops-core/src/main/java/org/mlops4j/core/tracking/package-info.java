/**
 * Experiment tracking and the model registry: experiments, runs, params, metrics, tags, artifacts; registered
 * models, versions, stages and aliases.
 */
package org.mlops4j.core.tracking;
