package dev.hourglass.internal.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hourglass.history.EventAttributes;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.Payload;
import dev.hourglass.history.TimerStartedAttributes;
import dev.hourglass.history.WorkflowExecutionSignaledAttributes;
import dev.hourglass.history.WorkflowExecutionStartedAttributes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link HistoryJsonCodec#eventSize} counts an event's bytes without writing all of it: the count must equal the
 * length of the event's compact JSON, as a plain mapper writes it from the history's text.
 */
class EventSizeTest {

    private static final ObjectMapper PLAIN = new ObjectMapper();

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void theSizeOfEveryEventIsTheLengthOfItsCompactJson(long seed) throws Exception {
        History history = randomHistory(new Random(seed));

        JsonNode written = PLAIN.readTree(history.toJson()).get("events");

        for (int i = 0; i < history.getEvents().size(); i++) {
            byte[] compact = PLAIN.writeValueAsString(written.get(i)).getBytes(StandardCharsets.UTF_8);
            assertThat(HistoryJsonCodec.eventSize(history.getEvents().get(i)))
                    .as("event %d of seed %d: %s", i + 1, seed, written.get(i))
                    .isEqualTo(compact.length);
        }
    }

    private static History randomHistory(Random random) {
        List<HistoryEvent> events = new ArrayList<>();
        events.add(new HistoryEvent(1, randomTime(random),
                new WorkflowExecutionStartedAttributes("Orders", "q", Payload.ofArguments(randomText(random)), null,
                        null, null, null)));
        int count = 1 + random.nextInt(120);
        for (int id = 2; id <= count; id++) {
            EventAttributes attributes = random.nextBoolean()
                    ? new TimerStartedAttributes("t" + id, Duration.ofMillis(random.nextInt(1_000_000_000)))
                    : new WorkflowExecutionSignaledAttributes("note", Payload.ofArguments(randomText(random),
                            random.nextLong(), random.nextDouble()));
            events.add(new HistoryEvent(id, randomTime(random), attributes));
        }
        return new History("wf", "run", "Orders", "q", events);
    }

    /** Times across the range a history may hold, with every kind of fraction of a second. */
    private static Instant randomTime(Random random) {
        long seconds = switch (random.nextInt(4)) {
            case 0 -> -62_167_219_200L - random.nextInt(1_000_000_000); // before year 0
            case 1 -> 253_402_300_800L + random.nextInt(1_000_000_000); // after year 9999
            default -> random.nextInt(2_000_000_000);
        };
        int nanos = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
        };
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /** Text with ASCII, characters that JSON escapes, and characters of two, three and four UTF-8 bytes. */
    private static String randomText(Random random) {
        String[] pieces = {"a", "Z", "\"", "\\", "\n", "\u0001", "é", "€", "漢", "\uD83D\uDE00", " ", "/"};
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(40);
        for (int i = 0; i < length; i++) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        return text.toString();
    }
}
