package org.osticketgateway.lab;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One recorded request and its answer, read from the recordings' text form (see
 * {@link ExchangeWriter}): the request as sent — method, path with query, headers by lower-case
 * name, body — and the answer's status, content type and body.
 */
record RecordedExchange(String name, String method, String pathAndQuery, Map<String, String> requestHeaders,
                        String requestBody, int status, String contentType, String responseBody) {

    private static final String RESPONSE = "\n### RESPONSE\n";

    RecordedExchange {
        requestHeaders = Map.copyOf(requestHeaders);
    }

    static RecordedExchange parse(String name, String recording) {
        // Some recordings keep HTTP's CRLF line ends, others do not.
        String text = recording.replace("\r\n", "\n");
        int split = text.indexOf(RESPONSE);
        if (split < 0) {
            throw new IllegalArgumentException(name + " has no " + RESPONSE.strip() + " line");
        }
        List<String> request = text.substring(0, split).lines().toList();
        String[] requestLine = request.get(2).split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        int line = 3;
        for (; line < request.size() && !request.get(line).isEmpty(); line++) {
            String header = request.get(line);
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        String head = text.substring(0, split);
        int bodyStart = head.indexOf("\n\n");
        // The body is followed by the one line end the writer adds before the blank line.
        String requestBody = bodyStart < 0 ? "" : head.substring(bodyStart + 2);
        requestBody = requestBody.endsWith("\n") ? requestBody.substring(0, requestBody.length() - 1) : requestBody;

        String answer = text.substring(split + RESPONSE.length());
        int headersEnd = answer.indexOf("\n\n");
        String answerHead = headersEnd < 0 ? answer : answer.substring(0, headersEnd);
        int status = Integer.parseInt(answerHead.lines().findFirst().orElseThrow().split(" ")[1]);
        String contentType = answerHead.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith("content-type:"))
                .map(l -> l.substring("content-type:".length()).trim()).findFirst().orElse("");
        return new RecordedExchange(name, requestLine[0], requestLine[1], headers, requestBody, status, contentType,
                headersEnd < 0 ? "" : answer.substring(headersEnd + 2));
    }

    /** The path without its query. */
    String path() {
        int query = pathAndQuery.indexOf('?');
        return query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
    }

    /** Whether the request body was cut short when it was written, so it cannot be sent again. */
    boolean abbreviated() {
        return requestBody.contains(ExchangeWriter.ABBREVIATED);
    }
}
