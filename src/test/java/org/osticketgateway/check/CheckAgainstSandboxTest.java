package org.osticketgateway.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.EnumSet;
import java.util.Set;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osticketgateway.mail.SupportMailbox;
import org.osticketgateway.sandbox.Permission;
import org.osticketgateway.sandbox.SandboxOptions;
import org.osticketgateway.sandbox.SandboxServer;

/**
 * The check against the sandbox over HTTP on loopback: the documented API, the plugin as shipped
 * (its subticket crash and keyless create), the plugin patched, keys that may do less, a wrong key,
 * no server, and mailboxes (on a GreenMail, logged into) that osTicket takes or refuses. The check's own ticket is gone afterwards.
 */
class CheckAgainstSandboxTest {

    private static final String KEY = "check-test-key-4f1c9a";

    @RegisterExtension
    static final GreenMailExtension MAIL = SupportMailbox.server();

    @BeforeAll
    static void mailUser() {
        MAIL.setUser("support@example.com", "support@example.com", "imap-pw");
    }

    /** Mailbox support, on the test's mail server, then {@code more}. */
    private static String[] mailbox(String... more) {
        return with(new String[] {"mail.mailboxes", "support", "mail.support.protocol", "imap",
            "mail.support.host", "127.0.0.1", "mail.support.port", String.valueOf(MAIL.getImap().getPort()),
            "mail.support.username", "support@example.com", "mail.support.password", "imap-pw"}, more);
    }

    private static String[] everyFlow() {
        return mailbox("mail.support.email-id", "1",
                "mail.support.department", "Support",
                "commands.enabled", "true",
                "events.enabled", "true",
                "report.names", "daily",
                "report.daily.cron", "0 0 8 ? * MON-FRI");
    }

