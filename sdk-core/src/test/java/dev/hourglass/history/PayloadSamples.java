package dev.hourglass.history;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.function.Function;

/**
 * Values that users pass as workflow and activity arguments and results, drawn from a seed: the same seed
 * always gives the same values. Each comes with the declared (generic) type that code would decode it as.
 *
 * <p>The draws lean on the values that conversions get wrong: decimals with trailing zeros and negative
 * scales, longs beyond 2<sup>53</sup>, times at the ends of their ranges, durations with nanoseconds, empty
 * optionals, strings with surrogate pairs, and collections of all of these.
 */
public final class PayloadSamples {

    /** A colour, for enum payloads. */
    public enum Colour { RED, GREEN, BLUE }

    /** A line of an order, for record payloads. */
    public record Line(String sku, int quantity, BigDecimal price, Optional<String> note) {
    }

    /** One value of each kind, for a workflow that passes everything through every path at once. */
    public record Everything(BigDecimal amount, long big, double ratio, float factor, BigInteger huge,
            Instant at, Duration delay, LocalDate day, OffsetDateTime offsetTime, ZonedDateTime zonedTime,
            Optional<BigDecimal> maybe, OptionalLong maybeLong, Colour colour, String text, char letter,
            List<Line> lines, Map<String, BigDecimal> prices, Map<String, List<Long>> series) {
    }

    /** A value and the type code declares for it. */
    public record Sample(String kind, Object value, Class<?> rawType, Type genericType) {
        @Override
        public String toString() {
            return kind + " " + value;
        }
    }

    private static final List<String> DECIMALS = List.of("420.00", "8500.00", "0.10", "0.00000001", "1E+3",
            "4.2E+2", "-0.000", "0", "123456789012345678901234567890.123456789", "2.82879384806159E+17", "0.5",
            "1.0E-7");
    private static final List<Long> LONGS = List.of(Long.MAX_VALUE, Long.MIN_VALUE, (1L << 53) + 1,
            -(1L << 53) - 1, 9_007_199_254_740_993L, 0L);
    private static final List<Double> DOUBLES = List.of(0.1, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, 1e20,
            2.82879384806159E17, 1.0E-7, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
    private static final List<Instant> INSTANTS = List.of(Instant.EPOCH, Instant.MAX, Instant.MIN,
            Instant.parse("2024-05-01T12:00:00.123456789Z"), Instant.ofEpochSecond(-1, 1));
    private static final List<Duration> DURATIONS = List.of(Duration.ZERO, Duration.ofNanos(123_456_789_012_345_678L),
            Duration.ofSeconds(Long.MAX_VALUE, 999_999_999), Duration.ofSeconds(Long.MIN_VALUE),
            Duration.ofDays(3), Duration.ofMillis(-1));
    private static final List<String> ZONES = List.of("Europe/Paris", "America/New_York", "Asia/Kolkata", "UTC");
    private static final String LETTERS = "abcXYZ019 -_\"\\/\n\t\u0001éß中文\u2028";
    private static final List<String> EMOJI = List.of("\uD83D\uDE00", "\uD83C\uDDEB\uD83C\uDDF7", "\uD834\uDD1E");

    private final Random random;

    private PayloadSamples(long seed) {
        this.random = new Random(seed);
    }

    /** Returns the samples of a seed: one or more of each kind, in a fixed order. */
    public static List<Sample> draw(long seed) {
        PayloadSamples samples = new PayloadSamples(seed);
        List<Sample> drawn = new ArrayList<>();
        drawn.add(new Sample("BigDecimal", samples.decimal(), BigDecimal.class, BigDecimal.class));
        drawn.add(new Sample("long", samples.longValue(), Long.class, long.class));
        drawn.add(new Sample("Long", samples.longValue(), Long.class, Long.class));
        drawn.add(new Sample("int", samples.random.nextInt(), Integer.class, int.class));
        drawn.add(new Sample("double", samples.doubleValue(), Double.class, double.class));
        drawn.add(new Sample("float", samples.floatValue(), Float.class, float.class));
        drawn.add(new Sample("BigInteger", samples.bigInteger(), BigInteger.class, BigInteger.class));
        drawn.add(new Sample("Instant", samples.instant(), Instant.class, Instant.class));
        drawn.add(new Sample("Duration", samples.duration(), Duration.class, Duration.class));
        drawn.add(new Sample("LocalDate", samples.localDate(), LocalDate.class, LocalDate.class));
        drawn.add(new Sample("OffsetDateTime", samples.offsetDateTime(), OffsetDateTime.class, OffsetDateTime.class));
        drawn.add(new Sample("ZonedDateTime", samples.zonedDateTime(), ZonedDateTime.class, ZonedDateTime.class));
        drawn.add(new Sample("Optional<String>", samples.maybe(samples::text), Optional.class,
                parameterized(Optional.class, String.class)));
        drawn.add(new Sample("Optional<BigDecimal>", samples.maybe(samples::decimal), Optional.class,
                parameterized(Optional.class, BigDecimal.class)));
        drawn.add(new Sample("OptionalLong", samples.optionalLong(), OptionalLong.class, OptionalLong.class));
        drawn.add(new Sample("enum", samples.colour(), Colour.class, Colour.class));
        drawn.add(new Sample("String", samples.text(), String.class, String.class));
        drawn.add(new Sample("char", samples.letter(), Character.class, char.class));
        drawn.add(new Sample("byte[]", samples.bytes(), byte[].class, byte[].class));
        drawn.add(new Sample("boolean", samples.random.nextBoolean(), Boolean.class, boolean.class));
        drawn.add(new Sample("record", samples.line(), Line.class, Line.class));
        drawn.add(new Sample("List<Line>", samples.lines(), List.class, parameterized(List.class, Line.class)));
        drawn.add(new Sample("Map<String, BigDecimal>", samples.prices(), Map.class,
                parameterized(Map.class, String.class, BigDecimal.class)));
        drawn.add(new Sample("Everything", samples.everything(), Everything.class, Everything.class));
        drawn.add(new Sample("null", null, String.class, String.class));
        return drawn;
    }

    /** Returns a record holding one value of each kind, drawn from a seed. */
    public static Everything everything(long seed) {
        return new PayloadSamples(seed).everything();
    }

    private Everything everything() {
        return new Everything(decimal(), longValue(), doubleValue(), floatValue(), bigInteger(), instant(),
                duration(), localDate(), offsetDateTime(), zonedDateTime(), maybe(this::decimal), optionalLong(),
                colour(), text(), letter(), lines(), prices(), series());
    }

    private BigDecimal decimal() {
        if (random.nextInt(3) == 0) {
            return new BigDecimal(pick(DECIMALS));
        }
        BigInteger unscaled = new BigInteger(1 + random.nextInt(80), random);
        return new BigDecimal(random.nextBoolean() ? unscaled : unscaled.negate(), random.nextInt(20) - 4);
    }

    private long longValue() {
        return random.nextInt(3) == 0 ? pick(LONGS) : random.nextLong();
    }

    private double doubleValue() {
        switch (random.nextInt(3)) {
            case 0:
                return pick(DOUBLES);
            case 1:
                return random.nextDouble() * 1000;
            default:
                double value;
                do {
                    value = Double.longBitsToDouble(random.nextLong());
                } while (Double.isNaN(value));
                return value;
        }
    }

    private float floatValue() {
        return random.nextBoolean() ? random.nextFloat() * 100 : Float.intBitsToFloat(random.nextInt() & 0x7f7fffff);
    }

    private BigInteger bigInteger() {
        BigInteger value = new BigInteger(1 + random.nextInt(300), random);
        return random.nextBoolean() ? value : value.negate();
    }

    private Instant instant() {
        if (random.nextInt(3) == 0) {
            return pick(INSTANTS);
        }
        return Instant.ofEpochSecond(random.nextLong() % 31_556_889_864_403_199L, random.nextInt(1_000_000_000));
    }

    private Duration duration() {
        if (random.nextInt(3) == 0) {
            return pick(DURATIONS);
        }
        return Duration.ofSeconds(random.nextLong(), random.nextInt(1_000_000_000));
    }

    private LocalDate localDate() {
        return LocalDate.ofEpochDay(random.nextInt(5_000_000) - 2_500_000L);
    }

    private OffsetDateTime offsetDateTime() {
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(random.nextInt(), random.nextInt(1_000_000_000)),
                ZoneOffset.ofTotalSeconds((random.nextInt(36) - 18) * 1800));
    }

