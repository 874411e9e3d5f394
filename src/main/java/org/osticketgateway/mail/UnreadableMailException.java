package org.osticketgateway.mail;

/** A mail that cannot become a ticket as it is (malformed MIME, no usable sender): it goes to the error folder. */
public final class UnreadableMailException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnreadableMailException(String message, Throwable cause) {
        super(message, cause);
    }
}
