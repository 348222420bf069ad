package uk.dmadvisor.dmn.compiled;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns a decision-table input entry (a FEEL unary test) into a matcher. The forms our tables use are matched
 * directly: {@code -}, string, boolean and number literals and lists of them, {@code not(...)} of those,
 * comparisons and ranges with number literals, and {@code null}. Anything else is handed to the FEEL engine, so
 * every entry keeps its FEEL meaning.
 */
final class Matchers {

    /** Decides whether one input value satisfies one input entry. */
    interface Matcher {
        boolean matches(Object value, Frame frame);
    }

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern COMPARISON = Pattern.compile("(<=|>=|<|>)\\s*(-?\\d+(?:\\.\\d+)?)");
    private static final Pattern RANGE =
            Pattern.compile("([\\[(\\]])\\s*(-?\\d+(?:\\.\\d+)?)\\s*\\.\\.\\s*(-?\\d+(?:\\.\\d+)?)\\s*([\\])\\[])");

    static final Matcher ANY = (value, frame) -> true;

    private Matchers() {
    }

    static Matcher compile(String text, Feel feel) {
        String entry = text.trim();
        if (entry.equals("-") || entry.isEmpty()) {
            return ANY;
        }
        if (entry.startsWith("not(") && entry.endsWith(")")) {
            List<Matcher> inner = literals(entry.substring(4, entry.length() - 1));
            if (inner != null) {
                return (value, frame) -> !anyMatches(inner, value, frame);
            }
        } else {
            List<String> parts = split(entry);
            if (parts != null) {
                List<Matcher> alternatives = new ArrayList<>();
                for (String part : parts) {
                    Matcher single = single(part);
                    if (single == null) {
                        alternatives = null;
                        break;
                    }
                    alternatives.add(single);
                }
                if (alternatives != null) {
                    return alternatives.size() == 1 ? alternatives.get(0) : anyOf(alternatives);
                }
            }
        }
        return feel.unaryTest(entry);
    }

    /** A list of plain literals (as inside {@code not(...)}), or null when the list holds anything else. */
    private static List<Matcher> literals(String text) {
        List<String> parts = split(text.trim());
        if (parts == null) {
            return null;
        }
        List<Matcher> matchers = new ArrayList<>();
        for (String part : parts) {
            Matcher literal = literal(part);
            if (literal == null) {
                return null;
            }
            matchers.add(literal);
        }
        return matchers;
    }

    private static Matcher single(String part) {
        Matcher literal = literal(part);
        if (literal != null) {
            return literal;
        }
        if (part.equals("null")) {
            return (value, frame) -> value == null;
        }
        var comparison = COMPARISON.matcher(part);
        if (comparison.matches()) {
            BigDecimal bound = new BigDecimal(comparison.group(2));
            return switch (comparison.group(1)) {
                case "<" -> (value, frame) -> value instanceof BigDecimal n && n.compareTo(bound) < 0;
                case "<=" -> (value, frame) -> value instanceof BigDecimal n && n.compareTo(bound) <= 0;
                case ">" -> (value, frame) -> value instanceof BigDecimal n && n.compareTo(bound) > 0;
                default -> (value, frame) -> value instanceof BigDecimal n && n.compareTo(bound) >= 0;
            };
        }
        var range = RANGE.matcher(part);
        if (range.matches()) {
            boolean lowIncluded = range.group(1).equals("[");
            boolean highIncluded = range.group(4).equals("]");
            BigDecimal low = new BigDecimal(range.group(2));
            BigDecimal high = new BigDecimal(range.group(3));
            return (value, frame) -> value instanceof BigDecimal n
                    && (lowIncluded ? n.compareTo(low) >= 0 : n.compareTo(low) > 0)
                    && (highIncluded ? n.compareTo(high) <= 0 : n.compareTo(high) < 0);
        }
        return null;
    }

    /** Equality with a string, boolean or number literal; null for any other form. */
    private static Matcher literal(String part) {
        if (part.length() >= 2 && part.startsWith("\"") && part.endsWith("\"")
                && part.indexOf('"', 1) == part.length() - 1 && part.indexOf('\\') < 0) {
            String expected = part.substring(1, part.length() - 1);
            return (value, frame) -> expected.equals(value);
        }
        if (part.equals("true")) {
            return (value, frame) -> Boolean.TRUE.equals(value);
        }
        if (part.equals("false")) {
            return (value, frame) -> Boolean.FALSE.equals(value);
        }
        if (NUMBER.matcher(part).matches()) {
            BigDecimal expected = new BigDecimal(part);
            return (value, frame) -> value instanceof BigDecimal n && n.compareTo(expected) == 0;
        }
        return null;
    }

    private static Matcher anyOf(List<Matcher> alternatives) {
        return (value, frame) -> anyMatches(alternatives, value, frame);
    }

    private static boolean anyMatches(List<Matcher> matchers, Object value, Frame frame) {
        for (Matcher matcher : matchers) {
            if (matcher.matches(value, frame)) {
                return true;
            }
        }
        return false;
    }

    /** Splits a comma-separated list at top level, or returns null if quotes or brackets make that unsafe. */
    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                return null;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '[')) {
                depth++;
            } else if (!quoted && (c == ')' || c == ']')) {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                parts.add(text.substring(start, i).trim());
                start = i + 1;
            }
        }
        if (quoted) {
            return null;
        }
        parts.add(text.substring(start).trim());
        return parts;
    }
}
