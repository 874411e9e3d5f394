package org.osticketgateway.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReplyMailTest {

    private static String named(String mail) {
        return new String(ReplyMail.naming(mail.getBytes(StandardCharsets.ISO_8859_1), "123456"),
                StandardCharsets.ISO_8859_1);
    }

    @Test
    void theSubjectBeginsWithTheTicketNumberAndNothingElseChanges() {
        assertThat(named("From: a@x.org\r\nSubject: Re: Issue #42\r\n printer\r\n\r\nSubject: not a header\r\n"))
                .isEqualTo("From: a@x.org\r\nSubject: [#123456] Re: Issue #42\r\n printer\r\n\r\nSubject: not a header\r\n");
        assertThat(named("subject:=?UTF-8?B?w6k=?=\n\nbody")).isEqualTo("subject:[#123456] =?UTF-8?B?w6k=?=\n\nbody");
    }

    @Test
    void aMailWithoutASubjectGetsOneAndOneAlreadyNamedIsLeftAlone() {
        assertThat(named("From: a@x.org\r\n\r\nbody")).isEqualTo("Subject: [#123456]\r\nFrom: a@x.org\r\n\r\nbody");
        assertThat(named("Subject: [#123456] Re: x\r\n\r\nbody")).isEqualTo("Subject: [#123456] Re: x\r\n\r\nbody");
        assertThat(named("Subject: Re: [#123456] x\r\n\r\nbody")).isEqualTo("Subject: Re: [#123456] x\r\n\r\nbody");
    }

    @Test
    void bytesOutsideAsciiPassUnchanged() {
        byte[] mail = "Subject: Grüße\r\n\r\nÄrger".getBytes(StandardCharsets.UTF_8);
        assertThat(new String(ReplyMail.naming(mail, "1"), StandardCharsets.UTF_8))
                .isEqualTo("Subject: [#1] Grüße\r\n\r\nÄrger");
    }
}
