package org.mlops4j.core.pipeline.file;

import java.nio.file.Path;
import java.util.Objects;
import org.mlops4j.core.pipeline.Pipeline;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.runtime.ProviderSet;
import org.mlops4j.core.spi.PipelineStepProvider;

/**
 * Reads a pipeline declared in a JSON ({@code .json}) or YAML ({@code .yaml}, {@code .yml}) file. Each step names its
 * type, a {@link PipelineStepProvider} found through the SPI, which makes what the step does from the step's
 * parameters.
 *
 * <pre>
 * name: leads
 * steps:
 *   - name: load
 *     type: csv-load
 *     params: {path: data/leads.csv}
 *     outputs: [raw]
 *   - name: clean
 *     type: drop-nulls
 *     inputs: [raw]
 *     outputs: [clean]
 *     retries: 2            # attempts after the first; optional
 *     retry_delay: PT1S     # ISO-8601; doubles per retry up to max_retry_delay (default PT5M)
 *     timeout: PT30S        # per attempt; optional
 *     trigger_rule: all_success
 *     after: [load]         # ordering without data; optional
 *     version: "2"          # code version, part of the fingerprint; optional
 *     persist_outputs: true # optional
 * </pre>
 *
 * <p>Every problem is a {@link org.mlops4j.core.ConfigurationException} that names the file and the step: an unknown
 * or misspelled key, a missing name or type, an unknown step type (listing the available ones), a bad duration, and
 * the DAG errors of {@link Pipeline.Builder#build()}.
 */
public final class PipelineFile {

    private PipelineFile() {
    }

    /**
     * @param file  a {@code .json}, {@code .yaml} or {@code .yml} file
     * @param mlops where the step providers come from
     * @return the pipeline
     * @throws org.mlops4j.core.ConfigurationException naming the file and step when the declaration is invalid
     */
    public static Pipeline read(Path file, Mlops mlops) {
        return read(file, mlops.providers(PipelineStepProvider.class));
    }

    /**
     * @param file      a {@code .json}, {@code .yaml} or {@code .yml} file
     * @param providers the step providers, by name
     * @return the pipeline
     * @throws org.mlops4j.core.ConfigurationException naming the file and step when the declaration is invalid
     */
    public static Pipeline read(Path file, ProviderSet<PipelineStepProvider> providers) {
        Objects.requireNonNull(file, "file");
        return PipelineFileParser.read(file, providers);
    }

    /**
     * @param text      the declaration
     * @param yaml      whether it is YAML (else JSON)
     * @param source    a name for the text in messages, such as a resource path
     * @param providers the step providers, by name
     * @return the pipeline
     * @throws org.mlops4j.core.ConfigurationException naming the source and step when the declaration is invalid
     */
    public static Pipeline parse(String text, boolean yaml, String source, ProviderSet<PipelineStepProvider> providers) {
        return PipelineFileParser.parse(text, yaml, source, providers);
    }
}
