package io.switchboard.sandbox.slack;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Any Slack method the sandbox does not emulate yet: HTTP 501 in Slack's error shape, so a client sees a
 * clear failure and the recording shows which method it needed.
 */
@RestController
class SlackNotEmulated {

    private static final String PREFIX = "/api/";

    @RequestMapping("/api/**")
    ResponseEntity<SlackErrorResponse> notEmulated(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String method = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : path;
        return ResponseEntity.status(HttpStatus.NOT_IMPLEMENTED)
                .body(new SlackErrorResponse(false, "not_emulated_by_sandbox", method));
    }
}
