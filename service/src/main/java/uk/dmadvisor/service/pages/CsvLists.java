package uk.dmadvisor.service.pages;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.dmadvisor.api.model.Question;
import uk.dmadvisor.api.model.QuestionOption;
import uk.dmadvisor.api.model.QuestionTopic;

/**
 * The CSV form of a repeated topic (a change log, a site list): one row per item, one column per question, named
 * by the question's id. Lists go in one cell, separated by semicolons; yes/no answers read true/false or yes/no;
 * a choice may be given by its value or its label, in any case. Import errors name the row and the column.
 */
final class CsvLists {

    static final String LIST_SEPARATOR = ";";

    private CsvLists() {
    }

    record ImportError(int row, String column, String message) {

        String text() {
            return (row > 0 ? "Row " + row : "Header") + (column == null ? "" : ", column " + column) + ": " + message;
        }
    }

    record Imported(ArrayNode items, List<ImportError> errors) {
    }

    static List<String> columns(QuestionTopic topic) {
        return topic.getQuestions().stream().map(Question::getId).toList();
    }

    static String template(QuestionTopic topic) {
        return write(columns(topic), List.of());
    }

    /** Reads a CSV of the topic's items. Options from other lists (site ids) are checked when the request is. */
    static Imported read(QuestionTopic topic, Reader csv) {
        List<ImportError> errors = new ArrayList<>();
        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).setAllowMissingColumnNames(true).get();
        try (CSVParser parser = CSVParser.parse(csv, format)) {
            List<String> header = parser.getHeaderNames();
            List<String> known = columns(topic);
            for (String column : header) {
                if (!column.isBlank() && !known.contains(column.strip())) {
                    errors.add(new ImportError(0, column, "is not a question of " + topic.getTitle().toLowerCase(Locale.ROOT)
                            + "; the columns are " + String.join(", ", known)));
                }
            }
            for (Question q : topic.getQuestions()) {
                if (Boolean.TRUE.equals(q.getRequired()) && q.getAskedWhen().isEmpty() && !header.contains(q.getId())) {
                    errors.add(new ImportError(0, q.getId(), "is missing; every row must answer it (" + q.getText() + ")"));
                }
            }
            if (!errors.isEmpty()) {
                return new Imported(items, errors);
            }
            for (CSVRecord record : parser) {
                int row = (int) record.getRecordNumber() + 1;
                if (!record.isConsistent()) {
                    errors.add(new ImportError(row, null, "has " + record.size() + " cells, the header " + header.size()));
                    continue;
                }
                ObjectNode item = items.addObject();
                for (Question q : topic.getQuestions()) {
                    if (!record.isMapped(q.getId())) {
                        continue;
                    }
                    String cell = record.get(q.getId());
                    if (cell == null || cell.isBlank()) {
                        continue;
                    }
                    JsonNode value = cellValue(q, cell, row, errors);
                    if (value != null) {
                        JsonPaths.set(item, q.getField(), value);
                    }
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            errors.add(new ImportError(0, null, "the file is not readable as CSV: " + e.getMessage()));
        }
        return new Imported(items, errors);
    }

    private static JsonNode cellValue(Question q, String cell, int row, List<ImportError> errors) {
        List<String> raw = q.getType() == Question.TypeEnum.MULTI_CHOICE
                ? Arrays.stream(cell.split(LIST_SEPARATOR)).map(String::strip).filter(s -> !s.isEmpty()).toList()
                : List.of(cell.strip());
        List<String> values = new ArrayList<>();
        for (String value : raw) {
            String canonical = canonical(q, value);
            if (canonical == null) {
                errors.add(new ImportError(row, q.getId(), "\"" + value + "\" is not an answer to \"" + q.getText()
                        + "\"; accepted: " + accepted(q)));
                return null;
            }
            values.add(canonical);
        }
        JsonNode value = QuestionForm.value(q, values);
        if ((q.getType() == Question.TypeEnum.NUMBER || q.getType() == Question.TypeEnum.INTEGER) && value != null
                && !value.isNumber()) {
            errors.add(new ImportError(row, q.getId(), "\"" + cell + "\" is not a number"));
            return null;
        }
        if (q.getMaxLength() != null && value != null && value.isTextual() && value.asText().length() > q.getMaxLength()) {
            errors.add(new ImportError(row, q.getId(), "is longer than " + q.getMaxLength() + " characters"));
            return null;
        }
        return value;
    }

    /** The option value a cell means: the value or label in any case; yes/no for booleans. Null if none. */
    private static String canonical(Question q, String cell) {
        String lower = cell.toLowerCase(Locale.ROOT);
        switch (q.getType()) {
            case BOOLEAN:
                return Map.of("true", "true", "yes", "true", "y", "true", "false", "false", "no", "false", "n", "false")
                        .get(lower);
            case CHOICE:
            case YES_NO_UNKNOWN:
            case MULTI_CHOICE:
                if (q.getOptions() == null || q.getOptions().isEmpty()) {
                    return cell;
                }
                for (QuestionOption option : q.getOptions()) {
                    if (option.getValue().equalsIgnoreCase(cell) || option.getLabel().equalsIgnoreCase(cell)) {
                        return option.getValue();
                    }
                }
                return null;
            default:
                return cell;
        }
    }

    private static String accepted(Question q) {
        if (q.getType() == Question.TypeEnum.BOOLEAN) {
            return "yes, no, true, false";
        }
        return String.join(", ", q.getOptions().stream().map(QuestionOption::getValue).toList());
    }

    /** The request's items with the answer's outcome for each: the imported log, with its results beside it. */
    static String results(QuestionTopic topic, JsonNode request, JsonNode answer) {
        List<String> header = new ArrayList<>(columns(topic));
        JsonNode requested = JsonPaths.get(request, topic.getRepeat());
        JsonNode outcomes = answer.path(topic.getRepeat());
        List<String> resultColumns = new ArrayList<>();
        for (JsonNode outcome : outcomes) {
            outcome.fieldNames().forEachRemaining(f -> {
                if (!resultColumns.contains(f) && fitsACell(outcomes, f)) {
                    resultColumns.add(f);
                }
            });
        }
        resultColumns.forEach(c -> header.add("result." + c));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            List<String> row = new ArrayList<>();
            JsonNode item = requested.get(i);
            for (Question q : topic.getQuestions()) {
                row.add(cellOf(JsonPaths.get(item, q.getField())));
            }
            JsonNode outcome = outcomes.path(i);
            for (String column : resultColumns) {
                String cell = cellOf(outcome.path(column));
                row.add(cell == null ? "" : cell);
            }
            rows.add(row);
        }
        return write(header, rows);
    }

    /** A result field becomes a column when every item's value fits a cell and some item gives one. */
    private static boolean fitsACell(JsonNode outcomes, String field) {
        boolean given = false;
        for (JsonNode outcome : outcomes) {
            String cell = cellOf(outcome.path(field));
            if (cell == null) {
                return false;
            }
            given |= !cell.isEmpty();
        }
        return given;
    }

    /** A cell for a value: scalars as text, lists of scalars or of coded items joined; null for anything deeper. */
    private static String cellOf(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return "";
        }
        if (value.isValueNode()) {
            return value.isBigDecimal() ? value.decimalValue().stripTrailingZeros().toPlainString() : value.asText();
        }
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode item : value) {
                if (item.isValueNode()) {
                    parts.add(item.asText());
                } else if (item.has("code")) {
                    parts.add(item.get("code").asText());
                } else if (item.has("ruleId")) {
                    parts.add(item.get("ruleId").asText());
                } else {
                    return null;
                }
            }
            return String.join(LIST_SEPARATOR, parts);
        }
        return null;
    }

    private static String write(List<String> header, List<List<String>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
            printer.printRecord(header);
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
