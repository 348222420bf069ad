package uk.dmadvisor.dmn;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.validation.DMNValidator;
import org.kie.dmn.validation.DMNValidator.Validation;
import org.kie.dmn.validation.DMNValidatorFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The model gate: a DMN file passes only if the KIE validator (schema, semantics, compilation and decision-table
 * analysis for gaps and overlaps) reports nothing above INFO, every decision-table rule has a stable id, a
 * citation, a basis of LAW, GUIDANCE or INFERRED, and a plain-English explanation, and the question catalogue
 * beside the model asks for every input (see {@link QuestionCatalogueGate}).
 */
final class ModelGate {

    enum Fault { SCHEMA, SEMANTIC, GAP, OVERLAP, ANALYSIS, CITATION, BASIS, EXPLANATION, RULE_ID, VERSION, QUESTIONS }

    record Finding(Fault fault, String text) {
        @Override
        public String toString() {
            return fault + ": " + text;
        }
    }

    static final Set<String> BASES = Set.of("LAW", "GUIDANCE", "INFERRED");
    private static final String DMN_NS = "https://www.omg.org/spec/DMN/20230324/MODEL/";

    private ModelGate() {
    }

    /** Checks a model and its question catalogue ({@code questions} is null when the model has none). */
    static List<Finding> check(String fileName, byte[] content, byte[] questions) {
        Element root;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(content)).getDocumentElement();
        } catch (Exception e) {
            List<Finding> findings = new ArrayList<>(validate(content, Set.of()));
            findings.add(new Finding(Fault.SCHEMA, fileName + ": not well-formed XML: " + e.getMessage()));
            return findings;
        }
        List<Finding> findings = new ArrayList<>(validate(content, collectTables(root)));
        findings.addAll(annotations(fileName, root));
        QuestionCatalogueGate.check(fileName, root, questions)
                .forEach(problem -> findings.add(new Finding(Fault.QUESTIONS, problem)));
        return findings;
    }

    /**
     * Two analysis warnings are about style, not correctness, and our tables trigger them on purpose: rows that
     * could be contracted are kept apart because each carries its own explanation and citation, and a COLLECT
     * table lists several outcomes (next steps) for the same conditions.
     */
    private static boolean isDeliberateStyle(DMNMessage message, Set<String> collectTables) {
        String type = message.getMessageType().name();
        return type.equals("DECISION_TABLE_CONTRACTION_RULE")
                || type.equals("DECISION_TABLE_1STNFVIOLATION") && collectTables.contains(message.getSourceId());
    }

    private static Set<String> collectTables(Element root) {
        Set<String> ids = new HashSet<>();
        NodeList tables = root.getElementsByTagNameNS(DMN_NS, "decisionTable");
        for (int t = 0; t < tables.getLength(); t++) {
            Element table = (Element) tables.item(t);
            if ("COLLECT".equals(table.getAttribute("hitPolicy"))) {
                ids.add(table.getAttribute("id"));
            }
        }
        return ids;
    }

    private static List<Finding> validate(byte[] content, Set<String> collectTables) {
        DMNValidator validator = DMNValidatorFactory.newValidator();
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8)) {
            List<DMNMessage> messages = validator.validate(reader, Validation.VALIDATE_SCHEMA, Validation.VALIDATE_MODEL,
                    Validation.VALIDATE_COMPILATION, Validation.ANALYZE_DECISION_TABLE);
            return messages.stream()
                    .filter(m -> m.getLevel() != org.kie.api.builder.Message.Level.INFO)
                    .filter(m -> !isDeliberateStyle(m, collectTables))
                    .map(m -> new Finding(classify(m), m.getLevel() + " " + m.getMessageType() + " " + m.getText()))
                    .toList();
        } catch (java.io.IOException e) {
            return List.of(new Finding(Fault.SCHEMA, "unreadable: " + e.getMessage()));
        } finally {
            validator.dispose();
        }
    }

    private static Fault classify(DMNMessage message) {
        String type = message.getMessageType().name();
        if (type.contains("GAP")) {
            return Fault.GAP;
        }
        if (type.contains("OVERLAP")) {
            return Fault.OVERLAP;
        }
        if (type.startsWith("DECISION_TABLE")) {
            return Fault.ANALYSIS;
        }
        if (type.contains("SCHEMA") || type.contains("FAILED_XML_VALIDATION")) {
            return Fault.SCHEMA;
        }
        return Fault.SEMANTIC;
    }

    private static List<Finding> annotations(String fileName, Element root) {
        List<Finding> findings = new ArrayList<>();
        String version = root.getAttributeNS(DecisionModels.VERSION_ATTRIBUTE.getNamespaceURI(), "version");
        if (version.isBlank()) {
            findings.add(new Finding(Fault.VERSION, fileName + ": definitions declare no dma:version"));
        }
        Set<String> seenIds = new HashSet<>();
        NodeList tables = root.getElementsByTagNameNS(DMN_NS, "decisionTable");
        for (int t = 0; t < tables.getLength(); t++) {
            Element table = (Element) tables.item(t);
            List<String> names = new ArrayList<>();
            for (Element annotation : children(table, "annotation")) {
                names.add(annotation.getAttribute("name").trim().toLowerCase());
            }
            String where = fileName + " table " + table.getAttribute("id");
            for (String required : List.of("citation", "basis", "explanation")) {
                if (!names.contains(required)) {
                    findings.add(new Finding(faultFor(required), where + " has no '" + required + "' annotation column"));
                }
            }
            int number = 0;
            for (Element rule : children(table, "rule")) {
                number++;
                String id = rule.getAttribute("id");
                String row = where + " rule " + number + " (" + (id.isBlank() ? "no id" : id) + ")";
                if (id.isBlank()) {
                    findings.add(new Finding(Fault.RULE_ID, row + " has no id"));
                } else if (!seenIds.add(id)) {
                    findings.add(new Finding(Fault.RULE_ID, row + " repeats an id"));
                }
                List<Element> entries = children(rule, "annotationEntry");
                String citation = entry(entries, names.indexOf("citation"));
                String basis = entry(entries, names.indexOf("basis"));
                String explanation = entry(entries, names.indexOf("explanation"));
                if (names.contains("citation") && citation.isBlank()) {
                    findings.add(new Finding(Fault.CITATION, row + " has no citation"));
                }
                if (names.contains("basis") && !BASES.contains(basis)) {
                    findings.add(new Finding(Fault.BASIS, row + " has basis '" + basis + "', not one of " + BASES));
                }
                if (names.contains("explanation") && explanation.isBlank()) {
                    findings.add(new Finding(Fault.EXPLANATION, row + " has no explanation"));
                }
            }
        }
        return findings;
    }

    private static Fault faultFor(String column) {
        return switch (column) {
            case "citation" -> Fault.CITATION;
            case "basis" -> Fault.BASIS;
            default -> Fault.EXPLANATION;
        };
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> result = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                result.add(e);
            }
        }
        return result;
    }

    private static String entry(List<Element> entries, int column) {
        if (column < 0 || column >= entries.size()) {
            return "";
        }
        return children(entries.get(column), "text").stream().map(Element::getTextContent)
                .reduce("", String::concat).trim();
    }
}
