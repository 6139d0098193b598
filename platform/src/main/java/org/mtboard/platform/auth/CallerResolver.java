package org.mtboard.platform.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.mtboard.platform.api.ApiError;
import org.mtboard.platform.store.TokenRecord;

/** Turns an Authorization header into a {@link Caller}; a present but bad token is a 401, never ignored. */
@ApplicationScoped
public class CallerResolver {
    @Inject
    Tokens tokens;

    @Transactional
    public Caller resolve(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Caller.ANONYMOUS;
        }
        if (!authorization.startsWith("Bearer ")) {
            throw ApiError.unauthorized("Authorization must be 'Bearer <token>'");
        }
        TokenRecord t = tokens.find(authorization.substring("Bearer ".length()).trim());
        if (t == null) {
            throw ApiError.unauthorized("unknown or revoked token");
        }
        t.lastUsedAt = Instant.now();
        return new Caller(t.team.id, t.team.name, t.team.admin, t.id);
    }

    public Caller require(String authorization) {
        Caller c = resolve(authorization);
        if (!c.authenticated()) {
            throw ApiError.unauthorized("this needs a token: send 'Authorization: Bearer <token>'");
        }
        return c;
    }

    public Caller requireAdmin(String authorization) {
        Caller c = require(authorization);
        if (!c.admin()) {
            throw ApiError.forbidden("this needs an admin token");
        }
        return c;
    }
}
