package dev.hourglass.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowClientOptions;
import dev.hourglass.client.WorkflowFailedException;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.common.PayloadCodecException;
import dev.hourglass.common.PayloadCodecs;
import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryTimeline;
import dev.hourglass.internal.service.InMemoryWorkflowService.WorkflowTaskFailure;
import dev.hourglass.worker.WorkerFactory;
import dev.hourglass.workflow.QueryMethod;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Payloads encrypted by a codec on the client: the workflow, its activity, signal, query, side effect and
 * failure work as without it, the history holds none of the values in clear, and it replays with the codec.
 */
class PayloadCodecTest {

    static final SecretKey KEY = new SecretKeySpec(new byte[] {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}, "AES");
    static final WorkflowClientOptions ENCRYPTING = WorkflowClientOptions.newBuilder()
            .setPayloadCodecs(PayloadCodecs.gzip(), PayloadCodecs.aesGcm("k1", KEY)).build();

    /** Values that must not appear in clear in any history. */
    static final String OWNER = "owner-Zanzibar";
    static final String SECRET = "secret-Quetzal";
    static final String ITEM = "item-Marmalade";

    @WorkflowInterface
    public interface Vault {
        @WorkflowMethod
        String open(String owner, String secret);

        @SignalMethod
        void deposit(String item);

        @QueryMethod
        List<String> items(String prefix);
    }

    @ActivityInterface
    public interface Sealer {
        String seal(String secret);
    }

    public static class VaultImpl implements Vault {
        private final Sealer sealer = Workflow.newActivityStub(Sealer.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());
        private final List<String> items = new ArrayList<>();

        @Override
        public String open(String owner, String secret) {
            String sealed = sealer.seal(secret);
            String stamp = Workflow.sideEffect(String.class, () -> "stamp-of-" + owner);
            Workflow.await(() -> !items.isEmpty());
            if (items.get(0).startsWith("refuse")) {
                throw ApplicationFailure.newNonRetryableFailure("the vault refused an item", "Refused",
                        items.get(0), secret);
            }
            return sealed + "|" + stamp + "|" + items.get(0);
        }

        @Override
        public void deposit(String item) {
            items.add(item);
        }

        @Override
        public List<String> items(String prefix) {
            List<String> answer = new ArrayList<>();
            items.forEach(item -> answer.add(prefix + item));
            return answer;
        }
    }

    public static class SealerImpl implements Sealer {
        @Override
        public String seal(String secret) {
            return "sealed-" + secret;
        }
    }

    @RegisterExtension
    final E2eEnvironment env = E2eEnvironment.newBuilder()
            .setWorkflowClientOptions(ENCRYPTING)
            .registerWorkflowImplementationTypes(VaultImpl.class)
            .registerActivitiesImplementations(new SealerImpl())
            .build();

    private Vault startAndDeposit(String workflowId, String item) {
        Vault vault = env.newWorkflowStub(Vault.class, workflowId);
        WorkflowClient.start(vault::open, OWNER, SECRET);
        vault.deposit(item);
        return vault;
    }

    @Test
    void workflowRunsWithEncryptedPayloadsAsWithPlainOnes() {
        Vault vault = startAndDeposit("vault-1", ITEM);

        String result = env.client().newUntypedWorkflowStub("vault-1").getResult(String.class);

        assertThat(result).isEqualTo("sealed-" + SECRET + "|stamp-of-" + OWNER + "|" + ITEM);
        assertThat(vault.items("query-")).containsExactly("query-" + ITEM);
    }

    @Test
    void recordedHistoryHoldsNoPlaintextOfTheValues() {
        startAndDeposit("vault-2", ITEM);
        env.client().newUntypedWorkflowStub("vault-2").getResult(String.class);

        String json = env.client().fetchHistory("vault-2").toJson();

        assertThat(json).doesNotContain("Zanzibar", "Quetzal", "Marmalade")
                .contains("\"encoding\": \"hourglass/encoded\"", "\"aes-gcm(k1)\"");
    }

    @Test
    void historyReadBackFromItsJsonShowsTheCodecsInsteadOfTheValues() {
        startAndDeposit("vault-3", ITEM);
        env.client().newUntypedWorkflowStub("vault-3").getResult(String.class);

        History read = History.fromJson(env.client().fetchHistory("vault-3").toJson());

        assertThat(HistoryTimeline.format(read)).contains("input=[<encoded with gzip,aes-gcm(k1)>,"
                + "<encoded with gzip,aes-gcm(k1)>]").doesNotContain("Quetzal");
        assertThat(HistoryTimeline.format(read, ENCRYPTING.getPayloadCodecs()))
                .contains("input=[\"" + OWNER + "\",\"" + SECRET + "\"]");
    }

    @Test
    void failureDetailsAreEncryptedAndDecodedForTheClient() {
        startAndDeposit("vault-4", "refuse-" + ITEM);

        WorkflowFailedException failed = catchThrowableOfType(WorkflowFailedException.class,
                () -> env.client().newUntypedWorkflowStub("vault-4").getResult(String.class));

        ApplicationFailure refused = (ApplicationFailure) failed.getCause();
        assertThat(refused.getType()).isEqualTo("Refused");
        assertThat(refused.getDetails().get(1, String.class)).isEqualTo(SECRET);
        assertThat(env.client().fetchHistory("vault-4").toJson()).doesNotContain("Quetzal", "Marmalade");
    }

    @Test
    void workerWithoutTheCodecFailsTheWorkflowTaskNamingTheCodec() {
        List<WorkflowTaskFailure> failures = new CopyOnWriteArrayList<>();
        env.onWorkflowTaskFailure(failures::add);
        WorkerFactory plainFactory = WorkerFactory.newInstance(env.newClient(WorkflowClientOptions.newBuilder()
                .setPayloadCodecs(PayloadCodecs.gzip()).build()));
        plainFactory.newWorker("no-key").registerWorkflowImplementationTypes(VaultImpl.class);
        plainFactory.start();
        try {
            Vault vault = env.client().newWorkflowStub(Vault.class,
                    WorkflowOptions.newBuilder().setWorkflowId("vault-5").setTaskQueue("no-key").build());
            WorkflowClient.start(vault::open, OWNER, SECRET);

            E2eEnvironment.await("a workflow task failed", () -> !failures.isEmpty());
        } finally {
            plainFactory.shutdown();
        }

        Throwable failure = failures.get(0).failure();
        assertThat(failure).hasMessageContaining("cannot decode argument 1 of workflow Vault: cannot decode a"
                + " payload encoded with gzip,aes-gcm(k1): no codec for aes-gcm(k1) is configured (the codecs are"
                + " gzip)");
        assertThat(failure.getCause()).isInstanceOfSatisfying(PayloadCodecException.class,
                codec -> assertThat(codec.getCodecName()).isEqualTo("aes-gcm(k1)"));
        assertThat(env.history("vault-5").isClosed()).isFalse();
    }
}
