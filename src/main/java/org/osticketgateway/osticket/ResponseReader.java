package org.osticketgateway.osticket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Turns a raw answer into a tree, or into the {@link OsTicketException} it stands for. A success
 * status whose body is not JSON or XML (PHP prints fatal errors as HTML with 200) is an error.
 */
public final class ResponseReader {

    private static final int MESSAGE_LIMIT = 300;
    private static final Pattern LINE_BREAK = Pattern.compile("(?i)<br\\s*/?>|</?p>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    /** A fatal error of the database layer passes once the database is back; others do not. */
    private static final Pattern TRANSIENT_FATAL = Pattern.compile(
            "(?i)mysqli|database|connection refused|too many connections|server has gone away|lock wait timeout");

    private final ObjectMapper json;

    public ResponseReader(ObjectMapper json) {
        this.json = json;
    }

    /** The body of a successful answer as a tree; unreadable bodies throw. */
    public JsonNode tree(ApiResponse response, String operation) {
        String body = response.body().trim();
        if (response.isHtml() || body.isEmpty() || looksLikeHtml(body)) {
            throw unreadable(response, operation);
        }
        try {
            return body.startsWith("<") ? XmlTree.parse(body) : json.readTree(body);
        } catch (IOException e) {
            throw new OsTicketException(OsTicketFailure.UNREADABLE_RESPONSE, operation, response.status(),
                    "the body is neither JSON nor XML: " + e.getMessage());
        }
    }

    /** An answer that is not the endpoint's success form, as an exception. */
    public OsTicketException unreadable(ApiResponse response, String operation) {
        String text = plainText(response.body());
        return new OsTicketException(OsTicketFailure.UNREADABLE_RESPONSE, operation, response.status(),
                "not an API answer: " + abbreviate(text), TRANSIENT_FATAL.matcher(text).find(), null);
    }

    /** The failure that an error status stands for, with the API's message. */
    public OsTicketException error(ApiResponse response, String operation, OsTicketFailure failure) {
        String message = errorMessage(response);
        boolean retryable = failure.retryableByDefault()
                || failure == OsTicketFailure.UNREADABLE_RESPONSE && TRANSIENT_FATAL.matcher(message).find();
        return new OsTicketException(failure, operation, response.status(), message, retryable, null);
    }

    /**
     * The message of an error answer in any of its forms: {@code {"error":"…"}},
     * {@code {"error":true,"message":"…"}}, plain text or HTML.
     */
    public String errorMessage(ApiResponse response) {
        String body = response.body().trim();
        boolean xml = body.startsWith("<?xml") || body.startsWith("<response");
        if (body.startsWith("{") || xml) {
            try {
                JsonNode tree = xml ? XmlTree.parse(body) : json.readTree(body);
                JsonNode error = tree.get("error");
                if (error != null && error.isTextual() && !"true".equals(error.asText())) {
                    return abbreviate(error.asText());
                }
                if (tree.hasNonNull("message")) {
                    return abbreviate(tree.get("message").asText());
                }
            } catch (IOException e) {
                return abbreviate(body);
            }
        }
        return abbreviate(response.isHtml() || looksLikeHtml(body) ? plainText(body) : body);
    }

    private static boolean looksLikeHtml(String body) {
        String head = body.length() > 64 ? body.substring(0, 64).toLowerCase() : body.toLowerCase();
        return head.startsWith("<br") || head.startsWith("<!doctype html") || head.startsWith("<html")
                || head.startsWith("<b>");
    }

    private static String plainText(String html) {
        String text = TAG.matcher(LINE_BREAK.matcher(html).replaceAll(" ")).replaceAll("");
        return SPACE.matcher(text).replaceAll(" ").trim();
    }

    private static String abbreviate(String text) {
        String flat = SPACE.matcher(text).replaceAll(" ").trim();
        return flat.length() <= MESSAGE_LIMIT ? flat : flat.substring(0, MESSAGE_LIMIT) + "…";
    }
}
