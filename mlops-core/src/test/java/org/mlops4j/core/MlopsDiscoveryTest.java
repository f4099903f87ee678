package org.mlops4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.runtime.DiscoveredProvider;
import org.mlops4j.core.runtime.DiscoveryReport;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.runtime.ProviderFailure;
import org.mlops4j.core.runtime.ProviderSet;
import org.mlops4j.core.spi.ModelFlavorProvider;
import org.mlops4j.core.spi.TrackingStoreProvider;
import org.mlops4j.core.tracking.TrackingStore;

/**
 * Discovery through {@link java.util.ServiceLoader} on real class loaders: each test writes the service files of a
 * scenario into a folder and puts it on a class loader of its own.
 */
class MlopsDiscoveryTest {

    @TempDir
    Path folder;

    private ClassLoader classPathWith(Class<?> spi, Class<?>... providers) throws IOException {
        return classPathWithLines(spi, java.util.Arrays.stream(providers).map(Class::getName).toArray(String[]::new));
    }

    private ClassLoader classPathWithLines(Class<?> spi, String... lines) throws IOException {
        Path services = folder.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.write(services.resolve(spi.getName()), List.of(lines));
        return new URLClassLoader(new URL[] {folder.toUri().toURL()}, getClass().getClassLoader());
    }

    private static Mlops mlopsOn(ClassLoader loader) {
        return Mlops.builder().classLoader(loader).build();
    }

    @Test
    void findsEveryProviderListedOnTheClassPath() throws IOException {
        Mlops mlops = mlopsOn(classPathWith(GreetingProvider.class, TestGreetings.Hello.class,
                TestGreetings.Bonjour.class));
        ProviderSet<GreetingProvider> greetings = mlops.providers(GreetingProvider.class);
        assertEquals(List.of("bonjour", "hello"), greetings.names());
        assertEquals("bonjour", greetings.get("bonjour").greet());
        assertEquals("hello", greetings.get("HELLO").greet(), "look-up ignores case");
    }

    @Test
    void duplicateNamesAreAnErrorNamingBothClasses() throws IOException {
        Mlops mlops = mlopsOn(classPathWith(GreetingProvider.class, TestGreetings.Hello.class,
                TestGreetings.OtherHello.class));
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> mlops.providers(GreetingProvider.class));
        assertTrue(e.getMessage().startsWith("Duplicate GreetingProvider name 'hello': "), e.getMessage());
        assertTrue(e.getMessage().contains(TestGreetings.Hello.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains(TestGreetings.OtherHello.class.getName()), e.getMessage());
    }