    private ZonedDateTime zonedDateTime() {
        return ZonedDateTime.ofInstant(Instant.ofEpochSecond(random.nextInt(), random.nextInt(1_000_000_000)),
                ZoneId.of(pick(ZONES)));
    }

    private <T> Optional<T> maybe(java.util.function.Supplier<T> value) {
        return random.nextBoolean() ? Optional.empty() : Optional.of(value.get());
    }

    private OptionalLong optionalLong() {
        return random.nextBoolean() ? OptionalLong.empty() : OptionalLong.of(longValue());
    }

    private Colour colour() {
        return Colour.values()[random.nextInt(Colour.values().length)];
    }

    private String text() {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            if (random.nextInt(5) == 0) {
                text.append(pick(EMOJI));
            } else {
                text.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
            }
        }
        return text.toString();
    }

    private byte[] bytes() {
        byte[] bytes = new byte[random.nextInt(20)];
        random.nextBytes(bytes);
        return bytes;
    }

    private char letter() {
        return LETTERS.charAt(random.nextInt(LETTERS.length()));
    }

    private Line line() {
        return new Line(text(), random.nextInt(), decimal(), maybe(this::text));
    }

    private List<Line> lines() {
        return list(this::line);
    }

    private Map<String, BigDecimal> prices() {
        return map(PayloadSamples::decimal);
    }

    private Map<String, List<Long>> series() {
        return map(samples -> samples.list(samples::longValue));
    }

    private <T> List<T> list(java.util.function.Supplier<T> element) {
        List<T> list = new ArrayList<>();
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
            list.add(element.get());
        }
        return list;
    }

    private <T> Map<String, T> map(Function<PayloadSamples, T> value) {
        Map<String, T> map = new LinkedHashMap<>();
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
            map.put("k" + i + text(), value.apply(this));
        }
        return map;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static ParameterizedType parameterized(Class<?> raw, Type... arguments) {
        return new ParameterizedType() {
            @Override
            public Type[] getActualTypeArguments() {
                return arguments.clone();
            }

            @Override
            public Type getRawType() {
                return raw;
            }

            @Override
            public Type getOwnerType() {
                return null;
            }

            @Override
            public String toString() {
                return raw.getSimpleName() + java.util.Arrays.toString(arguments);
            }
        };
    }
}
