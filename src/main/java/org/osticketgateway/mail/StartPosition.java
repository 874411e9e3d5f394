package org.osticketgateway.mail;

import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.search.SearchTerm;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.apache.camel.spi.StateRepository;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where an IMAP mailbox set to {@code start = now} begins: at the end of its folder when the gateway
 * first reached it. That position — the folder's UIDVALIDITY and UIDNEXT, and when it was fixed — is
 * kept in the gateway's state, so a restart or a kill changes nothing: only mail with a UID from
 * there on is taken, the history before it is left alone. Should the server renumber the folder
 * (UIDVALIDITY changes), mail received since the position was fixed is taken instead. A mailbox that
 * could not be read at its first start has no UIDs to begin at: mail received since that first attempt
 * is taken. As camel-mail's search term it also keeps to unseen mail when the mailbox only flags mail seen.
 */
public final class StartPosition extends SearchTerm {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(StartPosition.class);

    /** A folder's end at one moment. */
    record Position(long uidValidity, long uidNext, Instant fixedAt) {

        static Position parse(String saved) {
            String[] parts = saved.split(" ");
            return new Position(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Instant.parse(parts[2]));
        }

        String format() {
            return uidValidity + " " + uidNext + " " + fixedAt;
        }
    }

    private final String mailbox;
    private final transient StateRepository<String, String> positions;
    private final boolean unseenOnly;
    private final transient Clock clock;
    private volatile long renumberedValidity;

    StartPosition(String mailbox, StateRepository<String, String> positions, boolean unseenOnly, Clock clock) {
        this.mailbox = mailbox;
        this.positions = positions;
        this.unseenOnly = unseenOnly;
        this.clock = clock;
    }

    @Override
    public boolean match(Message message) {
        try {
            if (unseenOnly && message.isSet(Flags.Flag.SEEN)) {
                return false;
            }
            IMAPFolder folder = (IMAPFolder) message.getFolder();
            Position start = fix(folder);
            if (start.uidNext() > 0 && start.uidValidity() == folder.getUIDValidity()) {
                return folder.getUID(message) >= start.uidNext();
            }
            if (start.uidNext() > 0) {
                warnRenumbered(folder.getUIDValidity(), start);
            }
            Date received = message.getReceivedDate();
            return received != null && !received.toInstant().isBefore(start.fixedAt());
        } catch (MessagingException e) {
            // Not taken this poll; the next poll asks again.
            LOG.debug("Mailbox {}: cannot place a mail against the start position: {}", mailbox, e.getMessage());
            return false;
        }
    }

    /** The position kept for this mailbox; at the first call ever, the folder's end now, kept. */
    Position fix(IMAPFolder folder) throws MessagingException {
        String saved = positions.getState(mailbox);
        if (saved != null) {
            return Position.parse(saved);
        }
        Position now = new Position(folder.getUIDValidity(), folder.getUIDNext(), clock.instant());
        positions.setState(mailbox, now.format());
        return now;
    }

    /**
     * The mailbox could not be read at its first start: it begins at that attempt, by time (to the
     * second, as IMAP dates a mail), so that nothing arriving while it is unreadable is left behind.
     */
    void fixUnread() {
        if (positions.getState(mailbox) == null) {
            positions.setState(mailbox, new Position(0, 0, clock.instant().truncatedTo(ChronoUnit.SECONDS)).format());
        }
    }

    /** When the position was fixed, in words. */
    String describe() {
        String saved = positions.getState(mailbox);
        if (saved == null) {
            return "its first read";
        }
        Position start = Position.parse(saved);
        return start.uidNext() == 0 ? "the gateway's first attempt to read it, " + start.fixedAt()
                : "its first read, " + start.fixedAt() + " (UID " + start.uidNext() + " on)";
    }

    private void warnRenumbered(long validity, Position start) {
        if (renumberedValidity != validity) {
            renumberedValidity = validity;
            LOG.warn("Mailbox {}: the server renumbered its folder (UIDVALIDITY {}, was {}): taking mail received "
                    + "since {}, when the gateway first read it", mailbox, validity, start.uidValidity(),
                    start.fixedAt());
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StartPosition that && that.mailbox.equals(mailbox);
    }

    @Override
    public int hashCode() {
        return mailbox.hashCode();
    }
}