    @Test
    void theDocumentedApiServesEveryFlowAndTheCheckTicketIsDeleted() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(0, SandboxOptions.withKey(KEY), true)) {
            int tickets = sandbox.ticketCount();
            CheckRun run = CheckRun.of(sandbox.url(), KEY, with(everyFlow(), "report.daily.department", "4"));

            assertThat(run.exitStatus()).as(run.text()).isZero();
            assertThat(run.line(Verdict.OK, "dialect")).get().asString()
                    .contains("documented API (reference), detected: its statuses answer is an object");
            assertThat(run.line(Verdict.OK, "reading mailbox support")).get().asString()
                    .contains("imap://support@example.com@127.0.0.1:" + MAIL.getImap().getPort() + "/INBOX: 0 mails");
            assertThat(run.line(Verdict.OK, "version")).get().asString().contains("not revealed");
            assertThat(run.line(Verdict.OK, "create without key")).isPresent();
            assertThat(run.line(Verdict.OK, "mailbox support")).get().asString()
                    .contains("email tickets of osTicket system email 1 (source Email), department Support");
            assertThat(run.line(Verdict.OK, "report daily")).get().asString().contains("department 4");
            assertThat(run.line(Verdict.OK, "ticket due date")).get().asString().contains("sent with the create");
            assertThat(run.line(Verdict.OK, "ticket attachment")).get().asString().contains("multipart/form-data");
            assertThat(run.line(Verdict.OK, "ticket reply")).get().asString().contains("the customer's message on #");
            assertThat(run.line(Verdict.OK, "search by department")).isPresent();
            assertThat(run.line(Verdict.OK, "subtickets")).isPresent();
            assertThat(run.line(Verdict.OK, "ticket delete")).isPresent();
            assertThat(run.line(Verdict.OK, "result")).get().asString().endsWith("exit status 0");
            assertThat(sandbox.ticketCount()).isEqualTo(tickets);
            assertThat(run.text()).doesNotContain(KEY);
        }
    }

    @Test
    void theShippedPluginServesEveryFlowWithItsSubticketCrashNamedAndFixed() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(0, SandboxOptions.shippedPlugin(KEY), true)) {
            int tickets = sandbox.ticketCount();
            CheckRun run = CheckRun.of(sandbox.url(), KEY, everyFlow());

            // Subtickets stop no flow: only link and unlink commands fail, with a reason, and a child can
            // still be created with its parent set.
            assertThat(run.exitStatus()).as(run.text()).isZero();
            assertThat(run.line(Verdict.OK, "dialect")).get().asString()
                    .contains("plugin v2.3.4 as shipped, detected: its statuses answer is a bare list");
            assertThat(run.line(Verdict.WARN, "subtickets")).get().asString()
                    .contains("Allowed memory size").contains("link and unlink commands fail")
                    .contains("\"parent\" on osticket.ticket.create");
            assertThat(run.line(Verdict.WARN, "subticket fix")).get().asString()
                    .contains("controllers/SubticketApiController.php").contains("resolveApiKey()");
            assertThat(run.line(Verdict.WARN, "permission subtickets")).get().asString().contains("crash");
            assertThat(run.line(Verdict.WARN, "create without key")).get().asString()
                    .contains("restrict POST /api/tickets.json");
            assertThat(run.line(Verdict.OK, "ticket due date")).get().asString().contains("second call");
            assertThat(run.line(Verdict.OK, "ticket attachment")).get().asString().contains("internal note");
            assertThat(run.line(Verdict.OK, "ticket priority")).get().asString().contains("id 3");
            assertThat(run.line(Verdict.OK, "ticket source")).isPresent();
            assertThat(run.line(Verdict.OK, "ticket delete")).isPresent();
            assertThat(sandbox.ticketCount()).isEqualTo(tickets);
            assertThat(run.text()).doesNotContain(KEY);
        }
    }

    @Test
    void thePatchedPluginAnswersSubticketsAndRefusesAKeylessCreate() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(0, SandboxOptions.shippedPlugin(KEY).patched(), true)) {
            CheckRun run = CheckRun.of(sandbox.url(), KEY, "commands.enabled", "true");

            assertThat(run.exitStatus()).as(run.text()).isZero();
            assertThat(run.line(Verdict.OK, "subtickets")).get().asString()
                    .contains("listing children and asking for the parent work");
            assertThat(run.line(Verdict.OK, "permission subtickets")).isPresent();
            assertThat(run.line(Verdict.OK, "create without key")).get().asString().contains("refused");
            assertThat(run.lines()).noneMatch(line -> line.startsWith("WARN"));
        }
    }

    @Test
    void aCreateOnlyKeyCannotStartTheGatewayAndNoTicketIsWritten() throws Exception {
        SandboxOptions options = SandboxOptions.shippedPlugin(KEY).withApiKey("create-only-key",
                Set.of(Permission.CAN_CREATE_TICKETS));
        try (SandboxServer sandbox = SandboxServer.start(0, options, true)) {
            int tickets = sandbox.ticketCount();
            CheckRun run = CheckRun.of(sandbox.url(), "create-only-key", mailbox("mail.support.email-id", "1"));

            assertThat(run.exitStatus()).isEqualTo(1);
            assertThat(run.line(Verdict.OK, "permission create")).isPresent();
            assertThat(run.line(Verdict.FAIL, "permission search")).get().asString()
                    .contains("API key not authorized to search tickets").contains("would not start");
            assertThat(run.line(Verdict.FAIL, "permission read")).isPresent();
            assertThat(run.line(Verdict.WARN, "permission stats")).get().asString().contains("not configured");
            assertThat(run.line(Verdict.WARN, "ticket")).get().asString().contains("not written");
            assertThat(run.line(Verdict.FAIL, "start-up")).isPresent();
            assertThat(run.line(Verdict.FAIL, "flow mail")).isPresent();
            assertThat(run.line(Verdict.FAIL, "result")).get().asString().endsWith("exit status 1");
            assertThat(sandbox.ticketCount()).isEqualTo(tickets);
        }
    }

    @Test
    void aKeyThatMayNotDeleteLeavesTheTicketNamedForRemovalByHand() throws Exception {
        EnumSet<Permission> allButDelete = EnumSet.complementOf(EnumSet.of(Permission.CAN_DELETE_TICKETS));
        SandboxOptions options = SandboxOptions.withKey(KEY).withApiKey("no-delete-key", allButDelete);
        try (SandboxServer sandbox = SandboxServer.start(0, options, true)) {
            int tickets = sandbox.ticketCount();
            CheckRun run = CheckRun.of(sandbox.url(), "no-delete-key", "commands.enabled", "true");

            assertThat(run.exitStatus()).as(run.text()).isZero();
            assertThat(run.line(Verdict.WARN, "permission delete")).get().asString()
                    .contains("delete commands fail");
            String created = run.line(Verdict.OK, "ticket create").orElseThrow();
            String number = created.replaceAll(".*#(\\d+) written.*", "$1");
            assertThat(run.line(Verdict.WARN, "ticket delete")).get().asString()
                    .contains("remove ticket #" + number + " (subject starting [osticket-gateway check]) by hand");
            assertThat(sandbox.ticketCount()).isEqualTo(tickets + 1);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aWrongKeyStopsTheCheckNamingTheSetting(boolean plugin) throws Exception {
        SandboxOptions options = plugin ? SandboxOptions.shippedPlugin(KEY) : SandboxOptions.withKey(KEY);
        try (SandboxServer sandbox = SandboxServer.start(0, options, true)) {
            CheckRun run = CheckRun.of(sandbox.url(), "wrong-key-77");

            assertThat(run.exitStatus()).isEqualTo(1);
            assertThat(run.line(Verdict.FAIL, "api key")).get().asString()
                    .contains("rejected it").contains("check osticket.api-key (OSTICKET_API_KEY)");
            assertThat(run.lines()).noneMatch(line -> line.contains("permission"));
            assertThat(run.text()).doesNotContain("wrong-key-77");
        }
    }

    @Test
    void anUnreachableUrlStopsTheCheckNamingTheSetting() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CheckRun run = CheckRun.of("http://127.0.0.1:" + closedPort + "/api", KEY);

        assertThat(run.exitStatus()).isEqualTo(1);
        assertThat(run.line(Verdict.FAIL, "connection")).get().asString()
                .contains("no answer from http://127.0.0.1:" + closedPort + "/api")
                .contains("check osticket.url (OSTICKET_URL)");
        assertThat(run.line(Verdict.FAIL, "result")).get().asString().contains("the gateway would not start");
    }

    @Test
    void aMailboxThatRefusesTheLoginFailsTheMailFlowNamingTheCause() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(0, SandboxOptions.withKey(KEY), true)) {
            CheckRun run = CheckRun.of(sandbox.url(), KEY, mailbox("mail.support.password", "wrong-pw"));

            assertThat(run.exitStatus()).isEqualTo(1);
            assertThat(run.line(Verdict.FAIL, "reading mailbox support")).get().asString()
                    .contains("cannot be read: login refused: check mail.support.username and the password "
                            + "(MAIL_SUPPORT_PASSWORD)").doesNotContain("wrong-pw");
        }
    }

    @Test
    void aMailboxWithoutEmailIdMakesApiTicketsAndSaysHowToMakeEmailTickets() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(0, SandboxOptions.shippedPlugin(KEY), true)) {
            CheckRun run = CheckRun.of(sandbox.url(), KEY, mailbox("mail.support.priority", "Emergency"));

            assertThat(run.exitStatus()).as(run.text()).isZero();
            assertThat(run.line(Verdict.OK, "mailbox support")).get().asString()
                    .contains("API tickets (source API)").contains("priority Emergency (id 4 by osticket.priorities)");
            assertThat(run.line(Verdict.WARN, "mailbox support")).get().asString()
                    .contains("mail.support.email-id is not set");
            assertThat(run.line(Verdict.OK, "ticket priority")).get().asString().startsWith("OK    ticket priority"
                    + "       Emergency, as asked");
        }
    }

    @Test
    void aMailboxOrRoutingRuleOsTicketRefusesFailsTheMailFlow() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(0, SandboxOptions.shippedPlugin(KEY), true)) {
            int tickets = sandbox.ticketCount();
            CheckRun run = CheckRun.of(sandbox.url(), KEY, mailbox("mail.support.email-id", "2",
                    "mail.support.department", "Nowhere",
                    "mail.routing", "to:billing@example\\.com=Billing; subject:(?i)contract=Legal"));

            assertThat(run.exitStatus()).isEqualTo(1);
            assertThat(run.line(Verdict.FAIL, "mailbox support")).get().asString()
                    .contains("Department 'Nowhere' not found").contains("mail.support.department");
            assertThat(run.line(Verdict.OK, "routing")).get().asString().contains("'Billing': osTicket knows it");
            assertThat(run.line(Verdict.FAIL, "routing")).get().asString().contains("Department 'Legal' not found");
            assertThat(run.line(Verdict.FAIL, "flow mail")).isPresent();
            assertThat(sandbox.ticketCount()).isEqualTo(tickets);
        }
    }

    @Test
    void aReportByDepartmentNameFailsOnTheDocumentedApiWhichFiltersByIdOnly() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(0, SandboxOptions.withKey(KEY), true)) {
            CheckRun run = CheckRun.of(sandbox.url(), KEY, "report.names", "weekly",
                    "report.weekly.cron", "0 0 7 ? * MON", "report.weekly.department", "Billing");

            assertThat(run.exitStatus()).isEqualTo(1);
            assertThat(run.line(Verdict.FAIL, "report weekly")).get().asString()
                    .contains("filters by department id only");
            assertThat(run.line(Verdict.FAIL, "result")).get().asString().contains("reports cannot work");
        }
    }

    @Test
    void eachJobsSearchIsTriedAndWhatTheServerCannotDoIsNamed() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(0, SandboxOptions.shippedPlugin(KEY), true)) {
            int tickets = sandbox.ticketCount();
            CheckRun run = CheckRun.of(sandbox.url(), KEY, "jobs.names", "close,incident,typo",
                    "job.close.kind", "update", "job.close.cron", "0 0 2 * * ?", "job.close.search.status", "Resolved",
                    "job.close.search.older-than-hours", "168", "job.close.set.status", "Closed",
                    "job.incident.kind", "link", "job.incident.cron", "0 */5 * * * ?", "job.incident.parent", "1",
                    "job.incident.search.query", "INC-42",
                    "job.typo.kind", "update", "job.typo.cron", "0 0 2 * * ?", "job.typo.search.department", "Suport",
                    "job.typo.set.priority", "High");

            assertThat(run.exitStatus()).isEqualTo(1);
            assertThat(run.line(Verdict.OK, "job close")).get().asString()
                    .contains("its search (status Resolved, updated over 168 h ago) answers with");
            assertThat(run.line(Verdict.FAIL, "job incident")).get().asString()
                    .contains("nothing can be linked: the subticket endpoints crash");
            assertThat(run.lines()).anyMatch(l -> l.startsWith("FAIL  job typo ")
                    && l.contains("job.typo.search.department 'Suport': osTicket does not know it"));
            assertThat(run.lines()).anyMatch(l -> l.startsWith("FAIL  job typo ")
                    && l.contains("job.typo.set.priority cannot be set here: the plugin v2.3.4 ignores a priority"));
            assertThat(sandbox.ticketCount()).isEqualTo(tickets);
        }
    }

    private static String[] with(String[] settings, String... more) {
        String[] all = new String[settings.length + more.length];
        System.arraycopy(settings, 0, all, 0, settings.length);
        System.arraycopy(more, 0, all, settings.length, more.length);
        return all;
    }
}
