package dev.hourglass.internal.timeline;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads the timeline's markup with the JDK's XML parser (the renderer writes well-formed markup), so that tests ask for
 * elements and attributes instead of matching text, and an escaping mistake shows as an extra element or a parse
 * error.
 */
final class Markup {

    private final Document document;

    private Markup(Document document) {
        this.document = document;
    }

    /** Parses a fragment or a whole document. */
    static Markup parse(String html) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return new Markup(factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8))));
        } catch (Exception e) {
            throw new AssertionError("expected well-formed markup but could not parse it: " + e + "\n" + html, e);
        }
    }

    /** The elements an XPath expression selects, in document order. */
    List<Element> all(String xpath) {
        try {
            NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath()
                    .evaluate(xpath, document, XPathConstants.NODESET);
            List<Element> elements = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                elements.add((Element) nodes.item(i));
            }
            return elements;
        } catch (Exception e) {
            throw new AssertionError("bad XPath " + xpath, e);
        }
    }

    /** The one element an XPath expression selects. */
    Element one(String xpath) {
        List<Element> elements = all(xpath);
        if (elements.size() != 1) {
            throw new AssertionError("expected one element at " + xpath + " but found " + elements.size());
        }
        return elements.get(0);
    }

    /** The elements with the class {@code cssClass}, in document order. */
    List<Element> byClass(String cssClass) {
        return all("//*[contains(concat(' ', normalize-space(@class), ' '), ' " + cssClass + " ')]");
    }
}
