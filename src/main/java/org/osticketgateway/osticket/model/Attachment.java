package org.osticketgateway.osticket.model;

import java.util.Objects;

/** A file sent with a new ticket. */
public record Attachment(String filename, String contentType, byte[] content) {

    public Attachment {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(content, "content");
        contentType = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attachment a && filename.equals(a.filename) && contentType.equals(a.contentType)
                && java.util.Arrays.equals(content, a.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(filename, contentType, java.util.Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "Attachment[" + filename + ", " + contentType + ", " + content.length + " bytes]";
    }
}
