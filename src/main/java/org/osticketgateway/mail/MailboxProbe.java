package org.osticketgateway.mail;

import jakarta.mail.Folder;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * One login to a mailbox, as its polls make it, to say whether it can be read: at start (which also
 * fixes a new mailbox's start position) and in {@code check}. Reads, never changes a mail.
 */
public final class MailboxProbe {

    /** Whether the mailbox can be read, and what was found there or why it cannot. */
    public record Outcome(boolean readable, String detail) {
    }

    private MailboxProbe() {
    }

    /** What a reader of the mailbox finds (its mails, how the gateway moves them); throws when it cannot read it. */
    static String visit(Mailbox mailbox, StartPosition start) throws MessagingException {
        try (Store store = MailboxSession.of(mailbox).getStore(mailbox.protocol())) {
            store.connect(mailbox.host(), mailbox.port(), mailbox.username(), mailbox.password());
            Folder folder = store.getFolder(mailbox.folder());
            if (!folder.exists()) {
                throw new FolderNotFoundException(folder, mailbox.folder() + " does not exist");
            }
            folder.open(Folder.READ_ONLY);
            try {
                if (start != null && folder instanceof IMAPFolder imap) {
                    start.fix(imap);
                }
                int mails = folder.getMessageCount();
                return mails + (mails == 1 ? " mail in " : " mails in ") + mailbox.folder()
                        + (store instanceof IMAPStore imapStore ? "; " + moves(imapStore) : "");
            } finally {
                folder.close(false);
            }
        }
    }

    private static String moves(IMAPStore store) throws MessagingException {
        if (store.hasCapability("MOVE")) {
            return "the server moves mail (IMAP MOVE)";
        }
        return store.hasCapability("UIDPLUS") ? "the server has no MOVE: copy, then UID EXPUNGE of the gateway's mail"
                : "the server has neither MOVE nor UIDPLUS: moved mail stays behind flagged deleted until a "
                + "client of the mailbox expunges it";
    }

    /** One login, the outcome in words; no start position is fixed. */
    public static Outcome check(Mailbox mailbox) {
        try {
            return new Outcome(true, visit(mailbox, null));
        } catch (MessagingException | RuntimeException e) {
            return new Outcome(false, MailboxFailure.describe(mailbox, e));
        }
    }
}
