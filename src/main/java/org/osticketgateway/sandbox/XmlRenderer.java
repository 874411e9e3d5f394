package org.osticketgateway.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringWriter;
import java.util.Iterator;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writes an answer tree as the API's XML: objects as elements, list items as {@code itemName}. */
final class XmlRenderer {

    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    private XmlRenderer() {
    }

    static String render(String rootName, String itemName, JsonNode tree, boolean declareEncoding) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(text);
            if (declareEncoding) {
                xml.writeStartDocument("UTF-8", "1.0");
            } else {
                xml.writeStartDocument("1.0");
            }
            text.write("\n");
            write(xml, rootName, itemName, tree);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write XML", e);
        }
        return text.toString();
    }

    private static void write(XMLStreamWriter xml, String name, String itemName, JsonNode node)
            throws XMLStreamException {
        if (node == null || node.isNull() || (node.isContainerNode() && node.isEmpty())) {
            xml.writeEmptyElement(name);
            return;
        }
        xml.writeStartElement(name);
        if (node.isArray()) {
            for (JsonNode item : node) {
                write(xml, itemName, itemName, item);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                write(xml, field.getKey(), itemName, field.getValue());
            }
        } else {
            xml.writeCharacters(node.asText());
        }
        xml.writeEndElement();
    }
}
