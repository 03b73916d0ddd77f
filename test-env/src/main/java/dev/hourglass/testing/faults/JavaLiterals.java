package dev.hourglass.testing.faults;

import java.time.Duration;
import java.util.Locale;

/** Values of a fault plan written as Java source, so that a plan prints as the code that rebuilds it. */
final class JavaLiterals {

    private JavaLiterals() {
    }

    /** Fails unless {@code value} can be written as a Java literal by {@link #of(Object)}. */
    static void requireRenderable(Object value) {
        if (value == null || value instanceof String || value instanceof Integer || value instanceof Long
                || value instanceof Boolean || value instanceof Double || value instanceof Character
                || value instanceof Enum<?>) {
            return;
        }
        throw new IllegalArgumentException("a signal argument of a fault plan must be a String, Integer, Long,"
                + " Double, Boolean, Character, an enum constant or null, so that the plan prints as the code that"
                + " rebuilds it; got " + value.getClass().getName());
    }

    static String of(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return string((String) value);
        }
        if (value instanceof Long) {
            return value + "L";
        }
        if (value instanceof Double) {
            return doubleLiteral((Double) value);
        }
        if (value instanceof Character) {
            return "'" + escape((Character) value, '\'') + "'";
        }
        if (value instanceof Enum<?>) {
            Enum<?> constant = (Enum<?>) value;
            return constant.getDeclaringClass().getCanonicalName() + "." + constant.name();
        }
        if (value instanceof Duration) {
            return duration((Duration) value);
        }
        return String.valueOf(value); // Integer, Boolean
    }

    private static String string(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            out.append(escape(text.charAt(i), '"'));
        }
        return out.append('"').toString();
    }

    private static String escape(char c, char quote) {
        switch (c) {
            case '\\':
                return "\\\\";
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            default:
                if (c == quote) {
                    return "\\" + c;
                }
                if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) {
                    return String.format(Locale.ROOT, "\\u%04x", (int) c);
                }
                return String.valueOf(c);
        }
    }

    private static String doubleLiteral(double value) {
        if (Double.isNaN(value)) {
            return "Double.NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
        }
        return Double.toString(value) + "d";
    }

    /** A duration as the shortest exact factory call: {@code Duration.ofHours(2)}, {@code Duration.ofMillis(1500)}. */
    static String duration(Duration duration) {
        long seconds = duration.getSeconds();
        int nanos = duration.getNano();
        if (nanos == 0) {
            if (seconds % 86_400 == 0 && seconds != 0) {
                return "Duration.ofDays(" + seconds / 86_400 + ")";
            }
            if (seconds % 3_600 == 0 && seconds != 0) {
                return "Duration.ofHours(" + seconds / 3_600 + ")";
            }
            if (seconds % 60 == 0 && seconds != 0) {
                return "Duration.ofMinutes(" + seconds / 60 + ")";
            }
            return "Duration.ofSeconds(" + seconds + ")";
        }
        if (nanos % 1_000_000 == 0 && Math.abs(seconds) < Long.MAX_VALUE / 1_000 - 1) {
            return "Duration.ofMillis(" + duration.toMillis() + ")";
        }
        return "Duration.ofSeconds(" + seconds + ", " + nanos + ")";
    }
}
