package org.mlops4j.core.runtime;

import java.lang.ref.SoftReference;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.MlopsProperties;
import org.mlops4j.core.spi.DriftDetectorProvider;
import org.mlops4j.core.spi.ModelFlavorProvider;
import org.mlops4j.core.spi.ModelRegistryProvider;
import org.mlops4j.core.spi.NamedProvider;
import org.mlops4j.core.spi.PipelineStepProvider;
import org.mlops4j.core.spi.TrackingStoreProvider;
import org.mlops4j.core.spi.TriggerActionProvider;
import org.mlops4j.core.tracking.StoreAccess;
import org.mlops4j.core.tracking.TrackingStore;
import org.mlops4j.core.tracking.TrackingStoreOpener;

/**
 * The entry point of mlops4j: the configuration and the providers (plugins) a host application works with.
 *
 * <pre>{@code
 * Mlops mlops = Mlops.builder()
 *         .property(MlopsProperties.TRACKING_URI, "jdbc:sqlite:runs.db")
 *         .build();
 * System.out.println(mlops.discoveryReport().describe());
 * DriftDetectorProvider ks = mlops.providers(DriftDetectorProvider.class).get("ks");
 * }</pre>
 *
 * <p>Providers of the six core SPIs are discovered when the instance is built, so duplicate names fail fast; other
 * SPIs are discovered on first use. Instances are immutable and thread-safe. Building one scans the class path and
 * reads {@code mlops.properties}; parts that a host creates without an instance of its own (such as a drift report
 * or a drift monitor) share {@link #shared()} instead of building one each time.
 */
public final class Mlops implements TrackingStoreOpener {

    /** The provider interfaces that mlops4j itself defines, in the order reports list them. */
    public static final List<Class<? extends NamedProvider>> CORE_SPIS = List.of(
            TrackingStoreProvider.class, ModelRegistryProvider.class, DriftDetectorProvider.class,
            PipelineStepProvider.class, TriggerActionProvider.class, ModelFlavorProvider.class);

    /** The shared default instance of each class loader, kept until memory runs short (see {@link #shared()}). */
    private static final Map<ClassLoader, SoftReference<Mlops>> SHARED = new WeakHashMap<>();

    private final MlopsConfig config;
    private final ClassLoader discoveryLoader;
    private final Map<Class<?>, List<NamedProvider>> byHand;
    private final Map<Class<?>, ProviderSet<?>> sets = new ConcurrentHashMap<>();
    private final List<ProviderFailure> failures = java.util.Collections.synchronizedList(new ArrayList<>());

    private Mlops(Builder builder) {
        ClassLoader loader = builder.classLoader != null ? builder.classLoader : defaultClassLoader();
        this.config = MlopsConfig.create(builder.properties, loader);
        boolean discover = builder.discovery != null ? builder.discovery
                : config.getBoolean(MlopsProperties.PROVIDER_DISCOVERY, true);
        this.discoveryLoader = discover ? loader : null;
        this.byHand = Map.copyOf(builder.byHand);
        for (Class<? extends NamedProvider> spi : CORE_SPIS) {
            providers(spi);
        }
    }

    /** @return a builder with discovery on and no explicit properties */
    public static Builder builder() {
        return new Builder();
    }

    /** @return an instance with the defaults: discovery on the context class loader, configuration from the system */
    public static Mlops create() {
        return builder().build();
    }

    /**
     * The instance with the defaults that parts created without a host instance use: built on first use for the
     * thread's context class loader (one class-path scan and one read of {@code mlops.properties} per class loader),
     * then returned to every caller with that context class loader.
     *
     * <p>Equal to {@link #create()} except that it is built once: system properties and environment variables are
     * still read at each look-up, but {@code mlops.properties} and {@value MlopsProperties#PROVIDER_DISCOVERY} are
     * read when the instance is built, and providers added to the class path later are not seen. A host that needs
     * other settings builds its own instance and passes it on. The class loader is held weakly and the instance
     * softly, so an undeployed application's loader can be collected (at the latest when memory runs short); a later
     * call then builds a new instance.
     *
     * <p>Thread-safe: concurrent first calls build one instance, the others wait for it.
     *
     * @return the shared instance of the context class loader
     * @throws ConfigurationException as {@link Builder#build()}; nothing is kept then, so the next call tries again
     */
    public static Mlops shared() {
        ClassLoader loader = defaultClassLoader();
        synchronized (SHARED) {
            SoftReference<Mlops> kept = SHARED.get(loader);
            Mlops mlops = kept == null ? null : kept.get();
            if (mlops == null) {
                mlops = builder().classLoader(loader).build();
                SHARED.put(loader, new SoftReference<>(mlops));
            }
            return mlops;
        }
    }

