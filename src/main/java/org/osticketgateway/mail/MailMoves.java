package org.osticketgateway.mail;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.component.mail.MailBoxPostProcessAction;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a mail goes once the route is done with it, in an IMAP mailbox: archived or deleted when
 * taken (the mailbox's {@code after}), moved to the error folder when refused. The route notes each
 * mail by UID; after the poll's batch, camel-mail hands the open folder to
 * {@link #afterPoll(String)}, which moves the noted mails with IMAP MOVE where the server has it,
 * else copies them, flags them deleted and expunges exactly those (UID EXPUNGE, with UIDPLUS). The
 * folder as a whole is never expunged, so a mail another client flagged deleted stays. A mail noted
 * but not moved (the connection dropped, the gateway was killed) is taken again at the next poll,
 * found already in osTicket and only moved.
 */
public final class MailMoves {

    private static final Logger LOG = LoggerFactory.getLogger(MailMoves.class);
    /** The destination of a mail to delete. */
    private static final String DELETE = "";

    private final Map<String, Mailbox> mailboxes;
    /** Per mailbox: UID → destination folder ({@link #DELETE}: deleted). */
    private final Map<String, Map<Long, String>> noted = new ConcurrentHashMap<>();

    public MailMoves(Map<String, Mailbox> mailboxes) {
        this.mailboxes = mailboxes;
    }

    /** A mail the route took: archived or deleted after the batch, as the mailbox says; or left, flagged seen. */
    public void taken(String mailboxName, Message mail) throws MessagingException {
        Mailbox mailbox = mailboxes.get(mailboxName);
        switch (mailbox.after()) {
            case "archive" -> note(mailboxName, mail, mailbox.archiveFolder());
            case "delete" -> note(mailboxName, mail, DELETE);
            default -> {
                // Left where it is: camel-mail flags it seen.
            }
        }
    }

    /** A mail that goes to the mailbox's error folder after the batch. */
    public void refused(String mailboxName, Message mail) throws MessagingException {
        note(mailboxName, mail, mailboxes.get(mailboxName).errorFolder());
    }

    private void note(String mailboxName, Message mail, String destination) throws MessagingException {
        // POP3 has neither folders nor UIDs here: camel-mail deletes its taken mail itself.
        if (mail.getFolder() instanceof IMAPFolder folder) {
            noted.computeIfAbsent(mailboxName, n -> new ConcurrentHashMap<>()).put(folder.getUID(mail), destination);
        }
    }

    /** camel-mail's post-processing for one mailbox: the noted moves, on the folder still open. */
    public MailBoxPostProcessAction afterPoll(String mailboxName) {
        return folder -> move(mailboxName, folder);
    }

    private void move(String mailboxName, Folder folder) throws MessagingException {
        Map<Long, String> pending = noted.getOrDefault(mailboxName, Map.of());
        if (pending.isEmpty() || !(folder instanceof IMAPFolder imap)) {
            return;
        }
        Map<String, List<Long>> byDestination = new LinkedHashMap<>();
        pending.forEach((uid, destination) -> byDestination.computeIfAbsent(destination, d -> new ArrayList<>()).add(uid));
        IMAPStore store = (IMAPStore) imap.getStore();
        for (Map.Entry<String, List<Long>> group : byDestination.entrySet()) {
            List<Long> uids = group.getValue();
            Message[] mails = Arrays.stream(imap.getMessagesByUID(uids.stream().mapToLong(Long::longValue).toArray()))
                    .filter(Objects::nonNull).toArray(Message[]::new);
            if (mails.length > 0) {
                move(imap, store, mails, group.getKey());
            }
            uids.forEach(pending::remove);
            LOG.debug("Mailbox {}: {} mails {}", mailboxName, mails.length,
                    group.getKey().equals(DELETE) ? "deleted" : "moved to " + group.getKey());
        }
    }

    private static void move(IMAPFolder folder, IMAPStore store, Message[] mails, String destination)
            throws MessagingException {
        if (destination.equals(DELETE)) {
            folder.setFlags(mails, new Flags(Flags.Flag.DELETED), true);
            expungeOnly(folder, store, mails);
            return;
        }
        Folder target = store.getFolder(destination);
        if (!target.exists()) {
            target.create(Folder.HOLDS_MESSAGES);
        }
        if (store.hasCapability("MOVE")) {
            folder.moveMessages(mails, target);
        } else {
            folder.copyMessages(mails, target);
            folder.setFlags(mails, new Flags(Flags.Flag.DELETED), true);
            expungeOnly(folder, store, mails);
        }
    }

    /**
     * Expunges these mails and no other (UID EXPUNGE). A server without UIDPLUS cannot: they stay
     * flagged deleted, which the gateway skips, until a client of the mailbox expunges it.
     */
    private static void expungeOnly(IMAPFolder folder, IMAPStore store, Message[] mails) throws MessagingException {
        if (store.hasCapability("UIDPLUS")) {
            folder.expunge(mails);
        }
    }
}
