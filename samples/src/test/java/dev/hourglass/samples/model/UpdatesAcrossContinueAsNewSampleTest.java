package dev.hourglass.samples.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.history.EventType;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.workflow.QueryMethod;
import dev.hourglass.workflow.UpdateMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A meter takes readings through updates and starts a new run every two readings, once its handlers are done. */
class UpdatesAcrossContinueAsNewSampleTest {

    @WorkflowInterface
    public interface Meter {
        @WorkflowMethod
        void measure(int total);

        @UpdateMethod
        int record(int reading);

        @QueryMethod
        int total();
    }

    public static class MeterImpl implements Meter {
        private int total;
        private int recorded;

        // guide: update-every-handler-finished begin
        @Override
        public void measure(int total) {
            this.total = total;
            Workflow.await(() -> recorded >= 2); // a new run every two readings keeps the history short
            Workflow.await(Workflow::isEveryHandlerFinished); // but only once every handler has returned
            Workflow.continueAsNew(this.total);
        }

        @Override
        public int record(int reading) {
            recorded++;
            Workflow.sleep(Duration.ofMinutes(1)); // the reading is checked first: the handler is still running
            total += reading;
            return total;
        }
        // guide: update-every-handler-finished end

        @Override
        public int total() {
            return total;
        }
    }

    private TestWorkflowEnvironment env;
    private WorkflowClient client;

    @BeforeEach
    void start() {
        env = TestWorkflowEnvironment.newInstance();
        env.newWorker("meters").registerWorkflowImplementationTypes(MeterImpl.class);
        env.start();
        client = env.getWorkflowClient();
    }

    @AfterEach
    void close() {
        env.close();
    }

    @Test
    void everyReadingIsAnsweredAcrossTheRunsOfTheMeter() {
        Meter meter = client.newWorkflowStub(Meter.class, WorkflowOptions.newBuilder().setWorkflowId("meter-7")
                .setTaskQueue("meters").build());
        WorkflowExecution first = WorkflowClient.start(meter::measure, 0);

        assertThat(meter.record(5)).isEqualTo(5);
        assertThat(meter.record(7)).isEqualTo(12); // its handler finished before the run continued as new
        assertThat(meter.record(1)).isEqualTo(13); // answered by the next run

        assertThat(client.fetchHistory("meter-7").getRunId()).isNotEqualTo(first.getRunId());
        assertThat(client.fetchHistory("meter-7", first.getRunId()).getEvents()).extracting(HistoryEvent::getEventType)
                .endsWith(EventType.WorkflowExecutionUpdateCompleted, EventType.WorkflowExecutionContinuedAsNew);
        assertThat(WorkflowStub.fromTyped(meter).query("total", Integer.class)).isEqualTo(13);
    }
}
