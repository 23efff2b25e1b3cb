package io.switchboard.sandbox.gmail;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns a {@link GmailApiException} into Google's JSON error; a 401 also says how to authenticate, as Google does. */
@RestControllerAdvice(basePackageClasses = GmailErrorAdvice.class)
class GmailErrorAdvice {

    @ExceptionHandler(GmailApiException.class)
    ResponseEntity<GoogleError> gmailError(GmailApiException e) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON);
        if (e.status().value() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\"");
        }
        return response.body(e.body());
    }
}
