package io.switchboard.platform.security;

import java.util.Objects;
import java.util.UUID;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling and for which practice, taken from the validated token. Every query of practice
 * data is scoped by {@link #practiceId()} (see {@link TenantJdbc}).
 *
 * @param practiceId the tenant
 * @param userId     the staff or portal user ({@code sub})
 * @param role       what they may do
 * @param email      the user's email as the identity provider knows it
 */
public record Tenant(UUID practiceId, UUID userId, Role role, String email) {

    public static final String PRACTICE_CLAIM = "practice_id";
    public static final String ROLE_CLAIM = "role";
    public static final String EMAIL_CLAIM = "email";

    public Tenant {
        Objects.requireNonNull(practiceId, "practiceId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
    }

    /** The tenant of the current request; fails when the caller is not a practice user. */
    public static Tenant current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            Tenant tenant = fromJwt(token.getToken());
            if (tenant != null) {
                return tenant;
            }
        }
        throw new AuthenticationCredentialsNotFoundException("no practice user is authenticated");
    }

    /** The tenant a token speaks for, or {@code null} for a token without one (a service's own token). */
    public static Tenant fromJwt(Jwt jwt) {
        String practice = jwt.getClaimAsString(PRACTICE_CLAIM);
        String role = jwt.getClaimAsString(ROLE_CLAIM);
        if (practice == null || role == null || jwt.getSubject() == null) {
            return null;
        }
        try {
            return new Tenant(UUID.fromString(practice), UUID.fromString(jwt.getSubject()), Role.valueOf(role),
                    jwt.getClaimAsString(EMAIL_CLAIM));
        } catch (IllegalArgumentException malformed) {
            // A signed token with claims we cannot read grants nothing rather than failing the request.
            return null;
        }
    }

    public boolean isAdmin() {
        return role == Role.PRACTICE_ADMIN;
    }
}
