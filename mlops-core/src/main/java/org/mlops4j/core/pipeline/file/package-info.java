/**
 * Pipelines declared in JSON or YAML files ({@link org.mlops4j.core.pipeline.file.PipelineFile}), whose step types
 * are {@link org.mlops4j.core.spi.PipelineStepProvider}s. It sits above the SPI, which sits above
 * {@code org.mlops4j.core.pipeline}: a pipeline built in code needs neither.
 */
package org.mlops4j.core.pipeline.file;
