package io.peregrine.rules.management.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.peregrine.rules.service.RulesConfig;
import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Validations and trials beyond the configured number are refused at once, with Retry-After. */
class CheckSlotsTest {

    private static RulesConfig concurrency(int n) {
        return (RulesConfig) Proxy.newProxyInstance(RulesConfig.class.getClassLoader(), new Class<?>[] {RulesConfig.class},
                (p, m, a) -> {
                    if (m.getName().equals("checkConcurrency")) {
                        return n;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    @Test
    void aRequestFindingEverySlotTakenIsRefusedAndTheSlotIsFreedAfterwards() throws Exception {
        CheckSlots slots = new CheckSlots(concurrency(1));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> slots.run(() -> {
            inside.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "first";
        }));
        inside.await();
        ApiProblem p = assertThrows(ApiProblem.class, () -> slots.run(() -> "second"));
        assertEquals(429, p.status());
        assertEquals(1, p.retryAfterSeconds());
        release.countDown();
        assertEquals("first", first.get());
        assertEquals("third", slots.run(() -> "third"));
    }

    @Test
    void aFailingCheckGivesItsSlotBack() {
        CheckSlots slots = new CheckSlots(concurrency(1));
        assertThrows(IllegalStateException.class, () -> slots.run(() -> {
            throw new IllegalStateException("bad draft");
        }));
        assertEquals("next", slots.run(() -> "next"));
    }
}
