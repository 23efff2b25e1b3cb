package io.switchboard.sandbox.identity;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Any identity-platform request the sandbox does not emulate (device code, logout, …): HTTP 501 in the OAuth error shape. */
@RestController
class IdentityNotEmulated {

    @RequestMapping("/{tenant}/oauth2/v2.0/**")
    ResponseEntity<OAuthError> notEmulated(HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_IMPLEMENTED).body(OAuthError.of("invalid_request",
                request.getMethod() + " " + request.getRequestURI() + " is not emulated by the provider sandbox"));
    }
}
