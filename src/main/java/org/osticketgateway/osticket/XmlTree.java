package org.osticketgateway.osticket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reads an osTicket XML answer into the same tree shape its JSON twin has, so one reader serves
 * both. XML cannot tell a one-item list from an object, so lists are known by name: an element
 * whose children are all {@code <entry>} or {@code <item>}, or one of the API's list fields.
 * Leaf values stay text; empty leaves are null (empty lists for list fields).
 */
public final class XmlTree {

    private static final Set<String> ITEM_NAMES = Set.of("entry", "item");
    private static final Set<String> LIST_FIELDS = Set.of("thread", "tickets", "children", "statuses",
            "by_department", "by_staff", "by_status", "by_priority", "updated_fields", "attachments");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private XmlTree() {
    }

    public static JsonNode parse(String xml) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            Element root = factory.newDocumentBuilder()
                    .parse(new InputSource(new StringReader(xml.trim())))
                    .getDocumentElement();
            return convert(root);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static JsonNode convert(Element element) {
        List<Element> children = childElements(element);
        String name = element.getTagName();
        if (children.isEmpty()) {
            String text = element.getTextContent();
            if (text == null || text.isEmpty()) {
                return LIST_FIELDS.contains(name) ? NODES.arrayNode() : NODES.nullNode();
            }
            return NODES.textNode(text);
        }
        if (LIST_FIELDS.contains(name) || children.stream().allMatch(c -> ITEM_NAMES.contains(c.getTagName()))) {
            ArrayNode list = NODES.arrayNode();
            children.forEach(child -> list.add(convert(child)));
            return list;
        }
        ObjectNode object = NODES.objectNode();
        for (Element child : children) {
            JsonNode value = convert(child);
            JsonNode existing = object.get(child.getTagName());
            if (existing == null) {
                object.set(child.getTagName(), value);
            } else if (existing instanceof ArrayNode repeated) {
                repeated.add(value);
            } else {
                object.set(child.getTagName(), NODES.arrayNode().add(existing).add(value));
            }
        }
        return object;
    }

    private static List<Element> childElements(Element element) {
        List<Element> children = new ArrayList<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                children.add(e);
            }
        }
        return children;
    }
}
