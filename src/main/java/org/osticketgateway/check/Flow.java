package org.osticketgateway.check;

/** What the gateway does with osTicket. Every flow but the connection is switched on by a setting. */
public enum Flow {
    CONNECTION("connection", null),
    MAIL("mail", "mail.mailboxes"),
    COMMANDS("commands", "commands.enabled"),
    EVENTS("events", "events.enabled"),
    REPORTS("reports", "report.names"),
    JOBS("jobs", "jobs.names");

    private final String label;
    private final String setting;

    Flow(String label, String setting) {
        this.label = label;
        this.setting = setting;
    }

    public String label() {
        return label;
    }

    /** The setting that switches the flow on; null for the connection, which is always needed. */
    public String setting() {
        return setting;
    }
}
