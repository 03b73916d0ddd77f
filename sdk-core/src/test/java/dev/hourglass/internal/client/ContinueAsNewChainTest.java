package dev.hourglass.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.history.EventAttributes;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.Payload;
import dev.hourglass.history.WorkflowExecutionCompletedAttributes;
import dev.hourglass.history.WorkflowExecutionContinuedAsNewAttributes;
import dev.hourglass.history.WorkflowExecutionStartedAttributes;
import dev.hourglass.internal.common.PayloadConverter;
import dev.hourglass.internal.spi.WorkflowServiceSpi;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** {@code getResult} follows a chain of continue-as-new runs of any length. */
class ContinueAsNewChainTest {

    private static final int RUNS = 5_000;
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    /** The closed runs of one workflow id, each continued as new into the next but the last. */
    private final Map<String, CompletableFuture<History>> closedRuns = new HashMap<>();

    @Test
    void getResultFollowsFiveThousandClosedRunsWithoutOverflowingTheStack() {
        for (int run = 1; run <= RUNS; run++) {
            closedRuns.put("run-" + run, CompletableFuture.completedFuture(run < RUNS
                    ? closed("run-" + run, new WorkflowExecutionContinuedAsNewAttributes("run-" + (run + 1),
                            Payload.ofArguments(run), "Counter", "q"))
                    : closed("run-" + run, new WorkflowExecutionCompletedAttributes(Payload.of("counted")))));
        }

        assertThat(stub().getResult(String.class)).isEqualTo("counted");
    }

    @Test
    void getResultFollowsRunsThatCloseOneAfterTheOtherWhileItWaits() {
        for (int run = 1; run <= RUNS; run++) {
            closedRuns.put("run-" + run, new CompletableFuture<>());
        }
        CompletableFuture<String> result = stub().getResultAsync(String.class);
        for (int run = 1; run < RUNS; run++) {
            closedRuns.get("run-" + run).complete(closed("run-" + run, new WorkflowExecutionContinuedAsNewAttributes(
                    "run-" + (run + 1), Payload.ofArguments(run), "Counter", "q")));
        }
        assertThat(result).isNotDone();

        closedRuns.get("run-" + RUNS).complete(closed("run-" + RUNS,
                new WorkflowExecutionCompletedAttributes(Payload.of("counted"))));

        assertThat(result.join()).isEqualTo("counted");
    }

    /** A stub bound to the workflow id, over a service that knows only the runs above. */
    private WorkflowStubImpl stub() {
        WorkflowServiceSpi service = (WorkflowServiceSpi) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {WorkflowServiceSpi.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getHistory":
                            return closed("run-1", new WorkflowExecutionCompletedAttributes(Payload.of(null)));
                        case "awaitClose":
                            return closedRuns.get((String) args[1]);
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
        return new WorkflowStubImpl(service, PayloadConverter.getDefault(), null, null, null, "counter");
    }

    private static History closed(String runId, EventAttributes closing) {
        return new History("counter", runId, "Counter", "q", List.of(
                new HistoryEvent(1, START, new WorkflowExecutionStartedAttributes("Counter", "q", Payload.ofArguments(),
                        null, null, null, null)),
                new HistoryEvent(2, START, closing)));
    }
}
