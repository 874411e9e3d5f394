package org.osticketgateway.mail;

/**
 * One mailbox the gateway reads, and the defaults its tickets get. {@code after} is what happens to
 * a mail once osTicket took it: {@code archive} (moved to {@code archiveFolder}), {@code delete}, or
 * {@code seen} (left in place, flagged seen).
 */
public record Mailbox(String name, String protocol, String host, int port, String username, String password,
                      String folder, String after, String archiveFolder, String errorFolder, String department,
                      String priority, Long topicId, long pollDelay, int batchSize) {

    /** Never prints the password. */
    @Override
    public String toString() {
        return "Mailbox[" + name + ", " + protocol + "://" + username + "@" + host + ":" + port + "/" + folder + "]";
    }
}
