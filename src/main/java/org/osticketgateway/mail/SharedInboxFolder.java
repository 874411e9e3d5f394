package org.osticketgateway.mail;

import jakarta.mail.FetchProfile;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.SearchTerm;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.ListInfo;

/**
 * An IMAP folder of a mailbox others read too. Closing it never expunges: camel-mail closes the
 * folder with an expunge after every poll, which would remove for good a mail another client had
 * only flagged deleted. The gateway removes what it took itself, by UID ({@link MailMoves}).
 * A search the server cannot run (the start position) fetches the UIDs and flags of all candidates
 * in one command instead of one command per mail.
 */
public final class SharedInboxFolder extends IMAPFolder {

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

    @Override
    public synchronized Message[] search(SearchTerm term, Message[] messages) throws MessagingException {
        if (term instanceof StartPosition) {
            FetchProfile profile = new FetchProfile();
            profile.add(UIDFolder.FetchProfileItem.UID);
            profile.add(FetchProfile.Item.FLAGS);
            fetch(messages, profile);
        }
        return super.search(term, messages);
    }
}
