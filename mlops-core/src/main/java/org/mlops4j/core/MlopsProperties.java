package org.mlops4j.core;

/**
 * Every configuration key that mlops4j itself reads, with its default, in one place.
 *
 * <p>Keys are {@code mlops.<area>.<key>}. A value is looked up, first to last, in: the values set on
 * {@link Mlops.Builder#property(String, String)}; Java system properties; environment variables (the key upper-cased
 * with dots and dashes turned into underscores: {@code MLOPS_TRACKING_URI}); a {@code mlops.properties} file on the
 * class path; the default given here.
 */
public final class MlopsProperties {

    /** Where runs and artifacts are kept, as a URI. Default: {@value #DEFAULT_TRACKING_URI}. */
    public static final String TRACKING_URI = "mlops.tracking.uri";

    /** The default of {@link #TRACKING_URI}: a file store in {@code ./mlruns}. */
    public static final String DEFAULT_TRACKING_URI = "file:./mlruns";

    /** Where the model registry is kept, as a URI. Default: the tracking URI. */
    public static final String REGISTRY_URI = "mlops.registry.uri";

    /**
     * Whether providers are discovered with {@link java.util.ServiceLoader} ({@code true}, the default) or only those
     * registered by hand are used ({@code false}).
     */
    public static final String PROVIDER_DISCOVERY = "mlops.providers.discovery";

    /** The name of the class-path resource with configuration: {@value}. */
    public static final String PROPERTIES_RESOURCE = "mlops.properties";

    private MlopsProperties() {
    }
}
