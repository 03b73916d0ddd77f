package dev.hourglass.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Times and durations as the command line prints and reads them: UTC ISO-8601, always with milliseconds. */
final class Times {

    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private static final Pattern AGO = Pattern.compile("(\\d+)(ms|s|m|h|d|w)");

    private Times() {
    }

    /** The instant in UTC, as {@code 2026-01-31T09:05:00.250Z}: the same width for every instant of these years. */
    static String format(Instant instant) {
        return instant == null ? null : INSTANT.format(instant);
    }

    /** The duration in its largest units, as {@code 3d}, {@code 1h30m}, {@code 2s500ms} or {@code 0s}. */
    static String format(Duration duration) {
        if (duration == null) {
            return null;
        }
        if (duration.isZero()) {
            return "0s";
        }
        StringBuilder text = new StringBuilder(duration.isNegative() ? "-" : "");
        Duration rest = duration.abs();
        appendPart(text, rest.toDays(), "d");
        appendPart(text, rest.toHoursPart(), "h");
        appendPart(text, rest.toMinutesPart(), "m");
        appendPart(text, rest.toSecondsPart(), "s");
        appendPart(text, rest.toMillisPart(), "ms");
        if (text.length() == 0 || text.toString().equals("-")) {
            text.append(rest.toNanos()).append("ns");
        }
        return text.toString();
    }

    private static void appendPart(StringBuilder text, long amount, String unit) {
        if (amount != 0) {
            text.append(amount).append(unit);
        }
    }

    /**
     * The instant that {@code text} names: an age such as {@code 7d}, {@code 12h}, {@code 30m} or {@code 1h30m}
     * (weeks, days, hours, minutes, seconds, milliseconds) before now, an ISO-8601 duration such as {@code P7D}
     * before now, or an ISO-8601 instant such as {@code 2026-01-31T00:00:00Z}.
     *
     * @throws CliException if the text is none of these
     */
    static Instant since(String text, Clock clock) {
        String trimmed = text.strip();
        Duration age = age(trimmed);
        if (age != null) {
            return clock.instant().minus(age);
        }
        try {
            if (trimmed.startsWith("P") || trimmed.startsWith("p")) {
                return clock.instant().minus(Duration.parse(trimmed));
            }
            return Instant.parse(trimmed);
        } catch (DateTimeParseException e) {
            throw CliException.usage("bad --since '" + text + "': expected an age such as 7d, 12h or 30m, or an"
                    + " instant such as 2026-01-31T00:00:00Z");
        }
    }

    private static Duration age(String text) {
        Matcher part = AGO.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (part.lookingAt()) {
            long amount = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> Duration.ofDays(7 * amount);
            });
            end = part.end();
            part.region(end, text.length());
        }
        return end > 0 && end == text.length() ? total : null;
    }
}
