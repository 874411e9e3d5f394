package org.osticketgateway.job;

import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A subject, message or note with placeholders for the fire: {@code {date}} (2026-12-07),
 * {@code {year}}, {@code {month}} (12), {@code {month-name}} (December), {@code {week}} (ISO week
 * number), {@code {weekday}} (Monday), {@code {job}}, and in a checklist's child texts {@code {child}}.
 * Dates are the scheduled fire time in the job's zone.
 */
public record TextTemplate(String text) {

    static final List<String> PLACEHOLDERS = List.of("date", "year", "month", "month-name", "week", "weekday", "job");
    static final String CHILD = "child";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}\\s]*)}");

    /** Refuses a placeholder that does not exist, naming the key; {@code child} only where {@code withChild}. */
    static TextTemplate parse(String key, String text, boolean withChild) {
        Matcher found = PLACEHOLDER.matcher(text);
        while (found.find()) {
            String name = found.group(1);
            if (!PLACEHOLDERS.contains(name) && !(withChild && name.equals(CHILD))) {
                throw new IllegalStateException(key + " uses {" + name + "}, which is no placeholder: use "
                        + String.join(", ", PLACEHOLDERS.stream().map(p -> "{" + p + "}").toList())
                        + (withChild ? " or {child}" : ""));
            }
        }
        return new TextTemplate(text);
    }

    /** The text for a fire at {@code at}; {@code child} is null outside a checklist's children. */
    public String render(String job, ZonedDateTime at, String child) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("date", at.toLocalDate().toString());
        values.put("year", String.valueOf(at.getYear()));
        values.put("month", String.format("%02d", at.getMonthValue()));
        values.put("month-name", at.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        values.put("week", String.valueOf(at.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
        values.put("weekday", at.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        values.put("job", job);
        if (child != null) {
            values.put(CHILD, child);
        }
        Matcher found = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (found.find()) {
            found.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(found.group(1), found.group())));
        }
        return found.appendTail(out).toString();
    }
}
