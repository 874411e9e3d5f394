package org.osticketgateway.osticket;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.osticketgateway.osticket.model.MessageFormat;

/**
 * A message or note as the plugin must send it. osTicket 1.18.1 behind the plugin keeps what it is
 * given as HTML whatever format was asked (the plugin drops {@code format}; {@code noteFormat} text
 * is stored as HTML too), and decodes character references once before its sanitiser runs (seen on
 * the lab): plain text sent as it is loses its line breaks and anything between angle brackets
 * ({@code <ann@example.org>}). So text is made HTML here (escaped, a {@code <br />} per line
 * break), Markdown is rendered, and every {@code &} goes as {@code &amp;}: what osTicket keeps is
 * then exactly the HTML meant.
 */
final class PluginHtml {

    private final Parser markdown = Parser.builder().build();
    private final HtmlRenderer html = HtmlRenderer.builder().build();

    String of(String body, MessageFormat format) {
        String markup = switch (format == null ? MessageFormat.TEXT : format) {
            case HTML -> body;
            case MARKDOWN -> html.render(markdown.parse(body));
            case TEXT -> escape(body).replace("\r\n", "\n").replace("\n", "<br />\n");
        };
        return markup.replace("&", "&amp;");
    }

    /** Text as it reads in HTML: the three characters HTML gives a meaning escaped. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
