package dev.hourglass.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.history.PayloadSamples.Sample;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every value a user passes comes back equal: converted to a payload, written as JSON and read back, alone
 * and inside a history, in memory and through a file. The values are drawn by {@link PayloadSamples} from the
 * seed each case names; re-run one case with {@link #oneSeed()}.
 */
class PayloadRoundTripProperties {

    private static final Instant START = Instant.parse("2024-05-01T12:00:00Z");

    @TempDir
    Path files;

    static LongStream seeds() {
        return LongStream.range(0, 100);
    }

    @Test
    void oneSeed() {
        valuesComeBackEqualFromTheirJson(0);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void valuesComeBackEqualFromTheirJson(long seed) {
        for (Sample sample : PayloadSamples.draw(seed)) {
            Payload payload = Payload.of(sample.value());
            Payload read = Payload.fromJson(payload.toJson());

            assertThat(decode(payload, sample)).as(about(seed, sample, "decoded in memory"))
                    .isEqualTo(sample.value());
            assertThat(decode(read, sample)).as(about(seed, sample, "decoded from its JSON"))
                    .isEqualTo(sample.value());
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void readingAPayloadBackGivesTheSameTreeAndText(long seed) {
        for (Sample sample : PayloadSamples.draw(seed)) {
            Payload payload = Payload.of(sample.value());
            Payload read = Payload.fromJson(payload.toJson());

            assertThat(read).as(about(seed, sample, "read back")).isEqualTo(payload);
            assertThat(read.toJson()).as(about(seed, sample, "written again")).isEqualTo(payload.toJson());
            assertThat(read.decode(Object.class)).as(about(seed, sample, "decoded untyped"))
                    .isEqualTo(payload.decode(Object.class));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void valuesInAHistoryComeBackEqualThroughAFile(long seed) {
        List<Sample> samples = PayloadSamples.draw(seed);
        History history = historyOf(samples);
        Path file = files.resolve("history-" + seed + ".json");

        history.write(file);
        History read = History.read(file);

        assertThat(read).as("history of seed %d read back", seed).isEqualTo(history);
        assertThat(read.toJson()).as("history of seed %d written again", seed).isEqualTo(history.toJson());
        for (int i = 0; i < samples.size(); i++) {
            Sample sample = samples.get(i);
            Payload result = read.getEvents().get(i + 1).getAttributes(ActivityTaskCompletedAttributes.class).result();
            assertThat(decode(result, sample)).as(about(seed, sample, "read from a history file"))
                    .isEqualTo(sample.value());
        }
    }

    @Test
    void aDecimalIsWrittenWithItsScaleAsAPersonWritesIt() {
        assertThat(Payload.of(new java.math.BigDecimal("420.00")).toJson()).isEqualTo("420.00");
        assertThat(Payload.of(List.of(new java.math.BigDecimal("8500.00"))).toJson()).isEqualTo("[8500.00]");
    }

    /** A description made only when an assertion fails: sample values can be long. */
    private static Supplier<String> about(long seed, Sample sample, String what) {
        return () -> "seed " + seed + ", " + sample + " " + what;
    }

    private static Object decode(Payload payload, Sample sample) {
        return payload.decode(sample.rawType(), sample.genericType());
    }

    private static History historyOf(List<Sample> samples) {
        List<HistoryEvent> events = new java.util.ArrayList<>();
        events.add(new HistoryEvent(1, START, new WorkflowExecutionStartedAttributes("RoundTrip", "payloads",
                Payload.ofArguments(samples.stream().map(Sample::value).toArray()), null, null, null, null)));
        for (Sample sample : samples) {
            events.add(new HistoryEvent(events.size() + 1, START,
                    new ActivityTaskCompletedAttributes(String.valueOf(events.size()), Payload.of(sample.value()))));
        }
        return new History("round-trip", "run-1", "RoundTrip", "payloads", events);
    }
}