    @Test
    void aMissingNameListsWhatIsAvailableAndWhatToAdd() throws IOException {
        Mlops mlops = mlopsOn(classPathWith(GreetingProvider.class, TestGreetings.Hello.class));
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> mlops.providers(GreetingProvider.class).get("hola"));
        assertEquals("No GreetingProvider named 'hola' was found (available: [hello]). Add the jar that provides it"
                + " (with a META-INF/services/" + GreetingProvider.class.getName() + " entry) to the class path.",
                e.getMessage());
    }

    @Test
    void aMissingCoreProviderNamesTheArtifactThatShipsIt() {
        Mlops mlops = Mlops.builder().discoverProviders(false).build();
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> mlops.providers(TrackingStoreProvider.class).get("file"));
        assertTrue(e.getMessage().contains("Add org.mlops4j:mlops-tracking to the class path"), e.getMessage());
    }

    @Test
    void aMissingModelFlavorNamesTheModelsArtifact() {
        Mlops mlops = Mlops.create();
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> mlops.providers(ModelFlavorProvider.class).get("tribuo"));
        assertTrue(e.getMessage().contains("Add org.mlops4j:mlops-models to the class path"), e.getMessage());
    }

    @Test
    void aProviderThatFailsToLoadIsReportedAndTheOthersStillLoad() throws IOException {
        Mlops mlops = mlopsOn(classPathWithLines(GreetingProvider.class, TestGreetings.Broken.class.getName(),
                "org.mlops4j.core.NoSuchGreeting", TestGreetings.Hello.class.getName()));
        assertEquals(List.of("hello"), mlops.providers(GreetingProvider.class).names());
        List<ProviderFailure> failures = mlops.discoveryReport().failures();
        assertEquals(2, failures.size(), failures.toString());
        assertTrue(failures.stream().anyMatch(f -> f.providerClass().equals(TestGreetings.Broken.class.getName())
                && f.reason().contains("needs a library that is not on the class path")), failures.toString());
        assertTrue(failures.stream().anyMatch(f -> f.providerClass().equals("org.mlops4j.core.NoSuchGreeting")),
                failures.toString());
        assertTrue(mlops.discoveryReport().describe().contains("FAILED"), mlops.discoveryReport().describe());
    }

    @Test
    void malformedNamesAreRejected() throws IOException {
        Mlops mlops = mlopsOn(classPathWith(GreetingProvider.class, TestGreetings.Shouting.class));
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> mlops.providers(GreetingProvider.class));
        assertTrue(e.getMessage().contains("has the name 'HELLO'"), e.getMessage());
    }

    @Test
    void discoveryCanBeSwitchedOffAndProvidersRegisteredByHand() throws IOException {
        ClassLoader loader = classPathWith(GreetingProvider.class, TestGreetings.Hello.class);
        Mlops byHand = Mlops.builder().classLoader(loader).discoverProviders(false)
                .register(GreetingProvider.class, new TestGreetings.Bonjour()).build();
        assertEquals(List.of("bonjour"), byHand.providers(GreetingProvider.class).names());
        assertFalse(byHand.discoveryReport().discovery());

        Mlops byProperty = Mlops.builder().classLoader(loader)
                .property(MlopsProperties.PROVIDER_DISCOVERY, "false").build();
        assertTrue(byProperty.providers(GreetingProvider.class).isEmpty());
    }

    @Test
    void aProviderRegisteredByHandUnderADiscoveredNameIsADuplicate() throws IOException {
        Mlops mlops = Mlops.builder().classLoader(classPathWith(GreetingProvider.class, TestGreetings.Hello.class))
                .register(GreetingProvider.class, new TestGreetings.OtherHello()).build();
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> mlops.providers(GreetingProvider.class));
        assertTrue(e.getMessage().contains("registered by hand"), e.getMessage());
    }

    @Test
    void storesAreMatchedByTheMostSpecificUriScheme() {
        SchemeStore files = new SchemeStore("files", Set.of("file"));
        SchemeStore anyJdbc = new SchemeStore("anyjdbc", Set.of("jdbc"));
        SchemeStore sqlite = new SchemeStore("sqlite", Set.of("jdbc:sqlite"));
        Mlops mlops = Mlops.builder().discoverProviders(false)
                .register(TrackingStoreProvider.class, files)
                .register(TrackingStoreProvider.class, anyJdbc)
                .register(TrackingStoreProvider.class, sqlite).build();
        assertEquals("sqlite", mlops.trackingStoreProvider(URI.create("jdbc:sqlite:runs.db")).name());
        assertEquals("anyjdbc", mlops.trackingStoreProvider(URI.create("jdbc:postgresql://h/db")).name());
        assertEquals("files", mlops.trackingStoreProvider(mlops.trackingUri()).name());
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> mlops.trackingStoreProvider(URI.create("s3://bucket/runs")));
        assertTrue(e.getMessage().contains("scheme 's3'"), e.getMessage());
    }

    @Test
    void reportListsTheCoreSpisEvenWhenNothingIsFound() {
        DiscoveryReport report = Mlops.builder().discoverProviders(false).build().discoveryReport();
        assertEquals(Mlops.CORE_SPIS.size(), report.providers().size());
        assertTrue(report.describe().contains("TrackingStoreProvider: none"), report.describe());
    }

    @Test
    void reportGivesOneLinePerProviderWithItsClassVersionAndLocation() throws Exception {
        DiscoveryReport report = Mlops.builder().discoverProviders(false)
                .register(TrackingStoreProvider.class, new SchemeStore("memo", Set.of("memo"))).build()
                .discoveryReport();
        DiscoveredProvider memo = report.found().get("TrackingStoreProvider").get(0);
        Path folder = Path.of(memo.location());
        assertTrue(Files.isRegularFile(folder.resolve(SchemeStore.class.getName().replace('.', '/') + ".class")),
                "the location is the classes folder holding the provider: " + memo);
        assertEquals("unknown", memo.version(), "a classes folder has no manifest or pom.properties");
        assertEquals("TrackingStoreProvider memo (class: " + SchemeStore.class.getName()
                + ", version: unknown, location: " + folder + ")", memo.line());
        assertTrue(report.describe().contains("  TrackingStoreProvider: memo\n    " + memo.line() + "\n"),
                report.describe());
    }

    /** A tracking store provider that only claims schemes; these tests never open a store. */
    private record SchemeStore(String name, Set<String> uriSchemes) implements TrackingStoreProvider {
        @Override
        public TrackingStore open(URI location, MlopsConfig config) {
            throw new UnsupportedOperationException("not opened in these tests");
        }
    }
}
