package io.peregrine.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;

/**
 * A key pair made for this run and bearer tokens signed with it (RS256, issuer {@code peregrine},
 * roles in {@code groups}), as the services verify them (docs/api.md, "Authentication").
 */
final class TokenIssuer {

    private final KeyPair keys;
    final Path publicKeyPem;

    TokenIssuer(Path dir) throws GeneralSecurityException, IOException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        keys = g.generateKeyPair();
        publicKeyPem = dir.resolve("public.pem");
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPublic().getEncoded());
        Files.writeString(publicKeyPem, "-----BEGIN PUBLIC KEY-----\n" + b64 + "\n-----END PUBLIC KEY-----\n");
    }

    /** A token for the user {@code e2e} with every role, valid for an hour. */
    String adminToken() {
        return token("e2e", "admin", "editor", "viewer");
    }

    /** A token for {@code user} with exactly these roles, valid for an hour. */
    String token(String user, String... roles) {
        long now = System.currentTimeMillis() / 1000;
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String groups = java.util.Arrays.stream(roles).map(r -> "\"" + r + "\"")
                .collect(java.util.stream.Collectors.joining(","));
        String payload = "{\"iss\":\"peregrine\",\"sub\":\"" + user + "\",\"upn\":\"" + user + "\",\"groups\":["
                + groups + "],\"iat\":" + now + ",\"exp\":" + (now + 3600) + "}";
        Base64.Encoder b = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(keys.getPrivate());
            s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b.encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
