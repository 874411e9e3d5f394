package org.osticketgateway.report;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/**
 * A report as an email: an HTML body (every value escaped by the template) with a plain-text
 * alternative, the chart of tickets by department and status as an inline PNG, and the numbers as
 * a CSV attachment.
 */
public final class EmailReport {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DefaultMustacheFactory TEMPLATES = new DefaultMustacheFactory("report");
    private static final Mustache HTML = TEMPLATES.compile("email.html.mustache");
    private static final Mustache TEXT = TEMPLATES.compile("email.txt.mustache");

    private EmailReport() {
    }

    public static MimeMessage render(StatsReport report, String from) throws MessagingException {
        Map<String, Object> view = view(report);
        MimeBodyPart text = new MimeBodyPart();
        text.setText(fill(TEXT, view), "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(fill(HTML, view), "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative", text, html);

        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative);
        MimeBodyPart chart = new MimeBodyPart();
        chart.setDataHandler(new DataHandler(new ByteArrayDataSource(chart(report), "image/png")));
        chart.setContentID("<chart>");
        chart.setDisposition(MimeBodyPart.INLINE);
        chart.setFileName("tickets-by-department.png");
        MimeMultipart related = new MimeMultipart("related", body, chart);

        MimeBodyPart content = new MimeBodyPart();
        content.setContent(related);
        MimeBodyPart csv = new MimeBodyPart();
        csv.setDataHandler(new DataHandler(new ByteArrayDataSource(csv(report).getBytes(StandardCharsets.UTF_8),
                "text/csv; charset=UTF-8")));
        csv.setFileName(report.definition().name() + "-report.csv");
        csv.setDisposition(MimeBodyPart.ATTACHMENT);

        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress(from));
        for (String to : report.definition().emailTo()) {
            message.addRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to));
        }
        message.setSubject(report.definition().title() + ": " + report.totals().open() + " open, "
                + report.totals().overdue() + " overdue", "UTF-8");
        message.setSentDate(Date.from(report.generated()));
        message.setContent(new MimeMultipart("mixed", content, csv));
        message.saveChanges();
        return message;
    }

    private static Map<String, Object> view(StatsReport report) {
        Totals t = report.totals();
        Totals p = report.previous();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("title", report.definition().title());
        view.put("headline", List.of(
                line("Open", t.open(), report.change(t.open(), p == null ? null : p.open())),
                line("Overdue", t.overdue(), report.change(t.overdue(), p == null ? null : p.overdue())),
                line("New in " + report.definition().period().label(), t.created(),
                        report.change(t.created(), p == null ? null : p.created())),
                line("Closed", t.closed(), report.change(t.closed(), p == null ? null : p.closed())),
                Map.of("label", "Assigned / unassigned", "value", t.assigned() + " / " + t.unassigned(), "change", ""),
                Map.of("label", "Answered / unanswered", "value", t.answered() == null ? "not reported"
                        : t.answered() + " / " + t.unanswered(), "change", "")));
        view.put("departments", report.byDepartment());
        view.put("hasOverdue", !report.overdue().isEmpty());
        List<Map<String, String>> overdue = new ArrayList<>();
        for (OverdueTicket o : report.overdue()) {
            overdue.add(Map.of("number", o.number(), "subject", String.valueOf(o.subject()),
                    "department", String.valueOf(o.department()),
                    "assignee", o.assignee() == null ? "unassigned" : o.assignee(),
                    "due", o.dueDate() == null ? "—" : DAY.format(o.dueDate().atZone(report.zone()))));
        }
        view.put("overdue", overdue);
        view.put("breakdowns", List.of(
                Map.of("title", "Open by staff", "lines", report.byStaff()),
                Map.of("title", "By status", "lines", report.byStatus()),
                Map.of("title", "Open by priority", "lines", report.byPriority())));
        view.put("coverage", report.coverage());
        return view;
    }

    private static Map<String, Object> line(String label, long value, String change) {
        return Map.of("label", label, "value", value, "change", change.isEmpty() ? "" : "(" + change + ")");
    }

    private static String fill(Mustache template, Map<String, Object> view) {
        StringWriter out = new StringWriter();
        template.execute(out, view);
        return out.toString();
    }

    /** Tickets by department, stacked open and closed. */
    static byte[] chart(StatsReport report) {
        List<String> departments = report.byDepartment().stream().map(DepartmentLine::department).toList();
        CategoryChart chart = new CategoryChartBuilder().width(640).height(320)
                .title("Tickets by department and status").build();
        chart.getStyler().setStacked(true);
        chart.getStyler().setXAxisLabelRotation(30);
        if (departments.isEmpty()) {
            departments = List.of("(no tickets)");
            chart.addSeries("Open", departments, List.of(0));
        } else {
            chart.addSeries("Open", departments, report.byDepartment().stream().map(DepartmentLine::open).toList());
            chart.addSeries("Closed", departments,
                    report.byDepartment().stream().map(DepartmentLine::closed).toList());
        }
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every number of the report, one row each: section, name, value. */
    static String csv(StatsReport report) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader("section", "name", "open", "closed", "overdue", "count").get())) {
            Totals t = report.totals();
            csv.printRecord("total", "all", t.open(), t.closed(), t.overdue(), t.total());
            csv.printRecord("total", "new", "", "", "", t.created());
            csv.printRecord("total", "assigned", "", "", "", t.assigned());
            csv.printRecord("total", "unassigned", "", "", "", t.unassigned());
            if (t.answered() != null) {
                csv.printRecord("total", "answered", "", "", "", t.answered());
                csv.printRecord("total", "unanswered", "", "", "", t.unanswered());
            }
            for (DepartmentLine d : report.byDepartment()) {
                csv.printRecord("department", d.department(), d.open(), d.closed(), d.overdue(), "");
            }
            for (CountLine c : report.byStaff()) {
                csv.printRecord("staff", c.name(), "", "", "", c.count());
            }
            for (CountLine c : report.byStatus()) {
                csv.printRecord("status", c.name(), "", "", "", c.count());
            }
            for (CountLine c : report.byPriority()) {
                csv.printRecord("priority", c.name(), "", "", "", c.count());
            }
            for (OverdueTicket o : report.overdue()) {
                csv.printRecord("overdue", "#" + o.number() + " " + o.subject(), "", "", "", "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
