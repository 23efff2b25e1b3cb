package io.switchboard.platform.web;

import java.util.List;

/**
 * A request that breaks a domain rule the annotations cannot express; answered 400 with the fields
 * at fault.
 */
public class InvalidRequestException extends RuntimeException {

    private final List<ProblemDetailsAdvice.FieldProblem> errors;

    public InvalidRequestException(String detail, List<ProblemDetailsAdvice.FieldProblem> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    public static InvalidRequestException field(String field, String message) {
        return new InvalidRequestException("The request has invalid fields.",
                List.of(new ProblemDetailsAdvice.FieldProblem(field, message)));
    }

    public List<ProblemDetailsAdvice.FieldProblem> errors() {
        return errors;
    }
}
