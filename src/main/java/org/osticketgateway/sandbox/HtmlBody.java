package org.osticketgateway.sandbox;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What osTicket 1.18.1 keeps of a message or note it takes through the plugin, whose format it
 * always takes as HTML: it decodes character references once, its sanitiser drops whatever looks
 * like a tag but is none (such as {@code <carol@example.org>}) and writes a bare {@code &} as
 * {@code &amp;}, and line breaks and runs of spaces become one space. Observed in the lab
 * recordings ({@code lab-osticket-1.18.1/stock}: the notes of "Reply by email from …") and by hand
 * ({@code &amp;lt;} is kept as {@code &lt;}, {@code &lt;b@x.org&gt;} is dropped).
 */
final class HtmlBody {

    private static final Pattern REFERENCE = Pattern.compile("&(amp|lt|gt|quot|#39);");
    private static final Map<String, String> DECODED = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"",
            "#39", "'");
    private static final Pattern NOT_A_TAG = Pattern.compile("<(?!/?[A-Za-z][A-Za-z0-9-]*(\\s[^<>]*)?/?>)[^<>]*>");
    private static final Pattern BARE_AMPERSAND = Pattern.compile("&(?!(?:[A-Za-z]+|#[0-9]+|#x[0-9A-Fa-f]+);)");

    private HtmlBody() {
    }

    static String asStored(String sent) {
        Matcher reference = REFERENCE.matcher(sent);
        String decoded = reference.replaceAll(r -> Matcher.quoteReplacement(DECODED.get(r.group(1))));
        String sanitised = BARE_AMPERSAND.matcher(NOT_A_TAG.matcher(decoded).replaceAll("")).replaceAll("&amp;");
        return sanitised.replaceAll("\\s+", " ").trim();
    }
}
