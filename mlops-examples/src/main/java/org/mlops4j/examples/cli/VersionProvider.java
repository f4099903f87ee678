package org.mlops4j.examples.cli;

import picocli.CommandLine.IVersionProvider;

/** The version of the {@code mlops} tool, from the jar's manifest. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = MlopsCommand.class.getPackage().getImplementationVersion();
        return new String[] {"mlops " + (version != null ? version : "(development build)"),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
}
