package dev.hourglass.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.client.UpdateOptions;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowClientCallsInterceptor;
import dev.hourglass.client.WorkflowClientCallsInterceptorBase;
import dev.hourglass.client.WorkflowClientInterceptor;
import dev.hourglass.client.WorkflowClientOptions;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.client.WorkflowUpdateException;
import dev.hourglass.interceptors.WorkerInterceptor;
import dev.hourglass.interceptors.WorkflowInboundCallsInterceptor;
import dev.hourglass.interceptors.WorkflowInboundCallsInterceptorBase;
import dev.hourglass.worker.WorkerFactoryOptions;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.UpdateMethod;
import dev.hourglass.workflow.UpdateValidatorMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Updates pass through the worker's inbound interceptors (validator and handler) and the client's interceptors. */
class UpdateInterceptorTest {

    @WorkflowInterface
    public interface Counter {
        @WorkflowMethod
        int count();

        @UpdateMethod
        int add(int amount);

        @SignalMethod
        void stop();
    }

    public static class CounterImpl implements Counter {
        private int total;
        private boolean stopped;

        @Override
        public int count() {
            Workflow.await(() -> stopped);
            return total;
        }

        @Override
        public int add(int amount) {
            total += amount;
            return total;
        }

        @UpdateValidatorMethod(updateName = "add")
        public void checkAdd(int amount) {
            if (amount < 0) {
                throw new IllegalArgumentException("negative amounts are not added");
            }
        }

        @Override
        public void stop() {
            stopped = true;
        }
    }

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    /** When set, the worker interceptor returns the handler's result as a sentence. */
    private volatile boolean sentences;

    /** Logs validations and handler runs outside replay; doubles every amount it passes on. */
    private final WorkerInterceptor doubling = new WorkerInterceptor() {
        @Override
        public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
            return new WorkflowInboundCallsInterceptorBase(next) {
                @Override
                public void validateUpdate(UpdateInput input) {
                    if (!Workflow.isReplaying()) {
                        log.add("validate " + input.getUpdateName() + " " + Arrays.toString(input.getArguments()));
                    }
                    super.validateUpdate(input);
                }

                @Override
                public UpdateOutput executeUpdate(UpdateInput input) {
                    if (!Workflow.isReplaying()) {
                        log.add("execute " + input.getUpdateName() + " " + Arrays.toString(input.getArguments())
                                + " as " + input.getUpdateId());
                    }
                    int amount = (Integer) input.getArguments()[0];
                    UpdateOutput output = super.executeUpdate(new UpdateInput(input.getUpdateName(),
                            input.getUpdateId(), new Object[] {amount * 2}));
                    return sentences ? new UpdateOutput("total " + output.getResult()) : output;
                }
            };
        }
    };

    private final WorkflowClientInterceptor clientLog = new WorkflowClientInterceptor() {
        @Override
        public WorkflowClientCallsInterceptor workflowClientCallsInterceptor(WorkflowClientCallsInterceptor next) {
            return new WorkflowClientCallsInterceptorBase(next) {
                @Override
                public <R> StartUpdateOutput<R> startUpdate(StartUpdateInput<R> input) {
                    log.add("client update " + input.getUpdateName() + " " + Arrays.toString(input.getArguments())
                            + " of " + input.getWorkflowExecution().getWorkflowId());
                    return super.startUpdate(input);
                }

                @Override
                public <R> StartUpdateOutput<R> updateWithStart(UpdateWithStartInput<R> input) {
                    log.add("client update-with-start " + input.getStartUpdateInput().getUpdateName() + " of "
                            + input.getWorkflowStartInput().getWorkflowId());
                    return super.updateWithStart(input);
                }
            };
        }
    };

    @RegisterExtension
    final E2eEnvironment env = E2eEnvironment.newBuilder()
            .registerWorkflowImplementationTypes(CounterImpl.class)
            .setWorkerFactoryOptions(WorkerFactoryOptions.newBuilder().setWorkerInterceptors(doubling).build())
            .setWorkflowClientOptions(WorkflowClientOptions.newBuilder().setInterceptors(clientLog).build())
            .build();

    @Test
    void anUpdatesValidatorAndHandlerRunThroughTheInboundInterceptorWhichMayChangeArgumentsAndResult() {
        sentences = true;
        Counter counter = env.newWorkflowStub(Counter.class, "counter-1");
        WorkflowClient.start(counter::count);
        WorkflowStub stub = WorkflowStub.fromTyped(counter);

        String answer = stub.startUpdate("add", UpdateOptions.newBuilder().setUpdateId("add-3").build(),
                String.class, 3).getResult();
        stub.signal("stop");

        assertThat(answer).isEqualTo("total 6");
        assertThat(stub.getResult(Integer.class)).isEqualTo(6);
        assertThat(log).containsSubsequence("validate add [3]", "execute add [3] as add-3");
    }

    @Test
    void aRejectionByTheValidatorComesThroughTheInterceptor() {
        Counter counter = env.newWorkflowStub(Counter.class, "counter-2");
        WorkflowClient.start(counter::count);

        assertThatThrownBy(() -> WorkflowStub.fromTyped(counter).update("add", Integer.class, -1))
                .isInstanceOf(WorkflowUpdateException.class)
                .hasMessageContaining("negative amounts are not added");
        assertThat(log).contains("validate add [-1]").noneMatch(entry -> entry.startsWith("execute"));
        counter.stop();
    }

    @Test
    void theClientInterceptorSeesUpdatesOfTypedAndUntypedStubsAndUpdateWithStart() {
        WorkflowStub stub = env.client().newUntypedWorkflowStub("Counter", env.options("counter-3").build());
        int first = stub.executeUpdateWithStart("add", Integer.class, new Object[] {1}, new Object[0]);
        Counter typed = env.client().newWorkflowStub(Counter.class, "counter-3");
        int second = typed.add(2);
        typed.stop();

        assertThat(first).isEqualTo(2);
        assertThat(second).isEqualTo(6);

        assertThat(stub.getResult(Integer.class)).isEqualTo(6);
        assertThat(log).filteredOn(entry -> entry.startsWith("client")).containsExactly(
                "client update-with-start add of counter-3", "client update add [2] of counter-3");
    }
}
