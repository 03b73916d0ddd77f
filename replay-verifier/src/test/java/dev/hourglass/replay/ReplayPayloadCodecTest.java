package dev.hourglass.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowClientOptions;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.common.PayloadCodec;
import dev.hourglass.common.PayloadCodecException;
import dev.hourglass.common.PayloadCodecs;
import dev.hourglass.history.History;
import dev.hourglass.testing.TestEnvironmentOptions;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.worker.Worker;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Histories recorded with payload codecs replay, in the replayer and in the gate, when given the codecs. */
class ReplayPayloadCodecTest {

    static final PayloadCodec AES = PayloadCodecs.aesGcm("k1", new SecretKeySpec(new byte[16], "AES"));

    @WorkflowInterface
    public interface Parcel {
        @WorkflowMethod
        String ship(String address);
    }

    @ActivityInterface
    public interface Courier {
        String label(String address);
    }

    public static class ParcelImpl implements Parcel {
        private final Courier courier = Workflow.newActivityStub(Courier.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(5)).build());

        @Override
        public String ship(String address) {
            return courier.label(address);
        }
    }

    static History recorded;

    @BeforeAll
    static void recordAnEncryptedHistory() {
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setPayloadCodecs(PayloadCodecs.gzip(), AES).build());
        try {
            Worker worker = env.newWorker("parcels");
            worker.registerWorkflowImplementationTypes(ParcelImpl.class);
            worker.registerActivitiesImplementations((Courier) address -> "label for " + address);
            env.start();
            env.getWorkflowClient().newWorkflowStub(Parcel.class, WorkflowOptions.newBuilder()
                    .setTaskQueue("parcels").setWorkflowId("parcel-1").build()).ship("12 Rue Oberkampf");
            recorded = History.fromJson(env.getWorkflowClient().fetchHistory("parcel-1").toJson());
        } finally {
            env.close();
        }
    }

    @Test
    void replayerReplaysAnEncryptedHistoryWithItsCodecs() {
        assertThat(recorded.toJson()).doesNotContain("Oberkampf");

        assertThatCode(() -> WorkflowReplayer.replayWorkflowExecution(recorded, List.of(AES, PayloadCodecs.gzip()),
                ParcelImpl.class)).doesNotThrowAnyException();
    }

    @Test
    void replayerReplaysWithTheOptionsOfTheRecordingClient() {
        WorkflowClientOptions options = WorkflowClientOptions.newBuilder()
                .setPayloadCodecs(PayloadCodecs.gzip(), AES).build();

        assertThatCode(() -> WorkflowReplayer.replayWorkflowExecution(recorded, options, ParcelImpl.class))
                .doesNotThrowAnyException();
    }

    @Test
    void replayerWithoutTheCodecsFailsNamingTheMissingCodec() {
        assertThatThrownBy(() -> WorkflowReplayer.replayWorkflowExecution(recorded, ParcelImpl.class))
                .hasRootCauseInstanceOf(PayloadCodecException.class)
                .hasStackTraceContaining("no codec for aes-gcm(k1) is configured");
    }

    @Test
    void gateWithTheCodecsFindsTheHistoryCompatible() {
        ReplayReport report = ReplayGate.newBuilder().registerWorkflowImplementationTypes(ParcelImpl.class)
                .addHistory(recorded).setPayloadCodecs(PayloadCodecs.gzip(), AES).build().run();

        assertThat(report.isCompatible()).as(report.toText()).isTrue();
    }

    @Test
    void gateWithoutTheKeyReportsAnErrorNamingTheCodec() {
        ReplayReport report = ReplayGate.newBuilder().registerWorkflowImplementationTypes(ParcelImpl.class)
                .addHistory(recorded).setPayloadCodecs(PayloadCodecs.gzip()).build().run();

        assertThat(report.getResults()).singleElement().satisfies(result -> {
            assertThat(result.getStatus()).isEqualTo(ReplayResult.Status.ERROR);
            assertThat(result.getFailure()).get().asString().contains("aes-gcm(k1)");
        });
    }
}
