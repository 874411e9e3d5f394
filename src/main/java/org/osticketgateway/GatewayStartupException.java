package org.osticketgateway;

/** Start-up refused: the message is the one sentence, already logged, that names the setting. */
public final class GatewayStartupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    GatewayStartupException(String sentence) {
        super(sentence, null, false, false);
    }
}
