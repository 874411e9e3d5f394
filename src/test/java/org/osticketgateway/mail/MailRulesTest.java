package org.osticketgateway.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small decisions of the mail flow, one by one. */
class MailRulesTest {

    private static IncomingMail mail(String from, String returnPath, String contentType, List<String> to,
                                     String subject, Map<String, String> headers) {
        Map<String, List<String>> all = new HashMap<>();
        headers.forEach((k, v) -> all.put(k.toLowerCase(), List.of(v)));
        return new IncomingMail("<id@x>", null, List.of(), null, from, returnPath, to, subject, "body", null,
                List.of(), List.of(), contentType, all, true);
    }

    private static IncomingMail withHeaders(Map<String, String> headers) {
        return mail("ann@example.org", null, "text/plain", List.of("support@example.com"), "Hello", headers);
    }

    @Test
    void loopGuardKnowsMachinesFromPeople() {
        LoopGuard guard = new LoopGuard();
        assertThat(guard.classify(withHeaders(Map.of()))).isEqualTo(MailKind.GENUINE);
        assertThat(guard.classify(withHeaders(Map.of("Auto-Submitted", "no")))).isEqualTo(MailKind.GENUINE);
        assertThat(guard.classify(withHeaders(Map.of("Auto-Submitted", "auto-replied")))).isEqualTo(MailKind.AUTO_REPLY);
        assertThat(guard.classify(withHeaders(Map.of("Precedence", "bulk")))).isEqualTo(MailKind.AUTO_REPLY);
        assertThat(guard.classify(withHeaders(Map.of("X-Autoreply", "yes")))).isEqualTo(MailKind.AUTO_REPLY);
        assertThat(guard.classify(withHeaders(Map.of("X-Auto-Response-Suppress", "OOF, AutoReply"))))
                .isEqualTo(MailKind.AUTO_REPLY);
        assertThat(guard.classify(withHeaders(Map.of("X-Failed-Recipients", "x@y.z")))).isEqualTo(MailKind.BOUNCE);
        assertThat(guard.classify(mail("MAILER-DAEMON@mx.example.com", null, "text/plain", List.of(), "x", Map.of())))
                .isEqualTo(MailKind.BOUNCE);
        assertThat(guard.classify(mail("ann@example.org", "<>", "text/plain", List.of(), "x", Map.of())))
                .isEqualTo(MailKind.BOUNCE);
        assertThat(guard.classify(mail("ann@example.org", null,
                "multipart/report; report-type=delivery-status", List.of(), "x", Map.of()))).isEqualTo(MailKind.BOUNCE);
        assertThat(guard.isNoReply("no-reply@shop.example")).isTrue();
        assertThat(guard.isNoReply("ann@example.org")).isFalse();
    }

    @Test
    void quotedHistoryIsTrimmed() {
        QuoteTrimmer trimmer = new QuoteTrimmer();
        assertThat(trimmer.trim("Thanks!\n\nOn Mon, 1 Dec 2026, Bob <b@x> wrote:\n> old")).isEqualTo("Thanks!");
        assertThat(trimmer.trim("Fixed.\n-----Original Message-----\nFrom: x")).isEqualTo("Fixed.");
        assertThat(trimmer.trim("Fixed.\r\nFrom: Support\r\nSent: Monday")).isEqualTo("Fixed.");
        assertThat(trimmer.trim("> only a quote")).isEqualTo("> only a quote");
    }

    @Test
    void routingRulesApplyInOrderAndNameTheKeyWhenWrong() {
        RoutingRules rules = RoutingRules.parse("mail.routing",
                "to:billing@example\\.com=Billing; subject:(?i)invoice=Accounting; to:.*@sales\\.example\\.com=Sales");
        assertThat(rules.department(mail("a@x.org", null, "text/plain", List.of("billing@example.com"),
                "Invoice 12", Map.of()))).contains("Billing");
        assertThat(rules.department(mail("a@x.org", null, "text/plain", List.of("support@example.com"),
                "Your INVOICE", Map.of()))).contains("Accounting");
        assertThat(rules.department(mail("a@x.org", null, "text/plain", List.of("eu@sales.example.com"), "Hi",
                Map.of()))).contains("Sales");
        assertThat(rules.department(withHeaders(Map.of()))).isEmpty();
        assertThatThrownBy(() -> RoutingRules.parse("mail.routing", "from:x=Y"))
                .hasMessageStartingWith("mail.routing: 'from:x=Y' is not of the form");
        assertThatThrownBy(() -> RoutingRules.parse("mail.routing", "subject:([=Y"))
                .hasMessageContaining("bad regex");
    }

    @Test
    void sendersMayBeBannedAndLimited() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
        SenderPolicy policy = new SenderPolicy(List.of("spam@example.com", "@junk.example"), 2, clock);
        assertThat(policy.refusal("SPAM@example.com")).get().extracting(MailDecision::kind).isEqualTo("banned");
        assertThat(policy.refusal("anyone@junk.example")).get().extracting(MailDecision::reason).asString()
                .contains("is banned (mail.banned)");
        assertThat(policy.refusal("ann@example.org")).isEmpty();
        policy.opened("ann@example.org");
        policy.opened("ann@example.org");
        assertThat(policy.refusal("ann@example.org")).get().extracting(MailDecision::kind).isEqualTo("sender-limit");
        assertThat(policy.refusal("bob@example.org")).isEmpty();
    }
}
