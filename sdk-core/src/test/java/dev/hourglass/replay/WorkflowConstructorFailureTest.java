package dev.hourglass.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.Payload;
import dev.hourglass.history.WorkflowExecutionStartedAttributes;
import dev.hourglass.internal.replay.Replayer;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A workflow whose constructor throws fails its task with the constructor's exception said at the top. */
class WorkflowConstructorFailureTest {

    @WorkflowInterface
    public interface Configured {
        @WorkflowMethod
        String run();
    }

    public static class ConfiguredImpl implements Configured {
        public ConfiguredImpl() {
            throw new IllegalStateException("no configuration for region eu-1");
        }

        @Override
        public String run() {
            return "ran";
        }
    }

    @Test
    void theFailureIsTheConstructorsOwnExceptionThrownFromTheConstructor() {
        History started = new History("configured-1", "run-1", "Configured", "q", List.of(new HistoryEvent(1,
                Instant.parse("2025-01-01T00:00:00Z"), new WorkflowExecutionStartedAttributes("Configured", "q",
                        Payload.ofArguments(), null, null, null, null))));

        Throwable failure = catchThrowable(() -> Replayer.replay(started, false, ConfiguredImpl.class));

        assertThat(failure).isInstanceOf(IllegalStateException.class)
                .hasMessage("no configuration for region eu-1");
        assertThat(failure.getStackTrace()[0].getClassName()).isEqualTo(ConfiguredImpl.class.getName());
        assertThat(failure.getStackTrace()[0].getMethodName()).isEqualTo("<init>");
    }
}
