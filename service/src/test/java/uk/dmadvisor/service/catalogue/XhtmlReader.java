package uk.dmadvisor.service.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Reads a page back as a browser parses HTML, into a DOM, and yields text as a browser shows it. */
final class XhtmlReader {

    private XhtmlReader() {
    }

    static Document parse(String html) {
        return new W3CDom().fromJsoup(Jsoup.parse(html));
    }

    static List<Element> elements(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return IntStream.range(0, nodes.getLength()).mapToObj(i -> (Element) nodes.item(i)).toList();
    }

    static List<Element> elements(Document document, String tag) {
        return elements(document.getDocumentElement(), tag);
    }

    /** The text of each cell of a table row, in order. */
    static List<String> cells(Element row) {
        List<String> cells = new ArrayList<>();
        elements(row, "td").forEach(td -> cells.add(td.getTextContent()));
        return cells;
    }

    /** The body rows of a table. */
    static List<Element> bodyRows(Element table) {
        return elements(elements(table, "tbody").get(0), "tr");
    }
}
