package org.loyalty.kit.security;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.loyalty.kit.rest.ProblemMappers;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * 401, 403 and 429 as RFC 9457 problems. Authentication is lazy
 * ({@code quarkus.http.auth.proactive=false}) so that its failures reach these mappers
 * instead of ending as an empty response in the HTTP layer.
 */
public class SecurityProblemMappers {

    private static final String BEARER = "Bearer realm=\"loyalty\"";

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated("A bearer token is required", uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        // Never echo why the token failed (expired, wrong issuer, bad signature): that helps an attacker.
        return unauthenticated("The bearer token is not valid", uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return ProblemMappers.problemResponse(403, "Forbidden", "The token's roles do not allow this request", uri, null).build();
    }

    @ServerExceptionMapper
    public Response rateLimited(RateLimitExceeded e, UriInfo uri) {
        return ProblemMappers.problemResponse(429, e.title(), e.getMessage(), uri, null)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds())).build();
    }

    private static Response unauthenticated(String detail, UriInfo uri) {
        return ProblemMappers.problemResponse(401, "Unauthorized", detail, uri, null)
                .header(HttpHeaders.WWW_AUTHENTICATE, BEARER).build();
    }
}
