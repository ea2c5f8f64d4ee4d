package io.peregrine.kubernetes;

import io.peregrine.kubernetes.network.FlowModel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The NetworkPolicies allow the flows of docs/architecture.md and nothing else between the pods. */
class NetworkFlowsTest {

    private static final List<String> SERVICES = List.of("capture-svc", "state-svc", "rules-svc", "notify-svc");

    @Test
    void devAllowsTheArchitectureFlows() throws Exception {
        FlowModel f = new FlowModel(Rendered.set("overlays/dev"), "peregrine");
        for (String s : SERVICES) {
            assertTrue(f.podToPod(s, "nats", 4222), s + " -> nats:4222");
        }
        assertTrue(f.podToPod("rules-svc", "postgresql", 5432));
        assertTrue(f.podToPod("notify-svc", "postgresql", 5432));
        assertTrue(f.podToPod("nats", "nats", 6222), "cluster routes");
        assertTrue(f.podToAddress("notify-svc", "203.0.113.5", 443), "Slack and webhooks");
    }

    @Test
    void devDeniesEverythingElse() throws Exception {
        FlowModel f = new FlowModel(Rendered.set("overlays/dev"), "peregrine");
        assertFalse(f.podToPod("capture-svc", "postgresql", 5432));
        assertFalse(f.podToPod("state-svc", "postgresql", 5432));
        assertFalse(f.podToPod("capture-svc", "state-svc", 8782), "services talk through NATS only");
        assertFalse(f.podToPod("rules-svc", "notify-svc", 8784));
        assertFalse(f.podToPod("capture-svc", "nats", 6222), "routes are for NATS servers only");
        assertFalse(f.podToPod("nats", "postgresql", 5432));
        assertFalse(f.podToPod("postgresql", "nats", 4222));
        assertFalse(f.podToAddress("capture-svc", "203.0.113.5", 443), "capture-svc has no business outside");
        assertFalse(f.podToAddress("rules-svc", "203.0.113.5", 443));
        assertFalse(f.podToAddress("notify-svc", "203.0.113.5", 80));
    }

    @Test
    void prodReachesOnlyTheExternalDatabaseAddress() throws Exception {
        FlowModel f = new FlowModel(Rendered.set("overlays/prod"), "peregrine");
        assertTrue(f.podToAddress("rules-svc", "192.0.2.10", 5432));
        assertTrue(f.podToAddress("notify-svc", "192.0.2.10", 5432));
        assertFalse(f.podToAddress("rules-svc", "192.0.2.11", 5432));
        assertFalse(f.podToAddress("capture-svc", "192.0.2.10", 5432));
        assertFalse(f.podToAddress("state-svc", "192.0.2.10", 5432));
        for (String s : SERVICES) {
            assertTrue(f.podToPod(s, "nats", 4222), s + " -> nats:4222");
        }
    }
}
