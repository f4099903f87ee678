package org.mlops4j.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The module and package rules of {@code ARCHITECTURE.md}, checked over the main classes of every mlops4j module
 * (this module is the only one whose class path holds them all; {@code mlops-tck} is a test dependency for this
 * test only, and so is {@code mlops-spark}, whose Spark is {@code provided} and so not on this class path: its
 * classes are imported, Spark's are not needed for the rules). A module is the third segment of a package name:
 * {@code org.mlops4j.<module>..}.
 *
 * <p>Inside each module, packages form a DAG ({@link #packagesAreFreeOfCycles}).
 */
@AnalyzeClasses(packages = "org.mlops4j", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final List<String> MODULES =
            List.of("core", "tck", "models", "tracking", "drift", "server", "serving", "onnx", "spark",
                    "examples");

    private static String module(String name) {
        return "org.mlops4j." + name + "..";
    }

    /** Guards the rules below against passing on an empty or partial class path. */
    @ArchTest
    static void importsEveryModule(JavaClasses imported) {
        Set<String> found = new TreeSet<>();
        for (JavaClass javaClass : imported) {
            moduleOf(javaClass).ifPresent(found::add);
        }
        assertEquals(new TreeSet<>(MODULES), found, "modules whose main classes were imported");
    }

    @ArchTest
    static final ArchRule coreDependsOnNoPluginModule = noClasses()
            .that().resideInAPackage(module("core"))
            .should().dependOnClassesThat().resideInAnyPackage(
                    module("models"), module("tracking"), module("drift"), module("server"), module("serving"),
                    module("onnx"), module("examples"), module("tck"), module("spark"));

    @ArchTest
    static final ArchRule tckDependsOnCoreOnly = noClasses()
            .that().resideInAPackage(module("tck"))
            .should().dependOnClassesThat().resideInAnyPackage(
                    module("models"), module("tracking"), module("drift"), module("server"), module("serving"),
                    module("onnx"), module("examples"), module("spark"));

    @ArchTest
    static final ArchRule trackingDoesNotDependOnDrift = noClasses()
            .that().resideInAPackage(module("tracking"))
            .should().dependOnClassesThat().resideInAnyPackage(
                    module("drift"), module("models"), module("server"), module("serving"), module("onnx"),
                    module("examples"), module("tck"), module("spark"));

    @ArchTest
    static final ArchRule driftDoesNotDependOnTracking = noClasses()
            .that().resideInAPackage(module("drift"))
            .should().dependOnClassesThat().resideInAnyPackage(
                    module("tracking"), module("models"), module("server"), module("serving"), module("onnx"),
                    module("examples"), module("tck"), module("spark"));

    @ArchTest
    static final ArchRule modelsDependOnCoreOnly = noClasses()
            .that().resideInAPackage(module("models"))
            .should().dependOnClassesThat().resideInAnyPackage(
                    module("tracking"), module("drift"), module("server"), module("serving"), module("onnx"),
                    module("examples"), module("tck"), module("spark"));

    /** The HTTP server and its UI use core only; tracking at run time (the default stores). No model, no Tribuo. */
    @ArchTest
    static final ArchRule serverDependsOnCoreOnly = noClasses()
            .that().resideInAPackage(module("server"))
            .should().dependOnClassesThat().resideInAnyPackage(
                    module("models"), module("tracking"), module("drift"), module("serving"), module("onnx"),
                    module("examples"), module("tck"), module("spark"));

    /**
     * The model server uses core, models and the HTTP server; it serves ONNX models through the flavor-neutral
     * {@code ScoringModel}, the onnx flavor being found at run time.
     */
    @ArchTest
    static final ArchRule servingDependsOnCoreModelsAndServerOnly = noClasses()
            .that().resideInAPackage(module("serving"))
            .should().dependOnClassesThat().resideInAnyPackage(
                    module("tracking"), module("drift"), module("onnx"), module("examples"), module("tck"),
                    module("spark"));

    /** The onnx flavor uses core and models (the Predictor API it serves through) only. */
    @ArchTest
    static final ArchRule onnxDependsOnCoreAndModelsOnly = noClasses()
            .that().resideInAPackage(module("onnx"))
            .should().dependOnClassesThat().resideInAnyPackage(
                    module("tracking"), module("drift"), module("server"), module("serving"), module("examples"),
                    module("tck"), module("spark"));

    /** ONNX Runtime (139 MB with its native libraries) stays in mlops-onnx. */
    @ArchTest
    static final ArchRule onlyOnnxUsesOnnxRuntime = noClasses()
            .that().resideInAPackage("org.mlops4j..").and().resideOutsideOfPackage(module("onnx"))
            .should().dependOnClassesThat().resideInAPackage("ai.onnxruntime..");

    /** Spark jobs use core, drift and models: they run the single-JVM code per partition. */
    @ArchTest
    static final ArchRule sparkDependsOnCoreDriftAndModelsOnly = noClasses()
            .that().resideInAPackage(module("spark"))
            .should().dependOnClassesThat().resideInAnyPackage(
                    module("tracking"), module("server"), module("serving"), module("onnx"), module("examples"),
                    module("tck"));

    /** A package named {@code internal} (and its subpackages) is private to the module that holds it. */
    @ArchTest
    static final ArchRule noModuleUsesAnotherModulesInternals = classes()
            .that().resideInAPackage("org.mlops4j..")
            .should(notUseAnotherModulesInternals());

    /**
     * One named exception, listed in ARCHITECTURE.md: {@code ServingOverheadBenchmark} measures the {@code Predictor}
     * against bare Tribuo, so it calls Tribuo itself. Remove the exception when that baseline moves to mlops-models.
     */
    @ArchTest
    static final ArchRule onlyModelsUsesTribuo = noClasses()
            .that().resideInAPackage("org.mlops4j..").and().resideOutsideOfPackage(module("models"))
            .and().doNotHaveFullyQualifiedName("org.mlops4j.examples.bench.ServingOverheadBenchmark")
            .should().dependOnClassesThat().resideInAPackage("org.tribuo..");

    /** Jetty stays in the HTTP server and the model server that runs on it. */
    @ArchTest
    static final ArchRule onlyServerUsesJetty = noClasses()
            .that().resideInAPackage("org.mlops4j..").and().resideOutsideOfPackages(module("server"), module("serving"))
            .should().dependOnClassesThat().resideInAPackage("org.eclipse.jetty..");

    /** Spark stays in mlops-spark, where it is a provided dependency: no other module or the mlops jar needs it. */
    @ArchTest
    static final ArchRule onlySparkModuleUsesSpark = noClasses()
            .that().resideInAPackage("org.mlops4j..").and().resideOutsideOfPackage(module("spark"))
            .should().dependOnClassesThat().resideInAPackage("org.apache.spark..");

    @ArchTest
    static final ArchRule onlyTrackingUsesJdbcDrivers = noClasses()
            .that().resideInAPackage("org.mlops4j..").and().resideOutsideOfPackage(module("tracking"))
            .should().dependOnClassesThat().resideInAnyPackage("org.sqlite..", "org.h2..", "org.postgresql..");

    private static ArchCondition<JavaClass> notUseAnotherModulesInternals() {
        return new ArchCondition<>("not use another module's internal packages") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Optional<String> originModule = moduleOf(origin);
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    Optional<String> targetModule = moduleOf(target);
                    if (targetModule.isPresent() && isInternal(target) && !targetModule.equals(originModule)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static boolean isInternal(JavaClass javaClass) {
        String packageName = javaClass.getPackageName();
        return packageName.endsWith(".internal") || packageName.contains(".internal.");
    }

    /** The module of an mlops4j class ({@code org.mlops4j.<module>...}), or empty for any other class. */
    private static Optional<String> moduleOf(JavaClass javaClass) {
        String packageName = javaClass.getPackageName();
        String prefix = "org.mlops4j.";
        if (!packageName.startsWith(prefix)) {
            return Optional.empty();
        }
        String rest = packageName.substring(prefix.length());
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }

    /**
     * The packages of every module form a DAG: one slice per package ({@code org.mlops4j.(**)} puts each package,
     * {@code org.mlops4j.core} and {@code org.mlops4j.drift} included, in a slice of its own).
     */
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("org.mlops4j.(**)")
            .should().beFreeOfCycles();
}
