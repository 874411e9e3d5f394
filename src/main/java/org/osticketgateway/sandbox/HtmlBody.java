package org.osticketgateway.sandbox;

import java.util.regex.Pattern;

/**
 * What osTicket 1.18.1 keeps of text it takes as HTML (a note posted through the plugin's update
 * with no {@code noteFormat}, whose default "markdown" is HTML without the Markdown Support plugin):
 * line breaks and runs of spaces become one space, and whatever looks like a tag but is none, such
 * as {@code <carol@example.org>}, is dropped by its HTML sanitiser. Observed in the lab recordings
 * ({@code lab-osticket-1.18.1/stock}, the notes of "Reply by email from …").
 */
final class HtmlBody {

    private static final Pattern NOT_A_TAG = Pattern.compile("<(?!/?[A-Za-z][A-Za-z0-9-]*(\\s[^<>]*)?/?>)[^<>]*>");

    private HtmlBody() {
    }

    static String asStored(String text) {
        return NOT_A_TAG.matcher(text).replaceAll("").replaceAll("\\s+", " ").trim();
    }
}
