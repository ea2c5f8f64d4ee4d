package io.peregrine.notify.config;

import io.peregrine.notify.output.OutputSpec;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Encrypts the secret fields of an output declaration for storage (AES-256-GCM, a random 96-bit
 * nonce per value, the output's name as associated data so a value copied to another output does
 * not open). A sealed value reads {@code enc:v1:<base64 of nonce and ciphertext>}; a value without
 * that prefix is plain text stored before a key was configured, and is read as it is (and sealed
 * the next time the output is written).
 */
public final class SecretBox {

    static final String PREFIX = "enc:v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    /** @param key 32 bytes */
    public SecretBox(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the output secrets key must be 32 bytes (base64: 44 characters), got "
                    + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** The key as configured: base64 of 32 bytes, surrounding white space ignored. */
    public static SecretBox ofBase64(String text) {
        byte[] k;
        try {
            k = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the output secrets key is not base64");
        }
        return new SecretBox(k);
    }

    public OutputSpec seal(OutputSpec s) {
        return map(s, v -> v == null || v.startsWith(PREFIX) ? v : encrypt(v, s.name()));
    }

    /** @throws IllegalStateException when a value does not open with this key (wrong key, altered value) */
    public OutputSpec open(OutputSpec s) {
        return map(s, v -> v == null || !v.startsWith(PREFIX) ? v : decrypt(v, s.name()));
    }

    /** Whether a stored declaration holds any sealed value (which needs a key to be read). */
    public static boolean sealed(OutputSpec s) {
        boolean[] found = new boolean[1];
        map(s, v -> {
            if (v != null && v.startsWith(PREFIX)) {
                found[0] = true;
            }
            return v;
        });
        return found[0];
    }

    String encrypt(String plain, String name) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(name.getBytes(StandardCharsets.UTF_8));
            byte[] ct = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + ct.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(ct, 0, out, nonce.length, ct.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    String decrypt(String sealed, String name) {
        byte[] in;
        try {
            in = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("a stored secret of output " + name + " is damaged");
        }
        if (in.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalStateException("a stored secret of output " + name + " is damaged");
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            c.updateAAD(name.getBytes(StandardCharsets.UTF_8));
            return new String(c.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("a stored secret of output " + name
                    + " does not open with the configured key (another key, or the value was altered)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    private static OutputSpec map(OutputSpec s, java.util.function.UnaryOperator<String> f) {
        boolean slack = "slack".equalsIgnoreCase(s.type() == null ? "" : s.type().toLowerCase(Locale.ROOT));
        Map<String, String> headers = null;
        if (s.headers() != null) {
            headers = new TreeMap<>();
            for (Map.Entry<String, String> e : s.headers().entrySet()) {
                headers.put(e.getKey(), f.apply(e.getValue()));
            }
        }
        OutputSpec.Tls tls = s.tls() == null ? null : new OutputSpec.Tls(s.tls().keystore(),
                f.apply(s.tls().keystorePassword()), s.tls().truststore(), f.apply(s.tls().truststorePassword()));
        return new OutputSpec(s.name(), s.type(), s.enabled(), s.minPriority(), s.includeRules(), s.excludeRules(),
                s.includeTags(), s.excludeTags(), s.template(), s.aggregation(), slack ? f.apply(s.url()) : s.url(),
                headers, f.apply(s.secret()), s.timeoutMillis(), tls, s.subject(), s.path(), s.maxBytes(), s.maxFiles());
    }
}
