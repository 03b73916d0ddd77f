package org.example.library;

import java.time.Duration;

/** Stands for a third-party library whose methods are pure: nothing in it is nondeterministic. */
public final class Durations {

    private Durations() {
    }

    /** Parses {@code 3d}, {@code 12h} or {@code 30m}. */
    public static Duration parse(String text) {
        long amount = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 'd' -> Duration.ofDays(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> Duration.ofMinutes(amount);
        };
    }
}
