package io.peregrine.notify;

import io.peregrine.kit.auth.ApiAuthenticationContract;
import io.quarkus.test.junit.QuarkusTest;

/** Who may call notify-svc's API: a valid bearer token with a role, and no one on an endpoint without one. */
@QuarkusTest
class ApiAuthenticationTest extends ApiAuthenticationContract {

    @Override
    protected String path() {
        return "/api/v1/outputs";
    }
}
