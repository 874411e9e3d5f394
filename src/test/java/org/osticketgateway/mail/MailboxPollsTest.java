package org.osticketgateway.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.osticketgateway.LogLines;

/**
 * What a mailbox's polls log: one line when it turns unreadable, nothing while it stays so (the
 * "Failed polling endpoint" Camel would add each time is swallowed), one when it recovers; the cause
 * in words that name the setting.
 */
class MailboxPollsTest {

    private static final Mailbox SUPPORT = new Mailbox("support", "imaps", "imap.example.com", 993,
            "support@example.com", "s3cret-pw", "INBOX", "archive", "Archive", "Errors", null, null, null, null,
            10000, 50, "now", null, 300000);

    private final MailboxPolls polls = new MailboxPolls(SUPPORT,
            Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void aRefusedLoginIsSaidOnceWhateverThePollsAndCamelsOwnLineIsSwallowed() {
        try (LogLines log = LogLines.capture()) {
            for (int i = 0; i < 5; i++) {
                AuthenticationFailedException refused = new AuthenticationFailedException("[AUTHENTICATIONFAILED]");
                assertThat(polls.rollback(null, null, i, refused)).isFalse();
                polls.handleException("Failed polling endpoint: imaps://imap.example.com:993?password=xxxxxx", refused);
            }

            assertThat(log.all()).singleElement().satisfies(line -> {
                assertThat(line.isWarnOrWorse()).isTrue();
                assertThat(line.stackTrace()).isFalse();
                assertThat(line.message()).isEqualTo("Mailbox support (imaps://support@example.com@imap.example.com:993"
                        + "/INBOX) cannot be read: login refused: check mail.support.username and the password "
                        + "(MAIL_SUPPORT_PASSWORD). Tried again every 300 s; said again when it can be read");
            });
            assertThat(polls.cause()).startsWith("login refused");
        }
    }

    @Test
    void aMailboxThatCanBeReadAgainIsSaidOnce() {
        polls.unreadable(new AuthenticationFailedException("no"));
        try (LogLines log = LogLines.capture()) {
            polls.commit(null, null, 0);
            polls.commit(null, null, 3);

            assertThat(log.all()).singleElement().satisfies(line -> assertThat(line.message())
                    .startsWith("Mailbox support (imaps://support@example.com@imap.example.com:993/INBOX) can be read "
                            + "again"));
            assertThat(polls.cause()).isNull();
        }
    }

    @Test
    void anotherFailureOfAPollIsOneLineWithoutAStackTrace() {
        try (LogLines log = LogLines.capture()) {
            polls.handleException("Error occurred during committing", new MessagingException("folder closed"));

            assertThat(log.all()).filteredOn(LogLines.Line::isWarnOrWorse).singleElement()
                    .satisfies(line -> assertThat(line.stackTrace()).isFalse());
        }
    }

    @Test
    void theCauseIsFoundUnderTheMailApisWrappingAndNamesTheSetting() {
        SSLHandshakeException untrusted = new SSLHandshakeException("PKIX path building failed");
        untrusted.initCause(new CertPathBuilderException("unable to find valid certification path"));
        assertThat(MailboxFailure.describe(SUPPORT, new MessagingException("connect failed", untrusted)))
                .isEqualTo("certificate not trusted: add the CA with mail.support.trust-pem (a PEM file) or "
                        + "mail.support.trust-store");
        assertThat(MailboxFailure.describe(SUPPORT, new MessagingException("no", new ConnectException("refused"))))
                .isEqualTo("connection refused: check mail.support.host and mail.support.port");
        assertThat(MailboxFailure.describe(SUPPORT, new MessagingException("no", new UnknownHostException("x"))))
                .isEqualTo("unknown host imap.example.com: check mail.support.host");
        assertThat(MailboxFailure.describe(SUPPORT, new MessagingException("Can't verify identity of server: x")))
                .startsWith("certificate is for another host than imap.example.com");
    }
}
