package io.peregrine.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of docs/architecture.md ("Module map"), on the compiled main classes of
 * every module. A rule broken here is a boundary that moved without the design saying so.
 */
class LayeringTest {
    /** Frameworks and clients that make code a runtime rather than a contract or a core. */
    static final String[] RUNTIME = {"io.quarkus..", "jakarta..", "io.nats..", "io.smallrye..", "io.vertx..",
            "org.eclipse.microprofile..", "io.micrometer..", "org.hibernate..", "io.grpc..", "io.fabric8..",
            "com.fasterxml.jackson.."};

    static final String PROTOCOL = "io.peregrine.protocol..";
    static final String DRIVER = "io.peregrine.driver..";
    static final String KIT = "io.peregrine.kit..";
    static final String[] STATE_SVC = {"io.peregrine.state.service..", "io.peregrine.state.api..",
            "io.peregrine.state.sources.."};
    /** state-core: every state package but state-svc's shell. */
    static final DescribedPredicate<JavaClass> STATE_CORE = resideInAPackage("io.peregrine.state..")
            .and(not(resideInAnyPackage(STATE_SVC))).as("state-core");
    static final String CAPTURE_SVC = "io.peregrine.capture..";
    static final String RULES_SVC = "io.peregrine.rules..";
    static final String NOTIFY_SVC = "io.peregrine.notify..";

    static JavaClasses main;

    @BeforeAll
    static void importClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.peregrine");
        // The rules below are vacuous if a module's classes are missing from the class path.
        Set<String> roots = new TreeSet<>();
        main.forEach(c -> {
            String[] p = c.getPackageName().split("\\.");
            roots.add(p.length > 2 ? p[2] : c.getPackageName());
        });
        assertTrue(roots.containsAll(List.of("protocol", "driver", "kit", "state", "capture", "rules", "notify")),
                "every module's classes are imported; found " + roots);
    }

    @Test
    void protocolHoldsContractsOnly() {
        classes().that().resideInAPackage(PROTOCOL)
                .should().onlyDependOnClassesThat().resideInAnyPackage(PROTOCOL, "java..")
                .because("protocol is the contract between services: formats, subjects, catalogue, schemas")
                .check(main);
    }

    @Test
    void driverDependsOnProtocolOnly() {
        classes().that().resideInAPackage(DRIVER)
                .should().onlyDependOnClassesThat().resideInAnyPackage(DRIVER, PROTOCOL, "java..")
                .because("the driver is a plain library: probe, bindings, ring reader and capture files")
                .check(main);
    }

    @Test
    void stateCoreIsPlainJavaOverProtocol() {
        classes().that(STATE_CORE)
                .should().onlyDependOnClassesThat(
                        STATE_CORE.or(resideInAnyPackage(PROTOCOL, "java..", "org.jboss.logging..")))
                .because("the state core is a library for state-svc, capture trials and tools: no runtime, no driver")
                .check(main);
    }

    @Test
    void serviceKitServesTheShellsOnly() {
        noClasses().that().resideInAPackage(KIT)
                .should().dependOnClassesThat().resideInAnyPackage(concat(STATE_SVC, DRIVER, CAPTURE_SVC, RULES_SVC,
                        NOTIFY_SVC))
                .because("service-kit is shared by the four shells and knows none of them")
                .check(main);
    }

    @Test
    void nothingDependsOnAService() {
        String[][] services = {{CAPTURE_SVC}, STATE_SVC, {RULES_SVC}, {NOTIFY_SVC}};
        for (String[] svc : services) {
            noClasses().that().resideOutsideOfPackages(svc)
                    .should().dependOnClassesThat().resideInAnyPackage(svc)
                    .because("a service is a leaf: libraries and other services never reach into it")
                    .check(main);
        }
    }

    @Test
    void servicesUseOnlyTheLibrariesOfTheirStage() {
        noClasses().that().resideInAPackage(CAPTURE_SVC)
                .should().dependOnClassesThat(STATE_CORE)
                .because("capture frames raw events; state is rebuilt after NATS, in state-svc")
                .check(main);
        noClasses().that().resideInAPackage(NOTIFY_SVC)
                .should().dependOnClassesThat(STATE_CORE.or(resideInAPackage(DRIVER)))
                .because("notify-svc sees alerts only")
                .check(main);
    }

    @Test
    void rulesLanguageAndEngineArePlainJava() {
        noClasses().that().resideInAnyPackage("io.peregrine.rules.language..", "io.peregrine.rules.engine..")
                .should().dependOnClassesThat().resideInAnyPackage(RUNTIME)
                .because("the rule language and its engine are tested and reused without Quarkus")
                .check(main);
    }

    @Test
    void rulesPlanesDependDownwardOnly() {
        noClasses().that().resideInAPackage("io.peregrine.rules.language..")
                .should().dependOnClassesThat().resideInAnyPackage("io.peregrine.rules.engine..",
                        "io.peregrine.rules.runtime..", "io.peregrine.rules.management..", "io.peregrine.rules.trial..",
                        "io.peregrine.rules.service..")
                .check(main);
        noClasses().that().resideInAPackage("io.peregrine.rules.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("io.peregrine.rules.runtime..",
                        "io.peregrine.rules.management..", "io.peregrine.rules.trial..", "io.peregrine.rules.service..")
                .check(main);
    }

    @Test
    void restResourcesLiveInApiPackages() {
        classes().that().areAnnotatedWith("jakarta.ws.rs.Path")
                .should().resideInAPackage("..api..")
                .because("every service names its REST package api")
                .check(main);
    }

    /** Package patterns from single patterns and groups of them, in order. */
    private static String[] concat(Object... parts) {
        List<String> all = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof String[] group) {
                all.addAll(List.of(group));
            } else {
                all.add((String) p);
            }
        }
        return all.toArray(String[]::new);
    }
}
