package org.mlops4j.core.runtime;

/** A class without dependencies that {@link CodeOriginTest} copies into jars and folders and loads from there. */
public final class OriginProbe {
}
