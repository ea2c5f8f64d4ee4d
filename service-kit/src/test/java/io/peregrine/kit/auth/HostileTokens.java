package io.peregrine.kit.auth;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

/**
 * Bearer tokens every service must answer with 401, and one it must accept, built with the JDK
 * alone so that nothing in a JWT library can smooth them over. The service's test key is read from
 * {@code jwt/private.pem} on the test class path; all tokens claim every role.
 */
public final class HostileTokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private HostileTokens() {
    }

    /** Signed with the service's own key, valid for an hour: the control. */
    public static String valid() {
        long now = Instant.now().getEpochSecond();
        return rs256(testKey(), claims(now - 60, now + 3600));
    }

    /** Signed with the service's own key, expired two hours ago (well beyond any clock skew). */
    public static String expired() {
        long now = Instant.now().getEpochSecond();
        return rs256(testKey(), claims(now - 3 * 3600, now - 2 * 3600));
    }

    /** {@code alg: none}, no signature: anyone can write it. */
    public static String algNone() {
        long now = Instant.now().getEpochSecond();
        return b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(claims(now - 60, now + 3600)) + ".";
    }

    /** Well formed and signed, but with a key pair the service has never seen. */
    public static String foreignKey() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            long now = Instant.now().getEpochSecond();
            return rs256(g.generateKeyPair().getPrivate(), claims(now - 60, now + 3600));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String claims(long iat, long exp) {
        return "{\"iss\":\"peregrine\",\"upn\":\"tester\",\"groups\":[\"viewer\",\"editor\",\"admin\"],\"iat\":" + iat
                + ",\"exp\":" + exp + "}";
    }

    private static String rs256(PrivateKey key, String claims) {
        try {
            String signed = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + b64(claims);
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + B64.encodeToString(s.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey testKey() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("jwt/private.pem")) {
            if (in == null) {
                throw new IllegalStateException("jwt/private.pem is not on the test class path");
            }
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String s) {
        return B64.encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
