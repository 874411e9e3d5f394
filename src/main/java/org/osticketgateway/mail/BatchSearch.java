package org.osticketgateway.mail;

import jakarta.mail.Message;
import jakarta.mail.search.SearchTerm;

/**
 * The search of one poll of an IMAP mailbox, and how many of the mails it finds the poll takes
 * (the mailbox's {@code batch-size}). {@link SharedInboxFolder} runs {@code term} and fetches what
 * the route reads of those mails in one command for the batch, not a few commands for each mail.
 */
public final class BatchSearch extends SearchTerm {

    private static final long serialVersionUID = 1L;

    private final SearchTerm term;
    private final int size;

    BatchSearch(SearchTerm term, int size) {
        this.term = term;
        this.size = size;
    }

    SearchTerm term() {
        return term;
    }

    int size() {
        return size;
    }

    @Override
    public boolean match(Message message) {
        return term.match(message);
    }
}
