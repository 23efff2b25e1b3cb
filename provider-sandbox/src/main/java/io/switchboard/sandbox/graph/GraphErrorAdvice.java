package io.switchboard.sandbox.graph;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Answers a {@link GraphApiException} in Graph's error shape; a 401 carries Graph's {@code WWW-Authenticate} challenge. */
@RestControllerAdvice(basePackageClasses = GraphErrorAdvice.class)
class GraphErrorAdvice {

    private static final String CHALLENGE = "Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/common/"
            + "oauth2/authorize\", client_id=\"00000003-0000-0000-c000-000000000000\"";

    @ExceptionHandler(GraphApiException.class)
    ResponseEntity<GraphError> graphError(GraphApiException e, HttpServletRequest request) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON);
        if (e.status() == HttpStatus.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        }
        return response.body(GraphError.of(e.code(), e.getMessage(), request.getHeader("client-request-id")));
    }
}
