package org.osticketgateway.osticket;

import java.util.Locale;

/** A raw answer from osTicket: status, content type (lower-cased, may be empty) and body text. */
public record ApiResponse(int status, String contentType, String body) {

    public ApiResponse {
        contentType = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        body = body == null ? "" : body;
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    public boolean isHtml() {
        return contentType.startsWith("text/html");
    }
}
