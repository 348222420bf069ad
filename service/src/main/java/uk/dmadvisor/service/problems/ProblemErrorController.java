package uk.dmadvisor.service.problems;

import java.net.URI;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.RequestDispatcher;
import uk.dmadvisor.service.models.RequestIds;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Replaces Spring Boot's default error page, which would answer errors raised outside Spring MVC (in the
 * servlet container or a filter) with its own JSON shape, so they too leave as problem details.
 */
@RestController
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null
                ? HttpStatus.valueOf(i) : HttpStatus.INTERNAL_SERVER_ERROR;
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        ProblemDetail problem;
        if (status.is5xxServerError()) {
            String correlationId = UUID.randomUUID().toString();
            log.error("Request to {} failed outside the controllers [correlationId={}]", path,
                    correlationId, (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
            problem = ProblemHandler.internalError(correlationId, "The request could not be completed.");
        } else {
            problem = ProblemDetail.forStatus(status);
            problem.setType(RequestProblems.typeFor(status));
            problem.setTitle(status.getReasonPhrase());
        }
        if (path != null) {
            problem.setInstance(URI.create(path.toString()));
        }
        problem.setProperty("requestId", RequestIds.of(request));
        return ResponseEntity.status(status).body(problem);
    }
}
