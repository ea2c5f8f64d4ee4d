package io.peregrine.state;

import io.peregrine.kit.auth.HostileTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.restassured.RestAssured.given;

/** Who may call state-svc's API: a valid bearer token with a role, and no one on an endpoint without one. */
@QuarkusTest
class ApiAuthenticationTest {

    private static final String PATH = "/api/v1/state";

    @Test
    void aValidTokenIsAccepted() {
        given().auth().oauth2(HostileTokens.valid()).get(PATH).then().statusCode(200);
    }

    @Test
    void noTokenIsRefused() {
        given().get(PATH).then().statusCode(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"expired", "alg-none", "foreign-key"})
    void hostileTokensAreRefused(String kind) {
        String token = switch (kind) {
            case "expired" -> HostileTokens.expired();
            case "alg-none" -> HostileTokens.algNone();
            default -> HostileTokens.foreignKey();
        };
        given().auth().oauth2(token).get(PATH).then().statusCode(401);
    }

    @Test
    void anEndpointWithoutARoleIsDeniedEvenWithAValidToken() {
        given().get("/api/v1/unannotated").then().statusCode(401);
        given().auth().oauth2(HostileTokens.valid()).get("/api/v1/unannotated").then().statusCode(403);
    }
}
