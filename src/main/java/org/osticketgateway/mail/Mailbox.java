package org.osticketgateway.mail;

/**
 * One mailbox the gateway reads, and the defaults its tickets get. {@code after} is what happens to
 * a mail once osTicket took it: {@code archive} (moved to {@code archiveFolder}), {@code delete}, or
 * {@code seen} (left in place, flagged seen). {@code emailId} is the osTicket system email this
 * mailbox stands for: with it, tickets are email tickets; without it (null), API tickets.
 */
public record Mailbox(String name, String protocol, String host, int port, String username, String password,
                      String folder, String after, String archiveFolder, String errorFolder, String department,
                      String priority, Long topicId, Long emailId, long pollDelay, int batchSize) {

    /** The source osTicket records for this mailbox's tickets: Email needs a system email id. */
    public String ticketSource() {
        return emailId == null ? "API" : "Email";
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "Mailbox[" + name + ", " + protocol + "://" + username + "@" + host + ":" + port + "/" + folder + "]";
    }
}
