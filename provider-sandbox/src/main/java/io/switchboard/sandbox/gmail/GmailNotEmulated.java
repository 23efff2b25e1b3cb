package io.switchboard.sandbox.gmail;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Any Gmail request the sandbox does not emulate (labels, threads, drafts, watch, uploads…): HTTP 501 in Google's error shape. */
@RestController
class GmailNotEmulated {

    @RequestMapping({"/gmail/v1/**", "/upload/gmail/v1/**"})
    ResponseEntity<GoogleError> notEmulated(HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_IMPLEMENTED).body(GoogleError.of(501, "UNIMPLEMENTED",
                "notImplemented",
                request.getMethod() + " " + request.getRequestURI() + " is not emulated by the provider sandbox"));
    }
}
