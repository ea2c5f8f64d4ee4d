package io.peregrine.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.peregrine.kubernetes.render.ManifestSet;
import io.peregrine.kubernetes.render.Workload;
import io.peregrine.kubernetes.rules.ManifestRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The base and both overlays render, fit the API schema, and pass every rule. */
class RenderedOverlaysTest {

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void rendersFitsTheSchemaAndPassesEveryRule(String dir) throws Exception {
        ManifestSet set = Rendered.set(dir);
        assertTrue(set.objects().size() > 30, dir + " rendered only " + set.objects().size() + " objects");
        List<String> problems = ManifestRules.check(set);
        assertEquals(List.of(), problems, dir + ":\n" + String.join("\n", problems));
    }

    @Test
    void perNodeServicesHoldExactlyTheirCapabilities() throws Exception {
        for (String dir : List.of("overlays/dev", "overlays/prod")) {
            ManifestSet set = Rendered.set(dir);
            assertEquals(new TreeSet<>(Set.of("BPF", "PERFMON", "SYS_RESOURCE", "SYS_PTRACE")), added(set, "capture-svc"), dir);
            assertEquals(new TreeSet<>(Set.of("SYS_PTRACE")), added(set, "state-svc"), dir);
            assertEquals(new TreeSet<>(), added(set, "rules-svc"), dir);
            for (String n : List.of("capture-svc", "state-svc")) {
                Workload w = set.workload(n).orElseThrow();
                assertEquals("DaemonSet", w.kind());
                assertTrue(w.template().getSpec().getHostPID(), n + " hostPID");
                assertEquals(List.of("ALL"), w.template().getSpec().getContainers().getFirst().getSecurityContext().getCapabilities().getDrop());
            }
        }
    }

    private static Set<String> added(ManifestSet set, String workload) {
        var caps = set.workload(workload).orElseThrow().template().getSpec().getContainers().getFirst().getSecurityContext().getCapabilities();
        return new TreeSet<>(caps.getAdd() == null ? List.of() : caps.getAdd());
    }

    @Test
    void devRunsPostgresqlInTheClusterWithOneReplicaOfEachService() throws Exception {
        ManifestSet dev = Rendered.set("overlays/dev");
        assertTrue(dev.find(StatefulSet.class, "postgresql").isPresent());
        assertEquals("postgresql", dev.find(Secret.class, "peregrine-db").orElseThrow().getStringData().get("host"));
        assertEquals(1, dev.workload("rules-svc").orElseThrow().replicas());
        assertEquals(1, dev.workload("notify-svc").orElseThrow().replicas());
        assertEquals("50m", dev.workload("capture-svc").orElseThrow().template().getSpec().getContainers().getFirst()
                .getResources().getRequests().get("cpu").toString());
        assertEquals("1", dev.workload("capture-svc").orElseThrow().template().getSpec().getContainers().getFirst()
                .getResources().getLimits().get("cpu").toString(), "limits stay as in the base");
        assertEquals(1, dev.find(PodDisruptionBudget.class, "rules-svc").orElseThrow().getSpec().getMaxUnavailable().getIntVal());
        assertTrue(dev.find(NetworkPolicy.class, "external-db-egress").isEmpty());
        assertTrue(dev.workload("capture-svc").orElseThrow().template().getSpec().getContainers().getFirst().getImage()
                .startsWith("localhost:5001/peregrine/capture-svc:"));
    }

    @Test
    void prodUsesAnExternalDatabaseAndAClusteredNats() throws Exception {
        ManifestSet prod = Rendered.set("overlays/prod");
        assertTrue(prod.find(StatefulSet.class, "postgresql").isEmpty());
        assertTrue(prod.find(NetworkPolicy.class, "external-db-egress").isPresent());
        assertEquals(3, prod.workload("nats").orElseThrow().replicas());
        assertEquals(3, prod.workload("rules-svc").orElseThrow().replicas());
        assertEquals(1, prod.find(PodDisruptionBudget.class, "rules-svc").orElseThrow().getSpec().getMaxUnavailable().getIntVal());
        assertEquals(3, prod.workload("notify-svc").orElseThrow().replicas());
        assertEquals("50Gi", ((StatefulSet) prod.workload("nats").orElseThrow().object()).getSpec().getVolumeClaimTemplates()
                .getFirst().getSpec().getResources().getRequests().get("storage").toString());
        ConfigMap nats = prod.all(ConfigMap.class).stream().filter(c -> c.getMetadata().getName().startsWith("nats-config-"))
                .findFirst().orElseThrow();
        assertTrue(nats.getData().get("nats.conf").contains("cluster {"));
        assertFalse(Rendered.set("base").all(ConfigMap.class).getFirst().getData().get("nats.conf").contains("cluster {"));
        // streams and the interest bucket on all three servers; one on the base's single server
        assertEquals("3", prod.find(ConfigMap.class, "peregrine-config").orElseThrow().getData().get("nats-replicas"));
        assertEquals("1", Rendered.set("base").find(ConfigMap.class, "peregrine-config").orElseThrow().getData().get("nats-replicas"));
        for (String svc : List.of("capture-svc", "state-svc", "rules-svc", "notify-svc")) {
            assertTrue(prod.workload(svc).orElseThrow().template().getSpec().getContainers().getFirst().getEnv().stream()
                    .anyMatch(e -> e.getName().equals("PEREGRINE_NATS_REPLICAS") && e.getValueFrom() != null
                            && "nats-replicas".equals(e.getValueFrom().getConfigMapKeyRef().getKey())), svc + " reads nats-replicas");
        }
    }
}
