package dev.hourglass.samples.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.activity.Activity;
import dev.hourglass.activity.ActivityExecutionContext;
import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.ActivityCompletionClient;
import dev.hourglass.client.ActivityNotExistsException;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.common.RetryPolicy;
import dev.hourglass.failure.ActivityFailure;
import dev.hourglass.failure.TimeoutFailure;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.worker.Worker;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A contract waits for a person's signature: the activity hands the request to an e-signature service and returns
 * without completing; the service's answer completes it later through an {@link ActivityCompletionClient}.
 */
class AsyncCompletionSampleTest {

    /** What the e-signature service was asked: the document, and the token to answer with. */
    record SignatureRequest(String document, byte[] taskToken) {
    }

    /** Stands for the e-signature service: it keeps the requests that people have yet to sign. */
    static final class SignatureService {
        final List<SignatureRequest> pending = new CopyOnWriteArrayList<>();

        void send(String document, byte[] taskToken) {
            pending.add(new SignatureRequest(document, taskToken));
        }
    }

    @ActivityInterface
    public interface Signatures {
        String requestSignature(String document);
    }

    // guide: async-activity begin
    public static class SignaturesImpl implements Signatures {
        private final SignatureService signatureService;

        public SignaturesImpl(SignatureService signatureService) {
            this.signatureService = signatureService;
        }

        @Override
        public String requestSignature(String document) {
            ActivityExecutionContext context = Activity.getExecutionContext();
            signatureService.send(document, context.getTaskToken()); // answered when a person signs
            context.doNotCompleteOnReturn();
            return null; // ignored: the attempt completes when the signature comes
        }
    }
    // guide: async-activity end

    @WorkflowInterface
    public interface Contract {
        /** Returns who signed {@code document}, or that nobody did in time. */
        @WorkflowMethod
        String sign(String document);
    }

    // guide: async-workflow begin
    public static class ContractImpl implements Contract {
        private final Signatures signatures = Workflow.newActivityStub(Signatures.class, ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofDays(7)) // how long a person may take to sign
                .setRetryPolicy(RetryPolicy.newBuilder().setMaximumAttempts(1).build())
                .build());

        @Override
        public String sign(String document) {
            try {
                return signatures.requestSignature(document);
            } catch (ActivityFailure e) {
                return "not signed: " + ((TimeoutFailure) e.getCause()).getTimeoutType();
            }
        }
    }
    // guide: async-workflow end

    private final SignatureService signatureService = new SignatureService();
    private TestWorkflowEnvironment env;
    private WorkflowClient client;

    @BeforeEach
    void start() {
        env = TestWorkflowEnvironment.newInstance();
        Worker worker = env.newWorker("contracts");
        worker.registerWorkflowImplementationTypes(ContractImpl.class);
        worker.registerActivitiesImplementations(new SignaturesImpl(signatureService));
        env.start();
        client = env.getWorkflowClient();
    }

    @AfterEach
    void close() {
        env.close();
    }

    private Contract contract(String workflowId) {
        return client.newWorkflowStub(Contract.class,
                WorkflowOptions.newBuilder().setTaskQueue("contracts").setWorkflowId(workflowId).build());
    }

    @Test
    void theSignatureCompletesTheAttemptByItsToken() {
        Contract contract = contract("contract-1");
        WorkflowClient.start(contract::sign, "lease.pdf");
        env.sleep(Duration.ofHours(20)); // the person signs the next day

        // guide: async-complete-by-token begin
        ActivityCompletionClient completions = client.newActivityCompletionClient();
        SignatureRequest request = signatureService.pending.get(0);
        completions.complete(request.taskToken(), "signed by Ada Lovelace");
        // guide: async-complete-by-token end

        assertThat(client.newUntypedWorkflowStub("contract-1").getResult(String.class))
                .isEqualTo("signed by Ada Lovelace");
    }

    @Test
    void theSignatureCompletesTheAttemptByWorkflowIdAndActivityId() {
        Contract contract = contract("contract-2");
        WorkflowClient.start(contract::sign, "lease.pdf");
        env.sleep(Duration.ofHours(1));

        // guide: async-complete-by-id begin
        client.newActivityCompletionClient()
                .complete("contract-2", Optional.empty(), "1", "signed by Grace Hopper"); // the open run's activity 1
        // guide: async-complete-by-id end

        assertThat(client.newUntypedWorkflowStub("contract-2").getResult(String.class))
                .isEqualTo("signed by Grace Hopper");
    }

    @Test
    void anAttemptNobodyCompletesTimesOutInVirtualTimeAndItsTokenIsThenStale() {
        long before = env.currentTimeMillis();

        // guide: async-timeout begin
        String outcome = contract("contract-3").sign("lease.pdf"); // returns at once, in virtual time
        assertThat(outcome).isEqualTo("not signed: START_TO_CLOSE");
        assertThat(env.currentTimeMillis() - before).isEqualTo(Duration.ofDays(7).toMillis());

        byte[] stale = signatureService.pending.get(0).taskToken();
        assertThatThrownBy(() -> client.newActivityCompletionClient().complete(stale, "signed too late"))
                .isInstanceOf(ActivityNotExistsException.class);
        // guide: async-timeout end
    }
}
