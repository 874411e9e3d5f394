package org.osticketgateway.mail;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reply as the gateway hands it to osTicket's mail intake: the mail as it came, byte for byte,
 * but for its Subject, which is made to begin with {@code [#number]}. osTicket threads a mail by the
 * Message-IDs it names when it knows them, else by the first {@code #} token of its subject from the
 * ticket's owner — so the reply lands on its ticket even when osTicket does not know the Message-ID
 * it answers (a ticket made before the gateway sent Message-IDs with a create, or by a command).
 */
final class ReplyMail {

    /** Where the Subject header's text begins. */
    private static final Pattern SUBJECT = Pattern.compile("(?im)^Subject:[ \t]*");
    private static final Pattern HEADER_END = Pattern.compile("\\r?\\n\\r?\\n");
    private static final Pattern FIRST_TOKEN = Pattern.compile("#[^\\s\\]]*");

    private ReplyMail() {
    }

    static byte[] naming(byte[] mail, String number) {
        // ISO-8859-1 keeps every byte as one character: the mail goes on byte for byte.
        String text = new String(mail, StandardCharsets.ISO_8859_1);
        Matcher end = HEADER_END.matcher(text);
        int headerEnd = end.find() ? end.start() : text.length();
        String token = "[#" + number + "]";
        Matcher subject = SUBJECT.matcher(text).region(0, headerEnd);
        String named;
        if (!subject.find()) {
            named = "Subject: " + token + "\r\n" + text;
        } else if (firstToken(text, subject.end(), headerEnd).equals("#" + number)) {
            return mail;
        } else {
            named = text.substring(0, subject.end()) + token + " " + text.substring(subject.end());
        }
        return named.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The subject's first {@code #} and what follows it up to a bracket or space: what osTicket reads. */
    private static String firstToken(String text, int from, int headerEnd) {
        int lineEnd = text.indexOf('\n', from);
        String subject = text.substring(from, lineEnd < 0 || lineEnd > headerEnd ? headerEnd : lineEnd);
        Matcher token = FIRST_TOKEN.matcher(subject);
        return token.find() ? token.group() : "";
    }
}
