package org.mlops4j.core.pipeline;

import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.pipeline.file.PipelineFile;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.spi.PipelineStepProvider;

/**
 * A child process of {@link YamlPipelineWithoutYamlIT}: parses a YAML and a JSON pipeline declaration and prints what
 * happened to each, one line each.
 */
public final class YamlPipelineWithoutYamlProcess {

    private YamlPipelineWithoutYamlProcess() {
    }

    /** @param args unused */
    public static void main(String[] args) {
        Mlops mlops = Mlops.create();
        try {
            PipelineFile.parse("name: p\nsteps: []\n", true, "p.yaml", mlops.providers(PipelineStepProvider.class));
            System.out.println("yaml: parsed");
        } catch (ConfigurationException e) {
            System.out.println("yaml: " + e.getMessage());
        }
        try {
            PipelineFile.parse("{\"name\": \"p\", \"steps\": []}", false, "p.json", mlops.providers(PipelineStepProvider.class));
            System.out.println("json: parsed");
        } catch (ConfigurationException e) {
            System.out.println("json: " + e.getMessage());
        }
    }
}
