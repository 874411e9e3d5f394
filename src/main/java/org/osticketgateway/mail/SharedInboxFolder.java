package org.osticketgateway.mail;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.SearchTerm;
import java.util.Arrays;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.ListInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An IMAP folder of a mailbox others read too. Closing it never expunges: camel-mail closes the
 * folder with an expunge after every poll, which would remove for good a mail another client had
 * only flagged deleted. The gateway removes what it took itself, by UID ({@link MailMoves}).
 * A search the server cannot run (the start position) fetches the UIDs and flags of all candidates
 * in one command instead of one command per mail. A poll's {@link BatchSearch} fetches what the route
 * reads of the mails it takes (envelope, structure, flags, headers, size, UID) in one command too:
 * camel-mail and the route would otherwise ask for each of these apart, mail by mail.
 */
public final class SharedInboxFolder extends IMAPFolder {

    private static final Logger LOG = LoggerFactory.getLogger(SharedInboxFolder.class);

    /** Made by the mail API (mail.imap.folder.class). */
    public SharedInboxFolder(String fullName, char separator, IMAPStore store, Boolean isNamespace) {
        super(fullName, separator, store, isNamespace);
    }

    /** Made by the mail API (mail.imap.folder.class). */
    public SharedInboxFolder(ListInfo list, IMAPStore store) {
        super(list, store);
    }

    @Override
    public synchronized void close(boolean expunge) throws MessagingException {
        super.close(false);
    }

    /** What the gateway reads of a mail before its body: one FETCH, for one mail or many. */
    static FetchProfile description() {
        FetchProfile profile = new FetchProfile();
        profile.add(FetchProfile.Item.ENVELOPE);
        profile.add(FetchProfile.Item.CONTENT_INFO);
        profile.add(FetchProfile.Item.FLAGS);
        profile.add(FetchProfile.Item.SIZE);
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(IMAPFolder.FetchProfileItem.HEADERS);
        return profile;
    }

    @Override
    public synchronized Message[] search(SearchTerm term, Message[] messages) throws MessagingException {
        if (term instanceof BatchSearch batch) {
            Message[] found = search(batch.term(), messages);
            describe(found, batch.size());
            return found;
        }
        if (term instanceof StartPosition) {
            FetchProfile profile = new FetchProfile();
            profile.add(UIDFolder.FetchProfileItem.UID);
            profile.add(FetchProfile.Item.FLAGS);
            fetch(messages, profile);
        }
        return super.search(term, messages);
    }

    /**
     * Describes the first {@code size} mails of {@code found} that camel-mail takes (it skips those
     * flagged deleted), a batch at a time. Should the server fail to describe one of a batch, nothing
     * is lost: each mail is then described alone when it is read, and a mail it cannot describe is
     * found unreadable there.
     */
    private void describe(Message[] found, int size) {
        int taken = 0;
        int from = 0;
        try {
            while (taken < size && from < found.length) {
                Message[] batch = Arrays.copyOfRange(found, from, Math.min(found.length, from + size - taken));
                fetch(batch, description());
                from += batch.length;
                taken += (int) Arrays.stream(batch).filter(m -> !isDeleted(m)).count();
            }
        } catch (MessagingException e) {
            LOG.debug("Folder {}: the batch was not described in one command ({}); each mail is, when read",
                    getFullName(), e.getMessage());
        }
    }

    private static boolean isDeleted(Message mail) {
        try {
            return mail.isSet(Flags.Flag.DELETED);
        } catch (MessagingException e) {
            return false;
        }
    }
}
