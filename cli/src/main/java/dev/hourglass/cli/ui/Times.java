package dev.hourglass.cli.ui;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as the UI shows them: UTC, to the millisecond, as the command line prints them. */
final class Times {

    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private Times() {
    }

    /** The instant in UTC, as {@code 2026-01-31 09:05:00.250}; the empty string for {@code null}. */
    static String format(Instant instant) {
        return instant == null ? "" : INSTANT.format(instant);
    }
}
