package uk.dmadvisor.service.problems;

import java.net.URI;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import uk.dmadvisor.dmn.ModelEvaluationException;
import uk.dmadvisor.service.models.RequestIds;

/**
 * Every error leaves as RFC 9457 problem details. Client mistakes get 4xx naming the field; anything else is a
 * 500 with a correlation id that is also logged, and never a stack trace.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        InvalidRequestException invalid = RequestProblems.fromViolations(ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new RequestProblems.Violation(e.getField(), e.getCode(), e.getDefaultMessage()))
                .toList());
        return problem(RequestProblems.toProblem(invalid));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException argument ? argument.getName() : ex.getPropertyName();
        return problem(RequestProblems.toProblem(RequestProblems.fromParameter(name, ex.getValue(), ex.getRequiredType())));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        PayloadTooLargeException tooLarge = causeOfType(ex, PayloadTooLargeException.class);
        if (tooLarge != null) {
            return problem(PayloadLimit.problem(tooLarge));
        }
        return problem(RequestProblems.toProblem(RequestProblems.fromUnreadableBody(ex)));
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<Object> invalidRequest(InvalidRequestException ex) {
        return problem(RequestProblems.toProblem(ex));
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<Object> payloadTooLarge(PayloadTooLargeException ex) {
        return problem(PayloadLimit.problem(ex));
    }

    @ExceptionHandler(ModelEvaluationException.class)
    ResponseEntity<Object> evaluationFailed(ModelEvaluationException ex) {
        String correlationId = UUID.randomUUID().toString();
        log.error("Decision model evaluation failed [correlationId={}]: {}", correlationId, ex.messages());
        return problem(internalError(correlationId, "The decision models could not evaluate this request."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        String correlationId = UUID.randomUUID().toString();
        log.error("Unexpected failure [correlationId={}]", correlationId, ex);
        return problem(internalError(correlationId, "The request could not be completed."));
    }

    static ProblemDetail internalError(String correlationId, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                detail + " Quote the correlation id when reporting it.");
        problem.setType(URI.create(RequestProblems.TYPE_BASE + "internal-error"));
        problem.setTitle("Internal error");
        problem.setProperty("correlationId", correlationId);
        return problem;
    }

    private static ResponseEntity<Object> problem(ProblemDetail problem) {
        problem.setProperty("requestId", RequestIds.current());
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    /** Problems Spring MVC builds itself (404, 405, 415, ...) carry the request id too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            if (URI.create("about:blank").equals(problem.getType())) {
                problem.setType(RequestProblems.typeFor(statusCode));
            }
            problem.setProperty("requestId", RequestIds.current());
        }
        return response;
    }

    private static <T extends Throwable> T causeOfType(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
