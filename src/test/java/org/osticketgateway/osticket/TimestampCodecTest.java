package org.osticketgateway.osticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class TimestampCodecTest {

    private final TimestampCodec berlin = new TimestampCodec(ZoneId.of("Europe/Berlin"));

    @Test
    void readsServerTimestampsInTheServersZone() {
        assertThat(berlin.parse("2025-11-08 10:30:00")).isEqualTo(Instant.parse("2025-11-08T09:30:00Z"));
        assertThat(berlin.parse("2025-07-01")).isEqualTo(Instant.parse("2025-06-30T22:00:00Z"));
        assertThat(berlin.parse(null)).isNull();
        assertThat(berlin.parse("")).isNull();
        assertThat(berlin.parse("0000-00-00 00:00:00")).isNull();
    }

    @Test
    void writesIsoInputInTheServersForm() {
        assertThat(berlin.toServerForm("2025-12-31")).isEqualTo("2025-12-31 00:00:00");
        assertThat(berlin.toServerForm("2025-12-31T23:59:59")).isEqualTo("2025-12-31 23:59:59");
        assertThat(berlin.toServerForm("2025-12-31T22:00:00Z")).isEqualTo("2025-12-31 23:00:00");
        assertThatThrownBy(() -> berlin.toServerForm("tomorrow")).isInstanceOf(DateTimeParseException.class);
    }
}
