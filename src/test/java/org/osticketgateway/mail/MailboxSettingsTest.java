package org.osticketgateway.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.junit.jupiter.api.Test;
import org.osticketgateway.Settings;

/** A mailbox's new settings: their defaults, and a wrong value stopping start-up with its key named. */
class MailboxSettingsTest {

    private static Mailbox read(String... keyValues) throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            PropertiesComponent properties = camel.getPropertiesComponent();
            properties.addOverrideProperty("mail.support.host", "imap.example.com");
            properties.addOverrideProperty("mail.support.username", "support@example.com");
            for (int i = 0; i < keyValues.length; i += 2) {
                properties.addOverrideProperty(keyValues[i], keyValues[i + 1]);
            }
            return MailSetup.mailbox(new Settings(properties), "support");
        }
    }

    @Test
    void anImapMailboxStartsAtNewMailAndANewPop3OneTakesAll() throws Exception {
        Mailbox imap = read();
        assertThat(imap.start()).isEqualTo("now");
        assertThat(imap.unreadablePollDelay()).isEqualTo(300000);
        assertThat(imap.trust()).isNull();
        assertThat(read("mail.support.protocol", "pop3s").start()).isEqualTo("all");
        assertThat(read("mail.support.start", "2026-11-01").start()).isEqualTo("2026-11-01");
    }

    @Test
    void aWrongValueNamesItsKey() {
        assertThatThrownBy(() -> read("mail.support.start", "2026-13-40"))
                .hasMessage("mail.support.start must be now, all or a date (2026-12-01), not '2026-13-40'");
        assertThatThrownBy(() -> read("mail.support.protocol", "pop3", "mail.support.start", "now"))
                .hasMessage("mail.support.start must be all for POP3, which keeps no position in a mailbox");
        assertThatThrownBy(() -> read("mail.support.unreadable-poll-delay", "1000"))
                .hasMessage("mail.support.unreadable-poll-delay must be at least mail.support.poll-delay (10000 ms), "
                        + "not 1000");
        assertThatThrownBy(() -> read("mail.support.trust-pem", "/nonexistent/ca.pem"))
                .hasMessageStartingWith("mail.support.trust-pem: cannot read the certificates in /nonexistent/ca.pem");
    }
}
