package dev.hourglass.internal.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The reader's fast parse of event times gives what ISO_INSTANT gives, and leaves other forms to it. */
class EventTimeParsingTest {

    @ParameterizedTest
    @ValueSource(strings = {"2024-05-01T12:00:00Z", "2024-05-01T12:00:00.1Z", "2024-05-01T12:00:00.123Z",
        "2024-05-01T12:00:00.123456Z", "2024-05-01T12:00:00.123456789Z", "2024-02-29T23:59:59.999Z",
        "1970-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z"})
    void theWritersFormParsesAsIsoInstantParsesIt(String text) {
        assertThat(HistoryJsonReader.parseUtc(text))
                .isEqualTo(DateTimeFormatter.ISO_INSTANT.parse(text, Instant::from));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-05-01T12:00:00+01:00", "2024-05-01T12:00:00.Z", "2024-05-01 12:00:00Z",
        "2024-05-01T24:00:00Z", "2024-05-01T23:59:60Z", "+12024-05-01T12:00:00Z", "2024-05-01T12:00:00.1234567890Z",
        "2024-5-01T12:00:00Z", "x024-05-01T12:00:00Z"})
    void anyOtherFormIsLeftToIsoInstant(String text) {
        assertThat(HistoryJsonReader.parseUtc(text)).isNull();
    }

    @Test
    void aDayThatDoesNotExistIsRejected() {
        assertThatThrownBy(() -> HistoryJsonReader.parseUtc("2023-02-29T00:00:00Z"))
                .isInstanceOf(DateTimeException.class);
    }
}
