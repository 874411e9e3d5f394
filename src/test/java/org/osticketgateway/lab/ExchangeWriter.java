package org.osticketgateway.lab;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes one HTTP exchange in the recordings' text form: {@code ### REQUEST  (time)}, method and URL,
 * the request as sent (request line, headers, body), then {@code ### RESPONSE}, status line,
 * headers and body. API keys become their role (FULL_ACCESS_KEY, …) wherever they appear, cookie
 * values are blanked, and a request body over {@link #SHOWN_BODY_BYTES} (attachments) is cut short,
 * saying so.
 */
final class ExchangeWriter {

    static final int SHOWN_BODY_BYTES = 64 * 1024;
    static final String ABBREVIATED = "[… request body abbreviated: ";

    private static final Map<Integer, String> REASONS = Map.ofEntries(Map.entry(200, "OK"), Map.entry(201, "Created"),
            Map.entry(204, "No Content"), Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"),
            Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"),
            Map.entry(409, "Conflict"), Map.entry(422, "Unprocessable Entity"), Map.entry(500, "Internal Server Error"),
            Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"));
    private static final Pattern SET_COOKIE_VALUE = Pattern.compile("^([^=;]+)=[^;]*");
    private static final Pattern COOKIE_VALUES = Pattern.compile("([^=;\\s]+)=[^;]*");

    private final Map<String, String> keyRoles;

    ExchangeWriter(Map<String, String> keyRoles) {
        this.keyRoles = Map.copyOf(keyRoles);
    }

    RecordedExchange write(Path folder, int number, Instant at, String method, URI target,
                           Map<String, List<String>> requestHeaders, byte[] requestBody, int status,
                           Map<String, List<String>> responseHeaders, byte[] responseBody) throws IOException {
        String pathAndQuery = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        StringBuilder text = new StringBuilder("### REQUEST  (").append(at.truncatedTo(ChronoUnit.SECONDS)).append(")\n")
                .append(method).append(' ').append(target).append('\n')
                .append(method).append(' ').append(pathAndQuery).append(" HTTP/1.1\n")
                .append("Host: ").append(target.getRawAuthority()).append('\n');
        headerLines(text, requestHeaders);
        if (requestBody.length > 0) {
            text.append("Content-Length: ").append(requestBody.length).append('\n');
        }
        text.append('\n').append(shown(requestBody)).append("\n\n### RESPONSE\n")
                .append("HTTP/1.1 ").append(status).append(' ').append(REASONS.getOrDefault(status, "")).append('\n');
        headerLines(text, responseHeaders);
        text.append('\n').append(new String(responseBody, StandardCharsets.UTF_8));
        String recorded = withoutKeys(text.toString());
        String name = String.format("%04d-%s-%s.txt", number, method.toLowerCase(Locale.ROOT), endpoint(target));
        Files.writeString(folder.resolve(name), recorded);
        return RecordedExchange.parse(name, recorded);
    }

    private void headerLines(StringBuilder text, Map<String, List<String>> headers) {
        headers.forEach((name, values) -> values.forEach(value -> text.append(displayName(name)).append(": ")
                .append(blankCookies(name, value)).append('\n')));
    }

    private String withoutKeys(String text) {
        String result = text;
        for (Map.Entry<String, String> key : keyRoles.entrySet()) {
            result = result.replace(key.getKey(), key.getValue());
        }
        return result;
    }

    /** The script an URL names, e.g. {@code tickets-get} for {@code /api/tickets-get.php/123456.json}. */
    static String endpoint(URI target) {
        String path = target.getRawPath();
        String afterApi = path.substring(path.indexOf("/api/") < 0 ? 1 : path.indexOf("/api/") + 5);
        String script = afterApi.contains("/") ? afterApi.substring(0, afterApi.indexOf('/')) : afterApi;
        return script.replaceAll("\\.(php|json|xml)$", "").replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** The body as text; binary or large bodies are cut short with a line that says so. */
    private static String shown(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return ABBREVIATED + body.length + " bytes of binary data, not shown]";
        }
        if (body.length <= SHOWN_BODY_BYTES) {
            return text;
        }
        return text.substring(0, 2048) + "\n" + ABBREVIATED + body.length + " bytes in all, the first 2048 characters shown]";
    }

    private static String blankCookies(String name, String value) {
        return switch (name) {
            case "set-cookie" -> SET_COOKIE_VALUE.matcher(value).replaceFirst("$1=REDACTED");
            case "cookie" -> COOKIE_VALUES.matcher(value).replaceAll("$1=REDACTED");
            default -> value;
        };
    }

    /** {@code content-type} as {@code Content-Type}; the key header as the API documents it. */
    private static String displayName(String lowerCase) {
        if (lowerCase.equals("x-api-key")) {
            return "X-API-Key";
        }
        return Pattern.compile("-").splitAsStream(lowerCase)
                .map(part -> part.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1))
                .collect(Collectors.joining("-"));
    }
}
