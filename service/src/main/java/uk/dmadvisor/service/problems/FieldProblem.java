package uk.dmadvisor.service.problems;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One offending field in a problem response: where it is, what is wrong, and what would be accepted. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldProblem(String field, String message, String ruleId, List<String> acceptedValues) {

    public static FieldProblem of(String field, String message) {
        return new FieldProblem(field, message, null, null);
    }
}
