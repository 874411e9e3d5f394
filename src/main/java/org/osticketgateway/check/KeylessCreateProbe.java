package org.osticketgateway.check;

/**
 * Whether osTicket takes a ticket create with no API key. The plugin v2.3.4 skips the key check on
 * create (it marks the key as validated without validating it): anyone who reaches the API can
 * open tickets. The gateway cannot fix that; the web server can.
 */
final class KeylessCreateProbe {

    private static final String TOPIC = "create without key";

    private KeylessCreateProbe() {
    }

    /** {@code keyless} sends no key. */
    static Finding run(CreateProbe keyless) {
        CreateProbeAnswer answer = keyless.send(CreateProbe.ticket());
        String hole = "osTicket takes a create with no API key (it went on to check the ticket: %s); anyone who "
                + "can reach the API can open tickets. The gateway cannot fix this: restrict POST /api/tickets.json "
                + "at the web server, e.g. to the gateway's address";
        return switch (answer.outcome()) {
            case NOT_AUTHORIZED -> Finding.ok(TOPIC, "refused (" + answer.detail() + ")");
            case PASSED -> Finding.warn(TOPIC, String.format(hole, "refused for the unreadable due date alone"));
            case REFUSED, WRITTEN -> Finding.warn(TOPIC, String.format(hole, answer.detail()));
            case UNEXPECTED -> Finding.warn(TOPIC, "cannot tell: " + answer.detail());
        };
    }
}
