package org.osticketgateway.osticket;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One request/response pair recorded on a real osTicket with the API Endpoints plugin v2.3.4
 * ({@code src/test/resources/plugin-v2.3.4-observed}, copied from the shared reference).
 */
record ObservedExchange(String request, ApiResponse response) {

    static ObservedExchange load(String name) throws IOException {
        try (InputStream in = ObservedExchange.class.getResourceAsStream("/plugin-v2.3.4-observed/" + name)) {
            if (in == null) {
                throw new IOException("no recorded exchange " + name);
            }
            // Some recordings keep HTTP's CRLF line ends, others do not.
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
            int split = text.indexOf("### RESPONSE");
            String answer = text.substring(split + "### RESPONSE".length()).stripLeading();
            int headersEnd = answer.indexOf("\n\n");
            String head = headersEnd < 0 ? answer : answer.substring(0, headersEnd);
            String body = headersEnd < 0 ? "" : answer.substring(headersEnd + 2);
            int status = Integer.parseInt(head.lines().findFirst().orElseThrow().split(" ")[1]);
            String contentType = head.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith("content-type:"))
                    .map(l -> l.substring("content-type:".length()).trim()).findFirst().orElse("");
            return new ObservedExchange(text.substring(0, split), new ApiResponse(status, contentType, body));
        }
    }
}
