package io.switchboard.workflow.tasks.web;

import java.net.URI;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.switchboard.platform.correlation.Correlation;
import io.switchboard.workflow.tasks.CredentialVault;
import io.switchboard.workflow.tasks.UploadRefusedException;

/** Problem+json for refused uploads (413/415/400) and an unreachable credential vault (503). */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class TaskProblems {

    @ExceptionHandler(UploadRefusedException.class)
    ResponseEntity<ProblemDetail> uploadRefused(UploadRefusedException refused) {
        return problem(refused.status(), refused.getMessage(), "upload-refused");
    }

    @ExceptionHandler(CredentialVault.Unavailable.class)
    ResponseEntity<ProblemDetail> vaultUnavailable(CredentialVault.Unavailable unavailable) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE,
                "The credential vault is not available; nothing was stored. Try again shortly.", "vault-unavailable");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, String type) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://switchboard.io/problems/" + type));
        problem.setProperty("correlationId", Correlation.correlationId());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
