package org.mlops4j.core;

import org.mlops4j.core.spi.NamedProvider;

/** A provider interface that exists only for the discovery tests. */
public interface GreetingProvider extends NamedProvider {

    /** @return a greeting that tells the providers apart */
    String greet();
}
