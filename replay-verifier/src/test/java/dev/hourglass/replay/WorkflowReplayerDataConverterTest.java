package dev.hourglass.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.hourglass.common.DataConverter;
import dev.hourglass.history.History;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A history written with a data converter of the application's own replays with that converter. */
class WorkflowReplayerDataConverterTest {

    /** A ticket number, written as {@code "T-<n>"}: Jackson cannot read it without the module below. */
    public static final class Ticket {
        private final int number;

        private Ticket(int number) {
            this.number = number;
        }

        static Ticket parse(String text) {
            return new Ticket(Integer.parseInt(text.substring(2)));
        }

        @Override
        public String toString() {
            return "T-" + number;
        }
    }

    @WorkflowInterface
    public interface Triage {
        @WorkflowMethod
        String triage(Ticket ticket);
    }

    /** Remembers the tickets it was given. */
    public static class TriageImpl implements Triage {
        static final List<String> SEEN = new CopyOnWriteArrayList<>();

        @Override
        public String triage(Ticket ticket) {
            SEEN.add(ticket.toString());
            return "queued";
        }
    }

    /** Reads a {@link Ticket} from its text. */
    static final class TicketDeserializer extends StdDeserializer<Ticket> {
        private static final long serialVersionUID = 1L;

        TicketDeserializer() {
            super(Ticket.class);
        }

        @Override
        public Ticket deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return Ticket.parse(parser.getValueAsString());
        }
    }

    private static final DataConverter TICKETS = DataConverter.newInstance(DataConverter.newObjectMapperBuilder()
            .addModule(new SimpleModule()
                    .addSerializer(Ticket.class, ToStringSerializer.instance)
                    .addDeserializer(Ticket.class, new TicketDeserializer()))
            .build());

    private static final History RECORDED = History.fromJson("{\"format\": \"hourglass-history\", \"version\": 1,"
            + " \"workflowId\": \"triage-7\", \"runId\": \"run-1\", \"workflowType\": \"Triage\", \"taskQueue\": \"q\","
            + " \"events\": ["
            + "{\"eventId\": 1, \"eventTime\": \"2025-01-01T00:00:00Z\", \"eventType\": \"WorkflowExecutionStarted\","
            + " \"attributes\": {\"workflowType\": \"Triage\", \"taskQueue\": \"q\", \"input\": [\"T-7\"]}},"
            + "{\"eventId\": 2, \"eventTime\": \"2025-01-01T00:00:01Z\", \"eventType\": \"WorkflowExecutionCompleted\","
            + " \"attributes\": {\"result\": \"queued\"}}]}");

    @Test
    void replaysAHistoryWithTheConverterItWasWrittenWith() {
        TriageImpl.SEEN.clear();

        assertThatCode(() -> WorkflowReplayer.replayWorkflowExecution(RECORDED, TICKETS, TriageImpl.class))
                .doesNotThrowAnyException();
        assertThat(TriageImpl.SEEN).containsExactly("T-7");
    }
}
