package io.switchboard.sandbox.identity;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns an {@link OAuthException} into the platform's JSON error, with the client's correlation id. */
@RestControllerAdvice(basePackageClasses = IdentityErrorAdvice.class)
class IdentityErrorAdvice {

    @ExceptionHandler(OAuthException.class)
    ResponseEntity<OAuthError> oauthError(OAuthException e, HttpServletRequest request) {
        return ResponseEntity.status(e.status())
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.APPLICATION_JSON)
                .body(OAuthError.aadsts(e.error(), e.code(), e.getMessage(), request.getHeader("client-request-id")));
    }
}
