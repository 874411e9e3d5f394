package org.osticketgateway.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlackMessageTest {

    private static StatsReport report(List<DepartmentLine> departments, List<OverdueTicket> overdue, Totals previous) {
        ReportDefinition definition = new ReportDefinition("daily", "0 0 8 * * ?", "UTC", ReportPeriod.DAY, null,
                true, List.of(), 10);
        return new StatsReport(definition, Instant.parse("2026-11-27T08:00:00Z"), ZoneId.of("UTC"), "covers all",
                new Totals(10, 7, 3, 2, 4L, 3L, 5, 2, 1), previous, departments, List.of(new CountLine("Jane", 2)),
                List.of(new CountLine("Open", 7)), List.of(new CountLine("High", 1)), overdue);
    }

    @Test
    void escapesEveryStringFromOsTicket() {
        String message = SlackMessage.render(report(List.of(new DepartmentLine("<!channel> & <@U123>", 1, 0, 0)),
                List.of(new OverdueTicket("123456", "<https://evil.example|click> *now*", "Billing", null,
                        Instant.parse("2020-01-01T00:00:00Z"))), null)).toString();
        assertThat(message).doesNotContain("<!channel>").doesNotContain("<@U123>").doesNotContain("<https://evil")
                .contains("&lt;!channel&gt; &amp; &lt;@U123&gt;");
    }

    @Test
    void staysWithinSlacksLimitsAndSaysHowManyWereLeftOut() {
        List<DepartmentLine> many = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            many.add(new DepartmentLine("Department number " + i + " with a long name", i, 1, 0));
        }
        JsonNode message = SlackMessage.render(report(many, List.of(), null));
        assertThat(message.get("blocks").size()).isLessThanOrEqualTo(SlackMessage.MAX_BLOCKS);
        assertThat(message.get("text").asText()).isNotBlank();
        JsonNode departments = null;
        for (JsonNode block : message.get("blocks")) {
            if (block.has("text") && block.get("text").has("text")) {
                assertThat(block.get("text").get("text").asText().length()).isLessThanOrEqualTo(SlackMessage.MAX_SECTION);
                if (block.get("text").get("text").asText().startsWith("*By department")) {
                    departments = block;
                }
            }
        }
        assertThat(departments).isNotNull();
        assertThat(departments.get("text").get("text").asText()).containsPattern("\\+\\d+ more$");
    }

    @Test
    void showsTheChangeSinceThePreviousReport() {
        String first = SlackMessage.render(report(List.of(), List.of(), null)).toString();
        assertThat(first).doesNotContain("(+").doesNotContain("(±0)");
        String second = SlackMessage.render(report(List.of(), List.of(),
                new Totals(8, 5, 3, 2, null, null, 3, 2, 1))).toString();
        assertThat(second).contains("*Open*\\n7  (+2)").contains("*Overdue*\\n2  (±0)");
    }
}
