package org.osticketgateway.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts the quoted history below a reply: from the first line that opens a quote ("On … wrote:",
 * an Outlook "-----Original Message-----" or "From: … Sent:" block, or a run of "&gt;" lines) to the end.
 */
public final class QuoteTrimmer {

    private static final List<Pattern> QUOTE_STARTS = List.of(
            Pattern.compile("(?i)^\\s*On .{0,200}wrote:\\s*$"),
            Pattern.compile("(?i)^\\s*Am .{0,200}schrieb.{0,80}:\\s*$"),
            Pattern.compile("(?i)^\\s*-{2,}\\s*Original Message\\s*-{2,}\\s*$"),
            Pattern.compile("(?i)^\\s*From:\\s.+$"),
            Pattern.compile("^\\s*>.*$"));

    public String trim(String body) {
        List<String> kept = new ArrayList<>();
        for (String line : body.split("\\r?\\n", -1)) {
            if (QUOTE_STARTS.stream().anyMatch(p -> p.matcher(line).matches())) {
                break;
            }
            kept.add(line);
        }
        String trimmed = String.join("\n", kept).strip();
        return trimmed.isEmpty() ? body.strip() : trimmed;
    }
}
