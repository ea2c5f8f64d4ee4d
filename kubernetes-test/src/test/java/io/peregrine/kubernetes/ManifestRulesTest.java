package io.peregrine.kubernetes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.peregrine.kubernetes.rules.ManifestRules;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each rule catches the mistake it is there for: the dev overlay, broken one thing at a time. */
class ManifestRulesTest {

    private static void assertProblem(String expected, Consumer<List<ObjectNode>> change) throws Exception {
        List<String> problems = ManifestRules.check(Rendered.changed("overlays/dev", change));
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)),
                "expected a problem containing '" + expected + "', got " + problems);
    }

    private static ObjectNode capture(List<ObjectNode> docs) {
        return Rendered.container(Rendered.find(docs, "DaemonSet", "capture-svc"), 0);
    }

    @Test
    void privilegedIsRefused() throws Exception {
        assertProblem("privileged: true is never allowed",
                d -> ((ObjectNode) capture(d).path("securityContext")).put("privileged", true));
    }

    @Test
    void anExtraCapabilityIsRefused() throws Exception {
        assertProblem("added capabilities are [BPF, PERFMON, SYS_ADMIN, SYS_PTRACE, SYS_RESOURCE]",
                d -> ((com.fasterxml.jackson.databind.node.ArrayNode) capture(d).path("securityContext").path("capabilities").path("add")).add("SYS_ADMIN"));
    }

    @Test
    void capabilitiesMustDropAll() throws Exception {
        assertProblem("capabilities must drop ALL",
                d -> ((ObjectNode) capture(d).path("securityContext").path("capabilities")).remove("drop"));
    }

    @Test
    void aWritableHostPathIsRefused() throws Exception {
        assertProblem("host path /etc must be mounted read-only", d -> {
            for (var m : capture(d).path("volumeMounts")) {
                if (m.path("mountPath").asText().equals("/host/etc")) {
                    ((ObjectNode) m).put("readOnly", false);
                }
            }
        });
    }

    @Test
    void hostPidOnAnotherWorkloadIsRefused() throws Exception {
        assertProblem("Deployment/rules-svc: hostPID must be false",
                d -> ((ObjectNode) Rendered.find(d, "Deployment", "rules-svc").path("spec").path("template").path("spec")).put("hostPID", true));
    }

    @Test
    void rootIsRefusedWhereNotGranted() throws Exception {
        assertProblem("container notify-svc: must run as non-root",
                d -> ((ObjectNode) Rendered.find(d, "Deployment", "notify-svc").path("spec").path("template").path("spec").path("securityContext")).put("runAsUser", 0));
    }

    @Test
    void aMissingProbeIsRefused() throws Exception {
        assertProblem("liveness and readiness probes are required",
                d -> Rendered.container(Rendered.find(d, "Deployment", "rules-svc"), 0).remove("readinessProbe"));
    }

    @Test
    void aProbeOnTheWrongPathIsRefused() throws Exception {
        assertProblem("readiness probe is /q/health on 8783, expected /q/health/ready on 8783",
                d -> ((ObjectNode) Rendered.container(Rendered.find(d, "Deployment", "rules-svc"), 0).path("readinessProbe").path("httpGet")).put("path", "/q/health"));
    }

    @Test
    void missingLimitsAreRefused() throws Exception {
        assertProblem("memory request and limit are required",
                d -> ((ObjectNode) capture(d).path("resources")).remove("limits"));
    }

    @Test
    void aRequestAboveItsLimitIsRefused() throws Exception {
        assertProblem("memory request 4Gi must be positive and not above the limit",
                d -> ((ObjectNode) capture(d).path("resources").path("requests")).put("memory", "4Gi"));
    }

    @Test
    void anUnpinnedImageIsRefused() throws Exception {
        assertProblem("is not pinned", d -> capture(d).put("image", "localhost:5001/peregrine/capture-svc:latest"));
        assertProblem("is not pinned", d -> capture(d).put("image", "localhost:5001/peregrine/capture-svc"));
    }

    @Test
    void aSelectorThatMissesItsTemplateIsRefused() throws Exception {
        assertProblem("spec.selector does not match the template's labels",
                d -> ((ObjectNode) Rendered.find(d, "Deployment", "notify-svc").path("spec").path("selector").path("matchLabels"))
                        .put("app.kubernetes.io/name", "notify"));
    }

    @Test
    void aServiceTargetingNoContainerPortIsRefused() throws Exception {
        assertProblem("Service/rules-svc: port 8783 targets 9999", d -> {
            var port = (ObjectNode) Rendered.find(d, "Service", "rules-svc").path("spec").path("ports").get(0);
            port.put("targetPort", 9999);
        });
    }

    @Test
    void aSecretKeyThatDoesNotExistIsRefused() throws Exception {
        assertProblem("reads Secret peregrine-db key pasword", d -> {
            for (var e : Rendered.container(Rendered.find(d, "Deployment", "rules-svc"), 0).path("env")) {
                if (e.path("name").asText().equals("PEREGRINE_DB_PASSWORD")) {
                    ((ObjectNode) e.path("valueFrom").path("secretKeyRef")).put("key", "pasword");
                }
            }
        });
    }

    @Test
    void aNetworkPolicyThatSelectsNoPodIsRefused() throws Exception {
        assertProblem("NetworkPolicy/notify-svc-outputs: podSelector selects no pod",
                d -> ((ObjectNode) Rendered.find(d, "NetworkPolicy", "notify-svc-outputs").path("spec").path("podSelector").path("matchLabels"))
                        .put("app.kubernetes.io/name", "notify"));
    }

    @Test
    void aBudgetThatBlocksDrainsIsRefused() throws Exception {
        assertProblem("blocks every eviction",
                d -> ((ObjectNode) Rendered.find(d, "PodDisruptionBudget", "nats").path("spec")).put("maxUnavailable", 0));
        // dev runs one replica of rules-svc: a budget of one available would forbid evicting it.
        assertProblem("minAvailable 1 with 1 replica(s) of rules-svc blocks every eviction", d -> {
            ObjectNode spec = (ObjectNode) Rendered.find(d, "PodDisruptionBudget", "rules-svc").path("spec");
            spec.remove("maxUnavailable");
            spec.put("minAvailable", 1);
        });
    }

    @Test
    void aBindingToAMissingServiceAccountIsRefused() throws Exception {
        assertProblem("subject ServiceAccount peregrine/state",
                d -> ((ObjectNode) Rendered.find(d, "ClusterRoleBinding", "peregrine-state-reader").path("subjects").get(0)).put("name", "state"));
    }

    @Test
    void nodeNameMustComeFromTheDownwardApi() throws Exception {
        assertProblem("NODE_NAME must come from the downward API", d -> {
            var env = (com.fasterxml.jackson.databind.node.ArrayNode) Rendered.container(Rendered.find(d, "DaemonSet", "state-svc"), 0).path("env");
            for (int i = 0; i < env.size(); i++) {
                if (env.get(i).path("name").asText().equals("NODE_NAME")) {
                    env.remove(i);
                    break;
                }
            }
        });
    }

    @Test
    void aBadLabelValueIsRefused() throws Exception {
        assertProblem("is not a valid label value",
                d -> ((ObjectNode) Rendered.find(d, "Service", "nats").path("metadata").path("labels")).put("tier", "not valid!"));
    }

    @Test
    void anObjectOutsideTheNamespaceIsRefused() throws Exception {
        assertProblem("Service/nats: namespace is default",
                d -> ((ObjectNode) Rendered.find(d, "Service", "nats").path("metadata")).put("namespace", "default"));
    }
}
