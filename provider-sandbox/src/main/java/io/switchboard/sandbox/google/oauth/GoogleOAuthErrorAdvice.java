package io.switchboard.sandbox.google.oauth;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns a {@link GoogleOAuthException} into Google's OAuth JSON error. */
@RestControllerAdvice(basePackageClasses = GoogleOAuthErrorAdvice.class)
class GoogleOAuthErrorAdvice {

    @ExceptionHandler(GoogleOAuthException.class)
    ResponseEntity<GoogleOAuthError> oauthError(GoogleOAuthException e) {
        return ResponseEntity.status(e.status())
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.APPLICATION_JSON)
                .body(GoogleOAuthError.of(e.error(), e.getMessage()));
    }
}
