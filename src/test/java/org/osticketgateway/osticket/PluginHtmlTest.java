package org.osticketgateway.osticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.osticketgateway.osticket.model.MessageFormat;
import org.osticketgateway.osticket.model.NewTicket;
import org.osticketgateway.osticket.model.Ticket;
import org.osticketgateway.osticket.model.TicketRef;
import org.osticketgateway.sandbox.SandboxOptions;
import org.osticketgateway.sandbox.SandboxServer;

/**
 * Text through the plugin, as recorded on osTicket 1.18.1: sent as it is it loses its line breaks and
 * whatever is in angle brackets ({@code stock/150}, {@code stock/151}); sent as the gateway sends it
 * ({@code stock/148}) osTicket keeps it whole ({@code stock/149}), and so does the sandbox.
 */
class PluginHtmlTest {

    private static final String TEXT = "Reply by email from <ann@example.org>:\n\nline one\nline two & more";
    private final ObjectMapper json = new ObjectMapper();

    private JsonNode requestBody(String name) throws IOException {
        String request = ObservedExchange.load(name).request();
        return json.readTree(request.substring(request.indexOf("\n\n") + 2));
    }

    private String storedBody(String name) throws IOException {
        return json.readTree(ObservedExchange.load(name).response().body()).at("/thread/0/body/body").asText();
    }

    @Test
    void textIsSentAsTheHtmlOsTicketKeepsWhole() throws IOException {
        assertThat(new PluginHtml().of(TEXT, MessageFormat.TEXT))
                .isEqualTo(requestBody("stock/148-create-text-sent-as-escaped-html.txt").get("message").asText());
        assertThat(storedBody("stock/149-get-text-sent-as-escaped-html.txt"))
                .isEqualTo("Reply by email from &lt;ann@example.org&gt;:<br /> <br /> line one<br /> line two &amp; more");
        assertThat(requestBody("stock/150-create-text-sent-plain.txt").get("message").asText()).isEqualTo(TEXT);
        assertThat(storedBody("stock/151-get-text-sent-plain.txt"))
                .isEqualTo("Reply by email from : line one line two &amp; more");
    }

    @Test
    void theSandboxKeepsWhatOsTicketKeeps() throws IOException {
        try (SandboxServer sandbox = SandboxServer.start(0, SandboxOptions.shippedPlugin("k"), false);
             OsTicketClient client = new OsTicketClient(OsTicketSettings.of(sandbox.url(), "k"))) {
            Ticket ticket = client.getTicket(TicketRef.ofNumber(client.createTicket(
                    NewTicket.of("Ann", "ann@example.org", "Text as HTML", TEXT)).number()));
            assertThat(ticket.thread().get(0).body())
                    .isEqualTo(storedBody("stock/149-get-text-sent-as-escaped-html.txt"));
            assertThat(ticket.thread().get(0).format()).isEqualTo(MessageFormat.HTML);
        }
    }

    @Test
    void htmlAndMarkdownKeepTheirCharacterReferences() {
        PluginHtml html = new PluginHtml();
        assertThat(html.of("<p>a &lt; b</p>", MessageFormat.HTML)).isEqualTo("<p>a &amp;lt; b</p>");
        assertThat(html.of("**a** < b", MessageFormat.MARKDOWN)).isEqualTo("<p><strong>a</strong> &amp;lt; b</p>\n");
    }
}
