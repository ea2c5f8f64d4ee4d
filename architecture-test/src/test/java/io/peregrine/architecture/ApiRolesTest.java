package io.peregrine.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every REST resource method of every service names the roles that may call it, on the method or
 * its class; none is open to all. The services deny an unannotated endpoint at run time too
 * (quarkus.security.jaxrs.deny-unannotated-endpoints); this finds it before it ships.
 */
class ApiRolesTest {
    private static final List<Class<? extends Annotation>> HTTP_METHODS =
            List.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class, HEAD.class, OPTIONS.class);

    static JavaClasses main;

    @BeforeAll
    static void importClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.peregrine");
    }

    static List<JavaMethod> resourceMethods() {
        List<JavaMethod> out = new ArrayList<>();
        for (JavaClass c : main) {
            for (JavaMethod m : c.getMethods()) {
                if (HTTP_METHODS.stream().anyMatch(m::isAnnotatedWith)) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    @Test
    void everyServiceHasResourceMethods() {
        // The rule below is vacuous unless it sees every service's API.
        Set<String> services = new TreeSet<>();
        resourceMethods().forEach(m -> services.add(m.getOwner().getPackageName().split("\\.")[2]));
        assertEquals(Set.of("capture", "state", "rules", "notify"), services);
    }

    @Test
    void everyResourceMethodNamesItsRoles() {
        List<String> open = new ArrayList<>();
        for (JavaMethod m : resourceMethods()) {
            JavaClass owner = m.getOwner();
            boolean roles = m.isAnnotatedWith(RolesAllowed.class)
                    || (owner.isAnnotatedWith(RolesAllowed.class) && !m.isAnnotatedWith(PermitAll.class));
            if (m.isAnnotatedWith(PermitAll.class) || (!roles && !m.isAnnotatedWith(DenyAll.class))) {
                open.add(owner.getName() + "." + m.getName() + " " + path(owner, m));
            }
        }
        assertTrue(open.isEmpty(), "resource methods without @RolesAllowed (or open to all): " + open);
    }

    @Test
    void everyResourceIsUnderApiV1() {
        List<String> outside = new ArrayList<>();
        for (JavaMethod m : resourceMethods()) {
            String p = path(m.getOwner(), m);
            if (!p.startsWith("/api/v1/") && !p.equals("/api/v1")) {
                outside.add(m.getOwner().getName() + "." + m.getName() + " " + p);
            }
        }
        assertTrue(outside.isEmpty(), "resource methods outside /api/v1: " + outside);
    }

    private static String path(JavaClass owner, JavaMethod m) {
        String c = owner.isAnnotatedWith(Path.class) ? owner.getAnnotationOfType(Path.class).value() : "";
        String p = m.isAnnotatedWith(Path.class) ? m.getAnnotationOfType(Path.class).value() : "";
        return p.isEmpty() ? c : c.replaceAll("/$", "") + "/" + p.replaceAll("^/", "");
    }
}
