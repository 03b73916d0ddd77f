package dev.hourglass.internal.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CronScheduleTest {

    private static final Instant SUNDAY_NOON = Instant.parse("2025-01-05T12:00:00Z");

    @Test
    void firesAtTheNextMatchingMinuteInUtc() {
        assertThat(CronSchedule.parse("0 9 * * MON").nextAfter(SUNDAY_NOON))
                .isEqualTo(Instant.parse("2025-01-06T09:00:00Z"));
    }

    @Test
    void theNextFireTimeIsStrictlyAfterTheInstantAskedAbout() {
        Instant mondayNine = Instant.parse("2025-01-06T09:00:00Z");

        assertThat(CronSchedule.parse("0 9 * * MON").nextAfter(mondayNine))
                .isEqualTo(Instant.parse("2025-01-13T09:00:00Z"));
    }

    @Test
    void aZonePrefixEvaluatesTheFieldsInThatZone() {
        assertThat(CronSchedule.parse("CRON_TZ=Europe/Paris 0 9 * * *").nextAfter(SUNDAY_NOON))
                .isEqualTo(Instant.parse("2025-01-06T08:00:00Z"));
    }

    @Test
    void keepsTheLocalTimeAcrossADaylightSavingChange() {
        CronSchedule nineInParis = CronSchedule.parse("CRON_TZ=Europe/Paris 0 9 * * *");

        assertThat(nineInParis.nextAfter(Instant.parse("2025-03-30T12:00:00Z")))
                .isEqualTo(Instant.parse("2025-03-31T07:00:00Z"));
    }

    @Test
    void understandsNicknames() {
        assertThat(CronSchedule.parse("@daily").nextAfter(SUNDAY_NOON))
                .isEqualTo(Instant.parse("2025-01-06T00:00:00Z"));
        assertThat(CronSchedule.parse("@hourly").nextAfter(SUNDAY_NOON))
                .isEqualTo(Instant.parse("2025-01-05T13:00:00Z"));
    }

    @Test
    void aMalformedScheduleIsRejectedWithItsTextAndTheExpectedShape() {
        assertThatThrownBy(() -> CronSchedule.parse("0 9 * MON"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the cron schedule \"0 9 * MON\" is not valid")
                .hasMessageContaining("five fields (minute, hour, day of month, month, day of week)");
    }

    @Test
    void anUnknownZoneIsRejectedNamingIt() {
        assertThatThrownBy(() -> CronSchedule.parse("CRON_TZ=Mars/Olympus 0 9 * * *"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names the time zone \"Mars/Olympus\"");
    }

    @Test
    void aBlankScheduleIsRejected() {
        assertThatThrownBy(() -> CronSchedule.parse(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be blank");
    }
}
