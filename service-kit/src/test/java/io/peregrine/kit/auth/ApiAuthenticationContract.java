package io.peregrine.kit.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.restassured.RestAssured.given;

/**
 * Who may call a service's API: a valid bearer token with a role, and no one on an endpoint
 * without one. Each service's {@code @QuarkusTest} subclass names an endpoint that a viewer may
 * read; the service's tests hold an {@code /api/v1/unannotated} resource without a role.
 */
public abstract class ApiAuthenticationContract {

    /** A GET endpoint of the service that a valid viewer token may read. */
    protected abstract String path();

    @Test
    public void aValidTokenIsAccepted() {
        given().auth().oauth2(HostileTokens.valid()).get(path()).then().statusCode(200);
    }

    @Test
    public void noTokenIsRefused() {
        given().get(path()).then().statusCode(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"expired", "alg-none", "foreign-key"})
    public void hostileTokensAreRefused(String kind) {
        String token = switch (kind) {
            case "expired" -> HostileTokens.expired();
            case "alg-none" -> HostileTokens.algNone();
            default -> HostileTokens.foreignKey();
        };
        given().auth().oauth2(token).get(path()).then().statusCode(401);
    }

    @Test
    public void anEndpointWithoutARoleIsDeniedEvenWithAValidToken() {
        given().get("/api/v1/unannotated").then().statusCode(401);
        given().auth().oauth2(HostileTokens.valid()).get("/api/v1/unannotated").then().statusCode(403);
    }
}
