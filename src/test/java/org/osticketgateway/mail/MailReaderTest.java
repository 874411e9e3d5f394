package org.osticketgateway.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/** Reading a mail whose body says base64 and is not: refused with the reason, never decoded into garbage. */
class MailReaderTest {

    private final MailReader reader = new MailReader(1024 * 1024);

    @Test
    void aBodyWhoseBase64IsBrokenMakesTheMailUnreadableWithTheReason() throws Exception {
        MimeMessage broken = MailCorpus.brokenBase64("<broken@example.org>");
        // The mail API alone decodes it, silently, into bytes that were never sent.
        assertThat(broken.getInputStream().readAllBytes()).isNotEmpty();

        assertThatThrownBy(() -> reader.read(broken)).isInstanceOf(UnreadableMailException.class)
                .hasMessageStartingWith("a text/plain part cannot be decoded: its base64 is broken");
    }

    @Test
    void wellFormedBase64IsReadAsBefore() throws Exception {
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        MailCorpus.withAttachment("<fine@example.org>", "ann@example.org", "Fine", "a.bin", 5000).writeTo(sent);

        IncomingMail mail = reader.read(new MimeMessage(MailCorpus.SESSION, new ByteArrayInputStream(sent.toByteArray())));

        assertThat(mail.attachments()).singleElement().satisfies(a -> assertThat(a.content()).hasSize(5000));
    }
}
