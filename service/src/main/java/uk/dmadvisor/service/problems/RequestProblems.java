package uk.dmadvisor.service.problems;

import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * The one place that decides how a bad request is reported: which status (400 or 422), which problem type, and
 * how each offending field is described. Used by the HTTP error handler and by the in-process test runner alike.
 */
public final class RequestProblems {

    public static final String TYPE_BASE = "https://dmadvisor.uk/problems/";
    /** The field named when the body as a whole is at fault: missing, not JSON, beyond the parser's limits. */
    public static final String BODY = "(body)";
    /** Violations of these constraints mean the request is incomplete rather than meaningless: 400, not 422. */
    private static final Set<String> MALFORMED_CONSTRAINTS = Set.of("NotNull", "NotEmpty", "NotBlank");

    private RequestProblems() {
    }

    public record Violation(String field, String constraint, String message) {
    }

    /**
     * Reads a request body as the API's message converter does and validates it as the API does: what cannot be
     * read is described as an unreadable body, constraint violations field by field.
     */
    public static <T> T readValid(ObjectMapper json, Validator validator, byte[] body, Class<T> type) {
        T request;
        try {
            request = json.readValue(body, type);
        } catch (IOException e) {
            throw fromUnreadableBody(e);
        }
        if (request == null) {
            throw fromUnreadableBody(null);
        }
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw fromViolations(violations.stream()
                    .map(v -> new Violation(v.getPropertyPath().toString(),
                            v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(), v.getMessage()))
                    .toList());
        }
        return request;
    }

    /** Classifies bean-validation violations: any missing field makes the whole request malformed (400). */
    public static InvalidRequestException fromViolations(Collection<Violation> violations) {
        boolean malformed = violations.stream().anyMatch(v -> MALFORMED_CONSTRAINTS.contains(v.constraint()));
        List<FieldProblem> errors = violations.stream()
                .sorted(java.util.Comparator.comparing(Violation::field))
                .map(v -> FieldProblem.of(v.field(), MALFORMED_CONSTRAINTS.contains(v.constraint())
                        ? "is required" : v.message()))
                .toList();
        return new InvalidRequestException(malformed ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_ENTITY, errors);
    }

    /** A query parameter whose value does not convert to its type; for an enum, the accepted values are listed. */
    public static InvalidRequestException fromParameter(String name, Object value, Class<?> type) {
        FieldProblem problem = type != null && type.isEnum()
                ? unknownEnumValue(name, String.valueOf(value), type)
                : FieldProblem.of(name, "must be " + (type == null ? "a valid value" : describe(type)));
        return new InvalidRequestException(HttpStatus.BAD_REQUEST, List.of(problem));
    }

    /** Describes a body Jackson could not read: malformed JSON, a wrong type, an unknown enum value or field. */
    public static InvalidRequestException fromUnreadableBody(Throwable failure) {
        Throwable cause = failure;
        while (cause != null && !(cause instanceof com.fasterxml.jackson.core.JsonProcessingException)) {
            cause = cause.getCause();
        }
        FieldProblem problem;
        if (cause instanceof UnrecognizedPropertyException unknown) {
            problem = new FieldProblem(path(unknown), "is not a field of this request", null,
                    unknown.getKnownPropertyIds().stream().map(Object::toString).sorted().toList());
        } else if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            problem = unknownEnumValue(path(invalid), String.valueOf(invalid.getValue()), invalid.getTargetType());
        } else if (cause instanceof ValueInstantiationException instantiation && instantiation.getType() != null
                && instantiation.getType().isEnumType()) {
            problem = unknownEnumValue(path(instantiation), rejectedValue(instantiation),
                    instantiation.getType().getRawClass());
        } else if (cause instanceof InvalidFormatException outOfRange && outOfRange.getTargetType() == Double.class) {
            problem = FieldProblem.of(orBody(path(outOfRange)), "is out of range: a finite number is required");
        } else if (cause instanceof InvalidNullException invalidNull) {
            problem = FieldProblem.of(orBody(path(invalidNull)), "must not be null");
        } else if (cause instanceof MismatchedInputException mismatch) {
            problem = FieldProblem.of(orBody(path(mismatch)), mismatch.getTargetType() == null ? "has the wrong type"
                    : "must be " + describe(mismatch.getTargetType()));
        } else if (cause instanceof JsonParseException parse) {
            problem = FieldProblem.of(BODY, "malformed JSON at line " + parse.getLocation().getLineNr()
                    + ", column " + parse.getLocation().getColumnNr() + ": " + syntaxError(parse.getOriginalMessage()));
        } else if (cause instanceof StreamConstraintsException) {
            problem = FieldProblem.of(BODY, "the JSON goes beyond the limits on nesting depth, number length or"
                    + " string length");
        } else if (cause instanceof JsonMappingException mapping) {
            problem = FieldProblem.of(orBody(path(mapping)), "cannot be read as the contract describes it");
        } else {
            problem = FieldProblem.of(BODY, "the request body is missing or is not JSON");
        }
        return new InvalidRequestException(HttpStatus.BAD_REQUEST, List.of(problem));
    }

    /**
     * The kind of syntax error, in our words: the parser's own message is not passed on, since parser messages may
     * name internal types.
     */
    private static String syntaxError(String parserMessage) {
        String message = Objects.toString(parserMessage, "");
        if (message.startsWith("Unexpected end-of-input")) {
            return "the JSON ends before it is complete";
        }
        if (message.contains("UTF-8") || message.contains("UTF8")) {
            return "the body is not valid UTF-8";
        }
        if (message.startsWith("Illegal unquoted character")) {
            return "a control character inside a string must be escaped";
        }
        if (message.startsWith("Unrecognized token") || message.startsWith("Unexpected character")) {
            return "unexpected character or token";
        }
        if (message.contains("out of range")) {
            return "a number is out of range";
        }
        if (message.startsWith("Duplicate field")) {
            return "a field appears twice in the same object";
        }
        return "not valid JSON";
    }

    private static String orBody(String path) {
        return path == null ? BODY : path;
    }

    /** A problem type for a status Spring itself reports (404, 405, 415, ...), named after the status. */
    public static URI typeFor(org.springframework.http.HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        String slug = known == null ? "error-" + status.value()
                : known.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return URI.create(TYPE_BASE + slug);
    }

    public static ProblemDetail toProblem(InvalidRequestException e) {
        boolean malformed = e.status() == HttpStatus.BAD_REQUEST;
        ProblemDetail problem = ProblemDetail.forStatus(e.status());
        problem.setType(URI.create(TYPE_BASE + (malformed ? "invalid-request" : "unprocessable-request")));
        problem.setTitle(malformed ? "Invalid request" : "Request cannot be assessed");
        problem.setDetail(String.join("; ", e.errors().stream()
                .map(f -> f.field() == null ? f.message() : f.field() + ": " + f.message()).toList()));
        problem.setProperty("errors", e.errors());
        return problem;
    }

    private static FieldProblem unknownEnumValue(String field, String value, Class<?> enumType) {
        List<String> accepted = Arrays.stream(enumType.getEnumConstants()).map(Object::toString).toList();
        return new FieldProblem(field, "unknown value \"" + value + "\"", null, accepted);
    }

    private static String rejectedValue(ValueInstantiationException e) {
        String message = e.getCause() == null ? "" : Objects.toString(e.getCause().getMessage(), "");
        int start = message.indexOf('\'');
        int end = message.lastIndexOf('\'');
        return start >= 0 && end > start ? message.substring(start + 1, end) : message;
    }

    private static String describe(Class<?> type) {
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }
}
