package org.osticketgateway.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;

/** Sections of one repository keep apart; ids are present while their value is. */
class StateSectionTest {

    @Test
    void sectionsOfOneRepositoryDoNotSeeEachOthersKeys() {
        MemoryStateRepository shared = new MemoryStateRepository();
        StateSection threads = new StateSection(shared, "thread:");
        StateSection started = new StateSection(shared, "started:");
        threads.setState("<a@example.org>", "123456");
        started.setState("<a@example.org>", "2026-12-01T10:00:00Z");

        assertThat(threads.getState("<a@example.org>")).isEqualTo("123456");
        assertThat(started.getState("<a@example.org>")).isEqualTo("2026-12-01T10:00:00Z");
        assertThat(shared.getState("thread:<a@example.org>")).isEqualTo("123456");
        assertThat(threads.getState("<b@example.org>")).isNull();
    }

    @Test
    void anIdIsTakenOnceAndCanBeGivenBack() {
        StateIds ids = new StateIds(new StateSection(new MemoryStateRepository(), "taken:"));
        assertThat(ids.contains("<m@example.org>")).isFalse();
        assertThat(ids.add("<m@example.org>")).isTrue();
        assertThat(ids.add("<m@example.org>")).isFalse();
        assertThat(ids.contains("<m@example.org>")).isTrue();
        assertThat(ids.remove("<m@example.org>")).isTrue();
        assertThat(ids.contains("<m@example.org>")).isFalse();
    }
}
