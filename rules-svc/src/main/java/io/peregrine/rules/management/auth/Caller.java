package io.peregrine.rules.management.auth;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** Who makes the current request, as recorded in the audit log (the token's upn or subject). */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    public String name() {
        if (identity == null || identity.isAnonymous() || identity.getPrincipal() == null) {
            return "anonymous";
        }
        String n = identity.getPrincipal().getName();
        return n == null || n.isBlank() ? "unnamed" : n;
    }
}
