package uk.dmadvisor.dmn;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * An input or decision of a DMN model with its type resolved through the model's item definitions: the FEEL base
 * type, whether it is a list, and the allowed values where the model restricts them.
 */
public record ModelVariable(String name, String baseType, boolean collection, List<String> allowedValues) {

    private static final String DMN_NS = "https://www.omg.org/spec/DMN/20230324/MODEL/";
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

    /** The inputs of a model file, in the order the file declares them. */
    public static Map<String, ModelVariable> inputs(byte[] dmn) {
        return inputs(parse(dmn));
    }

    /** The decisions of a model file, in the order the file declares them. */
    public static Map<String, ModelVariable> decisions(byte[] dmn) {
        return variables(parse(dmn), "decision");
    }

    /** The inputs of a model whose {@code definitions} element is given. */
    public static Map<String, ModelVariable> inputs(Element definitions) {
        return variables(definitions, "inputData");
    }

    private static Element parse(byte[] dmn) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(dmn)).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalArgumentException("Not a readable DMN file: " + e.getMessage(), e);
        }
    }

    private static Map<String, ModelVariable> variables(Element definitions, String elementName) {
        Map<String, Element> items = new HashMap<>();
        NodeList itemDefinitions = definitions.getElementsByTagNameNS(DMN_NS, "itemDefinition");
        for (int i = 0; i < itemDefinitions.getLength(); i++) {
            Element item = (Element) itemDefinitions.item(i);
            items.put(item.getAttribute("name"), item);
        }
        Map<String, ModelVariable> variables = new LinkedHashMap<>();
        NodeList elements = definitions.getElementsByTagNameNS(DMN_NS, elementName);
        for (int i = 0; i < elements.getLength(); i++) {
            Element element = (Element) elements.item(i);
            Element variable = child(element, "variable");
            String typeRef = variable == null ? "" : variable.getAttribute("typeRef");
            String name = element.getAttribute("name");
            variables.put(name, resolve(name, typeRef, items, false, 0));
        }
        return variables;
    }

    private static ModelVariable resolve(String name, String typeRef, Map<String, Element> items, boolean collection,
                                      int depth) {
        Element item = items.get(typeRef);
        if (item == null || depth > 8) {
            return new ModelVariable(name, typeRef, collection, List.of());
        }
        boolean isCollection = collection || "true".equals(item.getAttribute("isCollection"));
        Element baseElement = child(item, "typeRef");
        String base = baseElement == null ? "" : baseElement.getTextContent().trim();
        Set<String> allowed = new LinkedHashSet<>();
        Element allowedValues = child(item, "allowedValues");
        if (allowedValues != null) {
            Matcher quoted = QUOTED.matcher(allowedValues.getTextContent());
            while (quoted.find()) {
                allowed.add(quoted.group(1));
            }
        }
        ModelVariable inner = resolve(name, base, items, isCollection, depth + 1);
        return new ModelVariable(name, inner.baseType(), isCollection,
                allowed.isEmpty() ? inner.allowedValues() : List.copyOf(allowed));
    }

    private static Element child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }
}