    /** @return the configuration */
    public MlopsConfig config() {
        return config;
    }

    /**
     * The providers of an SPI: discovered ones (unless discovery is off) and those registered by hand.
     *
     * @param spi a provider interface
     * @param <P> the provider interface
     * @return the providers by name
     * @throws ConfigurationException when two providers share a name
     */
    @SuppressWarnings("unchecked")
    public <P extends NamedProvider> ProviderSet<P> providers(Class<P> spi) {
        Objects.requireNonNull(spi, "spi");
        return (ProviderSet<P>) sets.computeIfAbsent(spi, k -> load(spi));
    }

    private <P extends NamedProvider> ProviderSet<P> load(Class<P> spi) {
        List<P> registered = new ArrayList<>();
        for (NamedProvider provider : byHand.getOrDefault(spi, List.of())) {
            registered.add(spi.cast(provider));
        }
        ProviderLoader.Loaded<P> loaded = ProviderLoader.load(spi, discoveryLoader, registered);
        failures.addAll(loaded.failures());
        return new ProviderSet<>(spi, loaded.byName(), ProviderHints.missingHint(spi));
    }

    /**
     * The tracking store provider for a location, matched by URI scheme (see {@link TrackingStoreProvider}).
     *
     * @param location a tracking URI such as {@code file:./mlruns} or {@code jdbc:sqlite:runs.db}
     * @return the provider that serves its scheme
     * @throws ConfigurationException listing the schemes served when none serves this one
     */
    public TrackingStoreProvider trackingStoreProvider(URI location) {
        return byScheme(TrackingStoreProvider.class, location, TrackingStoreProvider::uriSchemes);
    }

    /**
     * The model registry provider for a location, matched by URI scheme.
     *
     * @param location a registry URI
     * @return the provider that serves its scheme
     * @throws ConfigurationException listing the schemes served when none serves this one
     */
    public ModelRegistryProvider modelRegistryProvider(URI location) {
        return byScheme(ModelRegistryProvider.class, location, ModelRegistryProvider::uriSchemes);
    }

    /**
     * Opens the tracking store at a location with the provider that serves its scheme ({@code TrackingClient.open}
     * calls this).
     *
     * @param location a tracking URI such as {@code file:./mlruns} or {@code jdbc:sqlite:runs.db}
     * @param access   read and write (creating the store when the location is missing or empty), or read only
     * @return an open store; the caller closes it
     * @throws ConfigurationException when no provider serves the location, or it holds something other than a store
     *                                (or, to read only, no store)
     */
    @Override
    public TrackingStore openTrackingStore(URI location, StoreAccess access) {
        return trackingStoreProvider(location).open(location, config, access);
    }

    /**
     * Opens the model registry at {@link #registryUri()} with the provider that serves its scheme, to read and write
     * (creating it when the location is missing or empty).
     *
     * @return an open registry; the caller closes it
     * @throws ConfigurationException when no provider serves the location, or it holds something other than a store
     */
    public org.mlops4j.core.tracking.ModelRegistry openModelRegistry() {
        URI location = registryUri();
        return modelRegistryProvider(location).open(location, config, StoreAccess.READ_WRITE);
    }

    /**
     * Opens the model registry at {@link #registryUri()} to read only (see {@link StoreAccess#READ_ONLY}): nothing is
     * created or changed there, and every write through the registry is refused.
     *
     * @return an open registry; the caller closes it
     * @throws ConfigurationException when no provider serves the location, or it does not exist or holds no store
     */
    public org.mlops4j.core.tracking.ModelRegistry openModelRegistryReadOnly() {
        URI location = registryUri();
        return modelRegistryProvider(location).open(location, config, StoreAccess.READ_ONLY);
    }

