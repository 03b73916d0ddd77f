package dev.hourglass.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hourglass.common.RetryPolicy;
import dev.hourglass.common.WorkflowIdReusePolicy;
import dev.hourglass.failure.TimeoutType;
import dev.hourglass.internal.history.JsonPayload;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Writing a history as JSON and reading it back loses nothing and changes no byte.
 *
 * <p>Each seeded case checks the history {@link RandomHistories} generates from the seed in its name; the
 * edge cases check hand-built histories at the limits of the format (empty and {@code null} values, the
 * earliest and latest event times, extreme numbers and durations, characters JSON must escape). A failure
 * names the seed or the edge case and prints the history's JSON; re-run one seed by calling the test method
 * with it from a plain {@code @Test}.
 */
class HistoryJsonProperties {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static LongStream seeds() {
        return LongStream.range(0, 500);
    }

    /** Fewer seeds, for the property that generates each history twice. */
    static LongStream fewerSeeds() {
        return LongStream.range(0, 200);
    }

    /** Seeds at the limits of {@code long}, which a range of small seeds never reaches. */
    static LongStream extremeSeeds() {
        return LongStream.of(-1, -2, Long.MIN_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE, Long.MAX_VALUE - 1);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource({"seeds", "extremeSeeds"})
    void readingWrittenJsonGivesAnEqualHistory(long seed) {
        History history = RandomHistories.generate(seed);

        History read = History.fromJson(history.toJson());

        assertThat(read).as(about("seed " + seed, history)).isEqualTo(history);
        assertThat(read.hashCode()).as(about("hash code, seed " + seed, history)).isEqualTo(history.hashCode());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edgeHistories")
    void readingWrittenJsonOfAnEdgeHistoryGivesAnEqualHistory(History history) {
        History read = History.fromJson(history.toJson());

        assertThat(read).as(about("edge case", history)).isEqualTo(history);
        assertThat(read.hashCode()).as(about("hash code, edge case", history)).isEqualTo(history.hashCode());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource({"seeds", "extremeSeeds"})
    void writingAReadHistoryAgainIsByteIdentical(long seed) {
        History history = RandomHistories.generate(seed);
        String json = history.toJson();

        assertThat(History.fromJson(json).toJson()).as(about("seed " + seed, history)).isEqualTo(json);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edgeHistories")
    void writingAReadEdgeHistoryAgainIsByteIdentical(History history) {
        String json = history.toJson();

        assertThat(History.fromJson(json).toJson()).as(about("edge case", history)).isEqualTo(json);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource({"fewerSeeds", "extremeSeeds"})
    void sameSeedGivesTheSameJsonByteForByte(long seed) {
        History history = RandomHistories.generate(seed);

        assertThat(RandomHistories.generate(seed).toJson()).as(about("seed " + seed, history))
                .isEqualTo(history.toJson());
    }

    /** A description made only when an assertion fails: it holds the whole history. */
    private static Supplier<String> about(String which, History history) {
        return () -> String.format("history of %s:%n%s%n", which, history.toJson());
    }

    static Stream<Named<History>> edgeHistories() {
        return Stream.of(
                Named.of("one event, empty strings, no arguments", oneEventOfEmptyStrings()),
                Named.of("every required attribute null where the format allows it", requiredAttributesNull()),
                Named.of("earliest and latest event times", earliestAndLatestTimes()),
                Named.of("extreme numbers and empty containers in payloads", extremeNumbers()),
                Named.of("longest and shortest durations, counts and retry options", extremeDurationsAndCounts()),
                Named.of("characters outside ASCII and characters JSON escapes", unusualCharacters()),
                Named.of("optional attributes present on every event that has them", everyOptionalAttribute()),
                Named.of("several unknown attributes, not in alphabetical order", severalUnknownAttributes()));
    }

    private static History oneEventOfEmptyStrings() {
        return history(started("", "", NODES.arrayNode()));
    }

    private static History requiredAttributesNull() {
        return history(
                event(1, started(null, null, NODES.arrayNode())),
                event(2, new ActivityTaskScheduledAttributes(null, null, null, JsonPayload.of(NODES.arrayNode()),
                        null, null, null, null)),
                event(3, new ActivityTaskStartedAttributes(null, 1)),
                event(4, new ActivityTaskFailedAttributes(null, null, null)),
                event(5, new ActivityTaskTimedOutAttributes(null, null, null)),
                event(6, new TimerStartedAttributes(null, null)),
                event(7, new MarkerRecordedAttributes(null, null, null)),
                event(8, new ChildWorkflowExecutionFailedAttributes(null, null, null)),
                event(9, new WorkflowExecutionTerminatedAttributes(null)));
    }

    private static History earliestAndLatestTimes() {
        return history(
                new HistoryEvent(1, Instant.ofEpochMilli(Long.MIN_VALUE), started("w", "q", NODES.arrayNode())),
                new HistoryEvent(2, Instant.EPOCH.minusNanos(1), new TimerFiredAttributes("t")),
                new HistoryEvent(3, Instant.EPOCH, new TimerFiredAttributes("t")),
                new HistoryEvent(4, Instant.ofEpochSecond(253_402_300_800L), new TimerFiredAttributes("t")),
                new HistoryEvent(5, Instant.ofEpochMilli(Long.MAX_VALUE), new WorkflowExecutionTimedOutAttributes()));
    }

    private static History extremeNumbers() {
        ArrayNode numbers = NODES.arrayNode()
                .add(0).add(-0.0).add(Integer.MIN_VALUE).add(Integer.MAX_VALUE)
                .add(Long.MIN_VALUE).add(Long.MAX_VALUE)
                .add(BigInteger.ONE.shiftLeft(200)).add(BigInteger.ONE.shiftLeft(200).negate())
                .add(Double.MIN_VALUE).add(Double.MIN_NORMAL).add(Double.MAX_VALUE).add(-Double.MAX_VALUE)
                .add(Float.MIN_VALUE).add(Float.MAX_VALUE).add(0.1).add(1e-300)
                .add(new BigDecimal("420.00"));
        ObjectNode empties = NODES.objectNode();
        empties.set("", NODES.objectNode());
        empties.set("array", NODES.arrayNode().add(NODES.arrayNode()).add(NODES.objectNode()));
        empties.put("text", "");
        empties.putNull("null");
        return history(
                started("w", "q", NODES.arrayNode().add(numbers).add(empties)),
                new ActivityTaskCompletedAttributes("a", JsonPayload.of(NODES.nullNode())),
                new ActivityTaskCompletedAttributes("b", JsonPayload.of(NODES.objectNode())),
                new MarkerRecordedAttributes("m", "1", JsonPayload.of(numbers)),
                new WorkflowExecutionCompletedAttributes(JsonPayload.of(NODES.arrayNode())));
    }

    private static History extremeDurationsAndCounts() {
        RetryPolicy longest = RetryPolicy.newBuilder()
                .setInitialInterval(Duration.ofMillis(Long.MAX_VALUE))
                .setBackoffCoefficient(Double.MAX_VALUE)
                .setMaximumInterval(Duration.ofMillis(Long.MAX_VALUE))
                .setMaximumAttempts(Integer.MAX_VALUE)
                .build();
        RetryPolicy shortest = RetryPolicy.newBuilder()
                .setInitialInterval(Duration.ofMillis(1))
                .setBackoffCoefficient(1.0)
                .setMaximumInterval(Duration.ofMillis(1))
                .setDoNotRetry("")
                .build();
        return history(
                new WorkflowExecutionStartedAttributes("w", "q", JsonPayload.of(NODES.arrayNode()), null, null, null,
                        Duration.ofMillis(Long.MAX_VALUE)),
                new ActivityTaskScheduledAttributes("a", "Act", "q", JsonPayload.of(NODES.arrayNode()),
                        Duration.ZERO, Duration.ofMillis(1), Duration.ofMillis(Long.MAX_VALUE), longest),
                new ActivityTaskScheduledAttributes("b", "Act", "q", JsonPayload.of(NODES.arrayNode()),
                        null, null, null, shortest),
                new ActivityTaskStartedAttributes("a", Integer.MAX_VALUE),
                new ActivityTaskStartedAttributes("b", 0),
                new ActivityTaskFailedAttributes("a", null, Integer.MAX_VALUE),
                new TimerStartedAttributes("t", Duration.ofMillis(Long.MAX_VALUE)),
                new TimerStartedAttributes("u", Duration.ZERO),
                new StartChildWorkflowExecutionInitiatedAttributes("c", "Child", "cid", "q",
                        JsonPayload.of(NODES.arrayNode()), Duration.ofMillis(Long.MAX_VALUE), null));
    }

    private static History unusualCharacters() {
        String unusual = "\u0000\u001f\"\\/\b\f\n\r\t\u007f\u2028\u2029\ufeff\uffff é中文 \u05e9\u05dc\u05d5\u05dd "
                + new String(Character.toChars(0x1F600)) + new String(Character.toChars(0x10FFFF));
        ObjectNode payload = NODES.objectNode();
        payload.put(unusual, unusual);
        ObjectNode unknown = NODES.objectNode();
        unknown.put("x-" + unusual, unusual);
        return new History(unusual, unusual, unusual, unusual, List.of(
                new HistoryEvent(1, Instant.EPOCH, started(unusual, unusual, NODES.arrayNode().add(payload)),
                        JsonPayload.of(unknown)),
                event(2, new WorkflowExecutionSignaledAttributes(unusual, JsonPayload.of(NODES.arrayNode().add(
                        unusual)))),
                event(3, new WorkflowExecutionFailedAttributes(JsonPayload.of(NODES.objectNode()
                        .put("message", unusual).put("type", unusual).put("nonRetryable", true)
                        .put("kind", "application"))))));
    }

    private static History everyOptionalAttribute() {
        ObjectNode failure = NODES.objectNode().put("message", "m").put("type", "T").put("nonRetryable", false)
                .put("kind", "application");
        Duration second = Duration.ofSeconds(1);
        return history(
                new WorkflowExecutionStartedAttributes("w", "q", JsonPayload.of(NODES.arrayNode()), "parent",
                        "parent-run", "previous-run", second),
                new ActivityTaskScheduledAttributes("a", "Act", "q", JsonPayload.of(NODES.arrayNode()), second,
                        second, second, RetryPolicy.getDefaultInstance()),
                new ActivityTaskFailedAttributes("a", JsonPayload.of(failure), 3),
                new ActivityTaskTimedOutAttributes("a", TimeoutType.values()[0], JsonPayload.of(failure)),
                new MarkerRecordedAttributes("m", "1", JsonPayload.of(NODES.arrayNode())),
                new StartChildWorkflowExecutionInitiatedAttributes("c", "Child", "cid", "q",
                        JsonPayload.of(NODES.arrayNode()), second, WorkflowIdReusePolicy.values()[0]),
                new ChildWorkflowExecutionFailedAttributes("c", JsonPayload.of(failure), "child-run"),
                new WorkflowExecutionCancelRequestedAttributes("why"),
                new WorkflowExecutionContinuedAsNewAttributes("next-run", JsonPayload.of(NODES.arrayNode()), "W",
                        "q"));
    }

    private static History severalUnknownAttributes() {
        ObjectNode unknown = NODES.objectNode().put("zeta", 1).put("alpha", "2");
        unknown.set("eventId", NODES.objectNode().set("nested", NODES.arrayNode().add(true)));
        unknown.putNull("nothing");
        return history(new HistoryEvent(1, Instant.EPOCH, started("w", "q", NODES.arrayNode()),
                JsonPayload.of(unknown)));
    }

    private static WorkflowExecutionStartedAttributes started(String type, String queue, ArrayNode input) {
        return new WorkflowExecutionStartedAttributes(type, queue, JsonPayload.of(input), null, null, null, null);
    }

    private static HistoryEvent event(long id, EventAttributes attributes) {
        return new HistoryEvent(id, Instant.EPOCH, attributes);
    }

    private static History history(EventAttributes... attributes) {
        HistoryEvent[] events = new HistoryEvent[attributes.length];
        for (int i = 0; i < attributes.length; i++) {
            events[i] = event(i + 1, attributes[i]);
        }
        return history(events);
    }

    private static History history(HistoryEvent... events) {
        return new History("wf", "run", "W", "q", List.of(events));
    }
}
