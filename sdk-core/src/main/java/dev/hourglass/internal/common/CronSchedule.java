package dev.hourglass.internal.common;

import com.cronutils.model.Cron;
import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A cron schedule: five fields (minute, hour, day of month, month, day of week) as Unix cron reads them, or a
 * nickname such as {@code @daily}, evaluated in UTC unless the text begins with {@code CRON_TZ=<zone> }.
 *
 * <p>Parsing and evaluation are cron-utils'. The next fire time depends only on the text and the instant asked
 * about, so it is the same in every JVM and on replay.
 */
public final class CronSchedule {

    private static final String ZONE_PREFIX = "CRON_TZ=";
    private static final CronParser PARSER = new CronParser(unixWithNicknames());
    /** Schedules read lately: a service reads a chain's schedule again at each run's close. */
    private static final Map<String, CronSchedule> RECENT = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, CronSchedule> eldest) {
                    return size() > 256;
                }
            });

    private final String text;
    private final ZoneId zone;
    private final ExecutionTime executionTime;

    private CronSchedule(String text, ZoneId zone, ExecutionTime executionTime) {
        this.text = text;
        this.zone = zone;
        this.executionTime = executionTime;
    }

    /** Unix cron's five fields, as cron-utils defines them, and the nicknames {@code @yearly} to {@code @hourly}. */
    private static CronDefinition unixWithNicknames() {
        return CronDefinitionBuilder.defineCron()
                .withMinutes().withValidRange(0, 59).withStrictRange().and()
                .withHours().withValidRange(0, 23).withStrictRange().and()
                .withDayOfMonth().withValidRange(1, 31).withStrictRange().and()
                .withMonth().withValidRange(1, 12).withStrictRange().and()
                .withDayOfWeek().withValidRange(0, 7).withMondayDoWValue(1).withIntMapping(7, 0).withStrictRange()
                .and()
                .withSupportedNicknameYearly().withSupportedNicknameAnnually().withSupportedNicknameMonthly()
                .withSupportedNicknameWeekly().withSupportedNicknameDaily().withSupportedNicknameMidnight()
                .withSupportedNicknameHourly()
                .instance();
    }

    /**
     * Reads a cron schedule.
     *
     * @param text such as {@code "0 9 * * MON"}, {@code "@hourly"} or {@code "CRON_TZ=Europe/Paris 0 9 * * *"}
     * @return the schedule; never {@code null}
     * @throws IllegalArgumentException naming the text and what is wrong with it
     */
    public static CronSchedule parse(String text) {
        CronSchedule recent = text == null ? null : RECENT.get(text);
        if (recent != null) {
            return recent;
        }
        CronSchedule schedule = read(text);
        RECENT.put(text, schedule);
        return schedule;
    }

    private static CronSchedule read(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a cron schedule must not be blank; write five fields (minute, hour,"
                    + " day of month, month, day of week) such as \"0 9 * * MON\"");
        }
        String expression = text.strip();
        ZoneId zone = ZoneOffset.UTC;
        if (expression.startsWith(ZONE_PREFIX)) {
            int space = expression.indexOf(' ');
            String zoneName = space < 0 ? expression.substring(ZONE_PREFIX.length())
                    : expression.substring(ZONE_PREFIX.length(), space);
            try {
                zone = ZoneId.of(zoneName);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("the cron schedule \"" + text + "\" names the time zone \""
                        + zoneName + "\", which this JVM does not know; use a region id such as Europe/Paris", e);
            }
            expression = space < 0 ? "" : expression.substring(space + 1).strip();
        }
        Cron cron;
        try {
            cron = PARSER.parse(expression).validate();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the cron schedule \"" + text + "\" is not valid: " + e.getMessage()
                    + "; write five fields (minute, hour, day of month, month, day of week) such as \"0 9 * * MON\","
                    + " or a nickname such as @daily, optionally after CRON_TZ=<zone> and a space", e);
        }
        return new CronSchedule(text, zone, ExecutionTime.forCron(cron));
    }

    /**
     * Returns the first fire time strictly after {@code instant}.
     *
     * @param instant the instant to look after; never {@code null}
     * @return the next fire time; never {@code null}
     * @throws IllegalStateException if the schedule never fires again (such as the 30th of February)
     */
    public Instant nextAfter(Instant instant) {
        Optional<ZonedDateTime> next = executionTime.nextExecution(instant.atZone(zone));
        return next.map(ZonedDateTime::toInstant).orElseThrow(() -> new IllegalStateException(
                "the cron schedule \"" + text + "\" never fires after " + instant));
    }

    /** The text this schedule was read from. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
