package org.osticketgateway.mail;

import org.osticketgateway.tls.AddedTrust;

/**
 * One mailbox the gateway reads, and the defaults its tickets get. {@code after} is what happens to
 * a mail once osTicket took it: {@code archive} (moved to {@code archiveFolder}), {@code delete}, or
 * {@code seen} (left in place, flagged seen). {@code emailId} is the osTicket system email this
 * mailbox stands for: with it, tickets are email tickets; without it (null), API tickets.
 * {@code start} is where a new mailbox begins: {@code now} (mail arriving from the first read on),
 * {@code all}, or a date (mail received since). {@code trust} is the CA trusted on top of the JVM's
 * for its server (null: the JVM's alone); {@code unreadablePollDelay} how often a mailbox that cannot
 * be read is tried.
 */
public record Mailbox(String name, String protocol, String host, int port, String username, String password,
                      String folder, String after, String archiveFolder, String errorFolder, String department,
                      String priority, Long topicId, Long emailId, long pollDelay, int batchSize, String start,
                      AddedTrust trust, long unreadablePollDelay) {

    /** The source osTicket records for this mailbox's tickets: Email needs a system email id. */
    public String ticketSource() {
        return emailId == null ? "API" : "Email";
    }

    /** Where it is read: protocol, login, server and folder; never the password. */
    public String server() {
        return protocol + "://" + username + "@" + host + ":" + port + "/" + folder;
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "Mailbox[" + name + ", " + server() + "]";
    }
}
