package io.peregrine.rules.runtime.live;

import static io.peregrine.rules.management.api.ItemApiTest.YAML;
import static io.peregrine.rules.management.api.ItemApiTest.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats.client.Connection;
import io.nats.client.KeyValue;
import io.nats.client.Nats;
import io.peregrine.protocol.Subjects;
import io.peregrine.protocol.interest.Interest;
import io.peregrine.rules.management.api.Tokens;
import io.peregrine.rules.service.InterestPublisher;
import io.peregrine.rules.service.LiveRuleset;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A second replica in the same JVM: its own NATS connection, its own ActiveRuleset, loading from
 * the same PostgreSQL, fed only by the broadcast of the first.
 */
@QuarkusTest
class SecondReplicaTest {

    @Inject
    ActiveRuleset active;
    @Inject
    LiveRuleset live;
    @Inject
    InterestPublisher interest;
    @ConfigProperty(name = "peregrine.nats.url")
    String natsUrl;

    @Test
    void aChangeReachesTheOtherReplicaAndTheInterest() throws Exception {
        ActiveRuleset other = new ActiveRuleset();
        try (Connection nc = Nats.connect(natsUrl);
             RulesetFollower follower = new RulesetFollower(nc, live::loadSnapshot, other).start()) {
            nc.flush(java.time.Duration.ofSeconds(5));   // the subscription is in place before the change
            String name = "Replica rule " + UUID.randomUUID().toString().substring(0, 8);
            CompletableFuture<ActiveRuleset.Snapshot> seen = new CompletableFuture<>();
            long[] installedAt = new long[1];
            other.addListener(s -> {
                if (s.ruleset().rules().stream().anyMatch(r -> r.name().equals(name))) {
                    installedAt[0] = System.nanoTime();
                    seen.complete(s);
                }
            });
            long sentAt = System.nanoTime();
            long version = as("editor")
                    .contentType(YAML)
                    .body(io.peregrine.rules.management.api.ItemApiTest.rule(name, "evt.type = connect and proc.name = nc"))
                    .post("/api/v1/rules").then().statusCode(201).extract().jsonPath().getLong("rulesetVersion");

            ActiveRuleset.Snapshot there = seen.get(30, TimeUnit.SECONDS);
            // Reported, not asserted: timing belongs to benchmarks (docs/benchmarks.md).
            System.out.printf("rules-svc: write to in force on the second replica: %d ms%n",
                    (installedAt[0] - sentAt) / 1_000_000);
            assertEquals(version, there.version());
            assertEquals(active.current().items(), there.items());

            // The interest of the new ruleset is in the KV bucket, and it covers the new rule's type.
            KeyValue kv = nc.keyValue(Subjects.INTEREST_BUCKET);
            Interest written = null;
            for (int i = 0; i < 300 && interest.writtenVersion() < version; i++) {
                Thread.sleep(100);
            }
            var entry = kv.get(Subjects.INTEREST_KEY);
            written = Interest.decode(entry.getValue());
            assertEquals(active.current().interest(), written);
            assertTrue(written.allTypes() || written.eventTypes().contains("connect"), written.eventTypes().toString());
            assertTrue(written.allTypes() || written.fieldsByType().get("connect").contains("proc.name"));

            as("editor")
                    .delete("/api/v1/rules/{n}", name).then().statusCode(204);
        }
    }
}
