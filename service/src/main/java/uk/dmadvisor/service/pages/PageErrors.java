package uk.dmadvisor.service.pages;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

import uk.dmadvisor.dmn.ModelEvaluationException;

/**
 * Errors on the pages answer as pages (the API keeps its problem details): what went wrong in words, and for a
 * failure of the service a correlation id that is also logged.
 */
@ControllerAdvice(basePackageClasses = PageErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    @ExceptionHandler(ResponseStatusException.class)
    ModelAndView status(ResponseStatusException e) {
        HttpStatus status = HttpStatus.valueOf(e.getStatusCode().value());
        return page(status, status == HttpStatus.NOT_FOUND ? "Page not found" : "This cannot be done", e.getReason(), null);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView failure(Exception e) {
        String correlationId = UUID.randomUUID().toString();
        if (e instanceof ModelEvaluationException evaluation) {
            log.error("Decision model evaluation failed on a page [correlationId={}]: {}", correlationId, evaluation.messages());
        } else {
            log.error("Page failed [correlationId={}]", correlationId, e);
        }
        return page(HttpStatus.INTERNAL_SERVER_ERROR, "Sorry, there is a problem with the service",
                "The page could not be completed. Your answers were not stored; go back to try again.", correlationId);
    }

    private static ModelAndView page(HttpStatus status, String title, String detail, String correlationId) {
        ModelAndView view = new ModelAndView("error-page");
        view.setStatus(status);
        view.addObject("title", title);
        view.addObject("detail", detail);
        view.addObject("correlationId", correlationId);
        view.addObject("current", "");
        return view;
    }
}
