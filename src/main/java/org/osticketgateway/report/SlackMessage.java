package org.osticketgateway.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A report as a Slack incoming-webhook message: Block Kit blocks plus a plain-text fallback,
 * within Slack's limits (50 blocks, 3,000 characters a section text; longer lists end in
 * "+N more"), every string from osTicket escaped so it cannot mention, link or format.
 */
public final class SlackMessage {

    static final int MAX_BLOCKS = 50;
    static final int MAX_SECTION = 3000;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private SlackMessage() {
    }

    /** Slack's three control characters; osTicket text then reads as text. */
    static String escape(String text) {
        return text == null ? "—" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    public static ObjectNode render(StatsReport report) {
        Totals t = report.totals();
        Totals p = report.previous();
        ObjectNode message = NODES.objectNode();
        message.put("text", escape(report.definition().title()) + ": " + t.open() + " open, " + t.overdue()
                + " overdue, " + t.created() + " new");
        ArrayNode blocks = message.putArray("blocks");
        blocks.addObject().put("type", "header").putObject("text").put("type", "plain_text")
                .put("text", truncate(report.definition().title(), 150));
        ObjectNode headline = blocks.addObject().put("type", "section");
        ArrayNode fields = headline.putArray("fields");
        field(fields, "Open", t.open(), p == null ? null : p.open(), report);
        field(fields, "Overdue", t.overdue(), p == null ? null : p.overdue(), report);
        field(fields, "New (" + report.definition().period().label() + ")", t.created(),
                p == null ? null : p.created(), report);
        field(fields, "Closed", t.closed(), p == null ? null : p.closed(), report);
        fields.addObject().put("type", "mrkdwn").put("text", "*Assigned / unassigned*\n" + t.assigned() + " / "
                + t.unassigned());
        fields.addObject().put("type", "mrkdwn").put("text", "*Answered / unanswered*\n"
                + (t.answered() == null ? "not reported" : t.answered() + " / " + t.unanswered()));
        section(blocks, "By department (open · closed · overdue)", report.byDepartment(),
                d -> escape(d.department()) + ": " + d.open() + " · " + d.closed() + " · " + d.overdue());
        section(blocks, "Open by staff", report.byStaff(), c -> escape(c.name()) + ": " + c.count());
        section(blocks, "By status", report.byStatus(), c -> escape(c.name()) + ": " + c.count());
        section(blocks, "Open by priority", report.byPriority(), c -> escape(c.name()) + ": " + c.count());
        section(blocks, "Top overdue", report.overdue(), o -> "#" + escape(o.number()) + " " + escape(o.subject())
                + " (" + escape(o.department()) + ", " + escape(o.assignee() == null ? "unassigned" : o.assignee())
                + ", due " + (o.dueDate() == null ? "—" : DAY.format(o.dueDate().atZone(report.zone()))) + ")");
        blocks.addObject().put("type", "context").putArray("elements").addObject().put("type", "mrkdwn")
                .put("text", truncate(escape(report.coverage()), MAX_SECTION));
        while (blocks.size() > MAX_BLOCKS) {
            blocks.remove(blocks.size() - 2);
        }
        return message;
    }

    private static void field(ArrayNode fields, String label, long now, Long before, StatsReport report) {
        String change = report.change(now, before);
        fields.addObject().put("type", "mrkdwn").put("text", "*" + label + "*\n" + now
                + (change.isEmpty() ? "" : "  (" + change + ")"));
    }

    /** A titled list in one section, cut to Slack's 3,000 characters with "+N more". */
    private static <T> void section(ArrayNode blocks, String title, List<T> items, Function<T, String> line) {
        if (items.isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        String head = "*" + title + "*\n";
        int length = head.length();
        for (int i = 0; i < items.size(); i++) {
            String next = "• " + line.apply(items.get(i));
            String more = "\n+" + (items.size() - i) + " more";
            if (length + next.length() + 1 + more.length() + 10 > MAX_SECTION) {
                lines.add("+" + (items.size() - i) + " more");
                break;
            }
            lines.add(next);
            length += next.length() + 1;
        }
        blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn")
                .put("text", head + String.join("\n", lines));
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
