package org.osticketgateway.sandbox;

/** An error answer of the emulated API: its status and message. */
final class SandboxError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    SandboxError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }

    static SandboxError badRequest(String message) {
        return new SandboxError(400, message);
    }

    static SandboxError notFound(String message) {
        return new SandboxError(404, message);
    }
}
