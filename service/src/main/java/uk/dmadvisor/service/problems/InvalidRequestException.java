package uk.dmadvisor.service.problems;

import java.util.List;

import org.springframework.http.HttpStatus;

/** A request the service cannot assess, with the fields at fault: 400 if malformed, 422 if it makes no sense. */
public class InvalidRequestException extends RuntimeException {

    private final HttpStatus status;
    private final transient List<FieldProblem> errors;

    public InvalidRequestException(HttpStatus status, List<FieldProblem> errors) {
        super(status.value() + " " + errors);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public HttpStatus status() {
        return status;
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
