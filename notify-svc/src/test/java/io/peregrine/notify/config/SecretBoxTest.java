package io.peregrine.notify.config;

import io.peregrine.notify.output.OutputSpec;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretBoxTest {

    private static final byte[] KEY = new byte[32];
    private static final byte[] OTHER_KEY = new byte[32];

    static {
        for (int i = 0; i < 32; i++) {
            KEY[i] = (byte) i;
            OTHER_KEY[i] = (byte) (i + 1);
        }
    }

    private static OutputSpec webhook(String name) {
        return OutputSpec.builder(name, "webhook").url("https://hooks.example/in").secret("hmac-key")
                .headers(Map.of("Authorization", "Bearer tok")).tls(new OutputSpec.Tls("/k.p12", "kpw", "/t.p12", "tpw")).build();
    }

    @Test
    void everySecretFieldIsSealedAndOpensAgain() {
        SecretBox box = new SecretBox(KEY);
        OutputSpec plain = webhook("hook");
        OutputSpec sealed = box.seal(plain);
        for (String v : new String[] {sealed.secret(), sealed.headers().get("Authorization"),
                sealed.tls().keystorePassword(), sealed.tls().truststorePassword()}) {
            assertTrue(v.startsWith(SecretBox.PREFIX), v);
        }
        assertFalse(sealed.toString().contains("hmac") || String.valueOf(sealed.headers()).contains("tok"));
        assertEquals("https://hooks.example/in", sealed.url(), "a webhook url is not a secret");
        assertEquals(plain, box.open(sealed));
        assertEquals(sealed, box.seal(sealed), "sealing twice changes nothing");
        assertNotEquals(sealed.secret(), box.seal(plain).secret(), "a fresh nonce every time");

        OutputSpec slack = OutputSpec.builder("s", "slack").url("https://hooks.slack.com/services/T/B/X").build();
        assertTrue(box.seal(slack).url().startsWith(SecretBox.PREFIX), "the Slack url is the secret");
        assertEquals(slack, box.open(box.seal(slack)));
    }

    @Test
    void aValueDoesNotOpenWithAnotherKeyUnderAnotherNameOrAltered() {
        SecretBox box = new SecretBox(KEY);
        String sealed = box.encrypt("hmac-key", "hook");
        assertEquals("hmac-key", box.decrypt(sealed, "hook"));
        assertThrows(IllegalStateException.class, () -> new SecretBox(OTHER_KEY).decrypt(sealed, "hook"));
        assertThrows(IllegalStateException.class, () -> box.decrypt(sealed, "other-output"), "copied to another output");
        byte[] raw = Base64.getDecoder().decode(sealed.substring(SecretBox.PREFIX.length()));
        raw[raw.length - 1] ^= 1;
        String altered = SecretBox.PREFIX + Base64.getEncoder().encodeToString(raw);
        assertThrows(IllegalStateException.class, () -> box.decrypt(altered, "hook"));
        assertThrows(IllegalStateException.class, () -> box.decrypt(SecretBox.PREFIX + "AAAA", "hook"));
    }

    @Test
    void plainValuesStoredBeforeAKeyAreReadAsTheyAreAndKeysMustBe32Bytes() {
        SecretBox box = new SecretBox(KEY);
        assertEquals(webhook("hook"), box.open(webhook("hook")));
        assertFalse(SecretBox.sealed(webhook("hook")));
        assertTrue(SecretBox.sealed(box.seal(webhook("hook"))));
        assertThrows(IllegalArgumentException.class, () -> new SecretBox(new byte[16]));
        assertThrows(IllegalArgumentException.class, () -> SecretBox.ofBase64("REPLACE_WITH_A_KEY"));
        SecretBox fromText = SecretBox.ofBase64(" " + Base64.getEncoder().encodeToString(KEY) + "\n");
        assertEquals("x", fromText.decrypt(box.encrypt("x", "n"), "n"));
    }
}
