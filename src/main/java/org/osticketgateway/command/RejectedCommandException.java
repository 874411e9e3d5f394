package org.osticketgateway.command;

/** A command that can never be applied as it is: not JSON, not a CloudEvent, unknown type, invalid data. */
public final class RejectedCommandException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RejectedCommandException(String reason) {
        super(reason, null, false, false);
    }
}
