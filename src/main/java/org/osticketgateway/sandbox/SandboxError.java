package org.osticketgateway.sandbox;

/**
 * An error answer of the emulated API: its status and message, and the content type when the
 * dialect answers this error in another form than its usual one (null: the usual one).
 */
final class SandboxError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String contentType;

    SandboxError(int status, String message, String contentType) {
        super(message, null, false, false);
        this.status = status;
        this.contentType = contentType;
    }

    SandboxError(int status, String message) {
        this(status, message, null);
    }

    int status() {
        return status;
    }

    String contentType() {
        return contentType;
    }

    static SandboxError badRequest(String message) {
        return new SandboxError(400, message);
    }

    static SandboxError notFound(String message) {
        return new SandboxError(404, message);
    }
}
