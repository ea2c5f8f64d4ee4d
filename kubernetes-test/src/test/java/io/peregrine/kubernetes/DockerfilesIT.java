package io.peregrine.kubernetes;

import io.peregrine.kubernetes.rules.ServiceRules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Dockerfiles cannot be built here (no container engine); what can be checked offline is
 * checked: the base image, that every COPY source exists in the packaged application, the
 * exposed port, and the tag the kustomize base deploys.
 */
class DockerfilesIT {

    private static final Pattern COPY = Pattern.compile("(?m)^COPY\\s+(?:--\\S+\\s+)*(\\S+)\\s+(\\S+)\\s*$");

    @ParameterizedTest
    @ValueSource(strings = {"capture-svc", "state-svc", "rules-svc", "notify-svc"})
    void dockerfileFitsThePackagedApplication(String service) throws Exception {
        Path module = Rendered.repo().resolve(service);
        String df = Files.readString(module.resolve("src/main/docker/Dockerfile.jvm"));
        assertTrue(df.contains("\nFROM eclipse-temurin:25-jre"), service + ": base image must be the Temurin 25 JRE");
        Matcher m = COPY.matcher(df);
        int copies = 0;
        while (m.find()) {
            copies++;
            String source = m.group(1);
            try (var matches = Files.newDirectoryStream(module.resolve(source).getParent(),
                    source.substring(source.lastIndexOf('/', source.length() - 2) + 1).replace("/", ""))) {
                assertTrue(matches.iterator().hasNext(), service + ": COPY source " + source + " does not exist after package");
            }
        }
        assertTrue(copies >= 4, service + ": expected the four parts of target/quarkus-app to be copied");
        assertTrue(df.contains("target/quarkus-app/quarkus-run.jar") || df.contains("target/quarkus-app/*.jar"));
        assertTrue(Files.isRegularFile(module.resolve("target/quarkus-app/quarkus-run.jar")));
        assertTrue(df.contains("\nEXPOSE " + ServiceRules.PORTS.get(service) + "\n"), service + ": EXPOSE must be the service's port");
        assertTrue(df.contains("registry.example.com/peregrine/" + service + ":0.1.0"), "the tag kubernetes/base deploys");
        assertFalse(df.contains(":latest"));
        String base = Rendered.yaml("base");
        assertTrue(base.contains("image: registry.example.com/peregrine/" + service + ":0.1.0"));
    }
}
