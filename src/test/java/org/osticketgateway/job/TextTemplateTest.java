package org.osticketgateway.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class TextTemplateTest {

    private static final ZonedDateTime MONDAY = ZonedDateTime.of(2026, 12, 28, 6, 0, 0, 0, ZoneId.of("Europe/Berlin"));

    @Test
    void placeholdersTakeTheFireDateInTheJobsZone() {
        TextTemplate template = TextTemplate.parse("job.x.subject",
                "{job}: {weekday} {date}, week {week} of {year}, {month-name} ({month}) for {child}", true);

        assertThat(template.render("patching", MONDAY, "web-01"))
                .isEqualTo("patching: Monday 2026-12-28, week 53 of 2026, December (12) for web-01");
    }

    @Test
    void textWithoutPlaceholdersAndDollarSignsStaysAsWritten() {
        assertThat(TextTemplate.parse("k", "Costs $5 \\ {date}", false).render("j", MONDAY, null))
                .isEqualTo("Costs $5 \\ 2026-12-28");
    }

    @Test
    void aPlaceholderThatDoesNotExistIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> TextTemplate.parse("job.x.message", "Due {tomorrow}", false))
                .hasMessage("job.x.message uses {tomorrow}, which is no placeholder: use {date}, {year}, {month}, "
                        + "{month-name}, {week}, {weekday}, {job}");
    }

    @Test
    void childIsAPlaceholderOnlyInAChecklistsChildTexts() {
        assertThatThrownBy(() -> TextTemplate.parse("job.x.subject", "Patch {child}", false))
                .hasMessageStartingWith("job.x.subject uses {child}, which is no placeholder");
        assertThat(TextTemplate.parse("job.x.child-subject", "Patch {child}", true).render("x", MONDAY, "db"))
                .isEqualTo("Patch db");
    }
}