    /** @return the tracking URI from configuration ({@value MlopsProperties#DEFAULT_TRACKING_URI} by default) */
    @Override
    public URI trackingUri() {
        return UriSchemes.toUri(config.get(MlopsProperties.TRACKING_URI, MlopsProperties.DEFAULT_TRACKING_URI));
    }

    /** @return the registry URI from configuration (the tracking URI by default) */
    public URI registryUri() {
        return config.get(MlopsProperties.REGISTRY_URI).map(UriSchemes::toUri).orElseGet(this::trackingUri);
    }

    private <P extends NamedProvider> P byScheme(Class<P> spi, URI location, Function<P, Set<String>> schemes) {
        String specific = UriSchemes.specificScheme(location);
        String general = UriSchemes.generalScheme(location);
        Optional<P> general0 = Optional.empty();
        Map<String, String> served = new LinkedHashMap<>();
        for (P provider : providers(spi).all()) {
            for (String scheme : schemes.apply(provider)) {
                served.put(scheme, provider.name());
                if (scheme.equalsIgnoreCase(specific)) {
                    return provider;
                }
                if (scheme.equalsIgnoreCase(general)) {
                    general0 = Optional.of(provider);
                }
            }
        }
        return general0.orElseThrow(() -> new ConfigurationException("No " + spi.getSimpleName()
                + " serves the location '" + location + "' (scheme '" + specific + "'; schemes served: "
                + served.keySet() + "). " + ProviderHints.missingHint(spi)));
    }

    /**
     * @return what was found for each core SPI, with each provider's class, artifact version and jar, and what failed
     *         to load
     */
    public DiscoveryReport discoveryReport() {
        Map<String, List<DiscoveredProvider>> found = new LinkedHashMap<>();
        for (Class<? extends NamedProvider> spi : CORE_SPIS) {
            List<DiscoveredProvider> providers = new ArrayList<>();
            for (NamedProvider provider : providers(spi).all()) {
                CodeOrigin origin = CodeOrigin.of(provider.getClass());
                providers.add(new DiscoveredProvider(spi.getSimpleName(), provider.name(),
                        provider.getClass().getName(), origin.version(), origin.location()));
            }
            found.put(spi.getSimpleName(), providers);
        }
        return new DiscoveryReport(found, List.copyOf(failures), discoveryLoader != null);
    }

    private static ClassLoader defaultClassLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : Mlops.class.getClassLoader();
    }

    /** Collects configuration and providers; not thread-safe. */
    public static final class Builder {
        private final Map<String, String> properties = new HashMap<>();
        private final Map<Class<?>, List<NamedProvider>> byHand = new HashMap<>();
        private Boolean discovery;
        private ClassLoader classLoader;

        private Builder() {
        }

        /**
         * Sets a configuration value that wins over every other source.
         *
         * @param key   a key such as {@link MlopsProperties#TRACKING_URI}
         * @param value its value
         * @return this builder
         */
        public Builder property(String key, String value) {
            properties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * @param enabled whether to find providers with {@link java.util.ServiceLoader}; when off, only providers
         *                registered by hand exist. Default: {@code mlops.providers.discovery}, else on.
         * @return this builder
         */
        public Builder discoverProviders(boolean enabled) {
            this.discovery = enabled;
            return this;
        }

        /**
         * @param loader the class loader to discover providers and {@code mlops.properties} on; default: the thread's
         *               context class loader
         * @return this builder
         */
        public Builder classLoader(ClassLoader loader) {
            this.classLoader = Objects.requireNonNull(loader, "loader");
            return this;
        }

        /**
         * Registers a provider instance by hand (for tests and dependency-injection containers).
         *
         * @param spi      the provider interface it implements
         * @param provider the provider
         * @param <P>      the provider interface
         * @return this builder
         */
        public <P extends NamedProvider> Builder register(Class<P> spi, P provider) {
            byHand.computeIfAbsent(spi, k -> new ArrayList<>()).add(spi.cast(provider));
            return this;
        }

        /**
         * @return the instance
         * @throws ConfigurationException when providers share a name or a configuration value is invalid
         */
        public Mlops build() {
            return new Mlops(this);
        }
    }
}
