package io.switchboard.sandbox.graph;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Any Graph request the sandbox does not emulate yet: HTTP 501 in Graph's error shape. */
@RestController
class GraphNotEmulated {

    @RequestMapping({"/v1.0/**", "/beta/**"})
    ResponseEntity<GraphError> notEmulated(HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_IMPLEMENTED).body(GraphError.of("NotImplemented",
                request.getMethod() + " " + request.getRequestURI() + " is not emulated by the provider sandbox"));
    }
}
