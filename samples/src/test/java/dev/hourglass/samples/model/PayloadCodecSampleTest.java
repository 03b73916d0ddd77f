package dev.hourglass.samples.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowClientOptions;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.common.PayloadCodec;
import dev.hourglass.common.PayloadCodecException;
import dev.hourglass.common.PayloadCodecs;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryTimeline;
import dev.hourglass.replay.WorkflowReplayer;
import dev.hourglass.service.WorkflowService;
import dev.hourglass.testing.TestEnvironmentOptions;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.worker.Worker;
import dev.hourglass.worker.WorkerFactory;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The examples of "Payload codecs: compression and encryption" in docs/programming-model.md. */
class PayloadCodecSampleTest {

    @WorkflowInterface
    public interface Payroll {
        @WorkflowMethod
        String pay(String employee, long cents);
    }

    @ActivityInterface
    public interface Bank {
        String transfer(String employee, long cents);
    }

    public static class PayrollImpl implements Payroll {
        private final Bank bank = Workflow.newActivityStub(Bank.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30)).build());

        @Override
        public String pay(String employee, long cents) {
            Workflow.sleep(Duration.ofDays(14));
            return bank.transfer(employee, cents);
        }
    }

    public static class BankImpl implements Bank {
        @Override
        public String transfer(String employee, long cents) {
            return "paid " + cents + " to " + employee;
        }
    }

    /** Stands for the key a team keeps in its secret store. */
    static final SecretKey PAYROLL_KEY = new SecretKeySpec(Base64.getDecoder()
            .decode("q83vASNFZ4mrze8BI0VniavN7wEjRWeJq83vASNFZ4k="), "AES");
    static final SecretKey NEXT_KEY = new SecretKeySpec(new byte[32], "AES");

    // guide: payload-codecs-custom begin
    /** The codec of the payroll team: the key of id 2025-q1, loaded from the team's secret store. */
    public static final class PayrollCodec implements PayloadCodec {
        private final PayloadCodec aes = PayloadCodecs.aesGcm("2025-q1", SecretStore.key("payroll/2025-q1"));

        @Override
        public String name() {
            return aes.name();
        }

        @Override
        public byte[] encode(byte[] data) {
            return aes.encode(data);
        }

        @Override
        public byte[] decode(byte[] data) {
            return aes.decode(data);
        }
    }
    // guide: payload-codecs-custom end

    /** The team's secret store, in this sample a map. */
    static final class SecretStore {
        static SecretKey key(String name) {
            return Map.of("payroll/2025-q1", PAYROLL_KEY).get(name);
        }
    }

    private static String runPayroll(TestEnvironmentOptions options, String workflowId) {
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(options);
        try {
            Worker worker = env.newWorker("payroll");
            worker.registerWorkflowImplementationTypes(PayrollImpl.class);
            worker.registerActivitiesImplementations(new BankImpl());
            env.start();
            Payroll payroll = env.getWorkflowClient().newWorkflowStub(Payroll.class,
                    WorkflowOptions.newBuilder().setTaskQueue("payroll").setWorkflowId(workflowId).build());
            return payroll.pay("Ada Lovelace", 512_000) + "\n"
                    + env.getWorkflowClient().fetchHistory(workflowId).toJson();
        } finally {
            env.close();
        }
    }

    @Test
    void clientAndWorkersEncryptEveryPayload() {
        try (WorkflowService service = WorkflowService.inMemory()) {
            // guide: payload-codecs-client begin
            WorkflowClientOptions options = WorkflowClientOptions.newBuilder()
                    .setPayloadCodecs(PayloadCodecs.gzip(), PayloadCodecs.aesGcm("2025-q1", PAYROLL_KEY))
                    .build();
            WorkflowClient client = WorkflowClient.newInstance(service, options);
            WorkerFactory factory = WorkerFactory.newInstance(client); // its workers use the client's codecs
            // guide: payload-codecs-client end
            Worker worker = factory.newWorker("payroll");
            worker.registerActivitiesImplementations(new BankImpl());
            worker.registerWorkflowImplementationTypes(PayrollImpl.class);
            factory.start();
            try {
                WorkflowClient.start(client.newWorkflowStub(Payroll.class, WorkflowOptions.newBuilder()
                        .setTaskQueue("payroll").setWorkflowId("pay-1").build())::pay, "Ada Lovelace", 512_000L);

                assertThat(client.fetchHistory("pay-1").toJson()).doesNotContain("Lovelace");
            } finally {
                factory.shutdown();
            }
        }
    }

    @Test
    void testEnvironmentRunsWithTheCodecsAndItsSelfCheckReplayDecodes() {
        // guide: payload-codecs-test-env begin
        TestEnvironmentOptions options = TestEnvironmentOptions.newBuilder()
                .setPayloadCodecs(PayloadCodecs.gzip(), PayloadCodecs.aesGcm("2025-q1", PAYROLL_KEY))
                .build();
        // guide: payload-codecs-test-env end

        String[] resultAndHistory = runPayroll(options, "pay-2").split("\n", 2);

        assertThat(resultAndHistory[0]).isEqualTo("paid 512000 to Ada Lovelace");
        assertThat(resultAndHistory[1]).doesNotContain("Lovelace");
    }

    @Test
    void recordedHistoryReplaysAndPrintsWithTheCodecs() {
        History history = History.fromJson(runPayroll(TestEnvironmentOptions.newBuilder()
                .setPayloadCodecs(new PayrollCodec()).build(), "pay-3").split("\n", 2)[1]);

        // guide: payload-codecs-replay begin
        List<PayloadCodec> codecs = List.of(new PayrollCodec());
        WorkflowReplayer.replayWorkflowExecution(history, codecs, PayrollImpl.class);
        System.out.println(HistoryTimeline.format(history, codecs)); // the values in clear
        System.out.println(HistoryTimeline.format(history)); // input=[<encoded with aes-gcm(2025-q1)>,...]
        // guide: payload-codecs-replay end

        assertThat(HistoryTimeline.format(history, codecs)).contains("input=[\"Ada Lovelace\",512000]");
        assertThat(HistoryTimeline.format(history)).contains("input=[<encoded with aes-gcm(2025-q1)>,"
                + "<encoded with aes-gcm(2025-q1)>]");
    }

    @Test
    void rotatedKeyReadsWhatTheOldKeyWrote() {
        History history = History.fromJson(runPayroll(TestEnvironmentOptions.newBuilder()
                .setPayloadCodecs(new PayrollCodec()).build(), "pay-4").split("\n", 2)[1]);

        // guide: payload-codecs-rotation begin
        PayloadCodec rotated = PayloadCodecs.aesGcm("2025-q2", Map.of(
                "2025-q1", PAYROLL_KEY, // kept to read the histories it encrypted
                "2025-q2", NEXT_KEY)); // encrypts from now on
        // guide: payload-codecs-rotation end

        WorkflowReplayer.replayWorkflowExecution(history, List.of(rotated), PayrollImpl.class);
        assertThat(rotated.name()).isEqualTo("aes-gcm(2025-q2)");
    }

    @Test
    void replayWithoutTheKeyFailsNamingIt() {
        History history = History.fromJson(runPayroll(TestEnvironmentOptions.newBuilder()
                .setPayloadCodecs(new PayrollCodec()).build(), "pay-5").split("\n", 2)[1]);

        assertThatThrownBy(() -> WorkflowReplayer.replayWorkflowExecution(history,
                List.of(PayloadCodecs.aesGcm("2025-q2", NEXT_KEY)), PayrollImpl.class))
                .hasRootCauseInstanceOf(PayloadCodecException.class)
                .hasStackTraceContaining("no codec for aes-gcm(2025-q1) is configured (the codecs are"
                        + " aes-gcm(2025-q2))");
    }
}
