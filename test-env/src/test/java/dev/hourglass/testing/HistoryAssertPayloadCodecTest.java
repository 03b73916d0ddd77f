package dev.hourglass.testing;

import static dev.hourglass.testing.HourglassAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.common.PayloadCodec;
import dev.hourglass.common.PayloadCodecs;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.worker.Worker;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code HistoryAssert.withPayloadCodecs}: assertions on a history recorded with payload codecs see decoded values. */
class HistoryAssertPayloadCodecTest {

    static final PayloadCodec AES = PayloadCodecs.aesGcm("k1", new SecretKeySpec(new byte[16], "AES"));
    static final PayloadCodec OTHER_KEY = PayloadCodecs.aesGcm("k1", new SecretKeySpec(new byte[] {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}, "AES"));

    public record Receipt(String vault, List<String> items) {
    }

    @WorkflowInterface
    public interface Vault {
        @WorkflowMethod
        Receipt open(String vault);
    }

    public static class VaultImpl implements Vault {
        @Override
        public Receipt open(String vault) {
            Workflow.sleep(Duration.ofHours(1));
            return new Receipt(vault, List.of("gold", "maps"));
        }
    }

    static History recorded;

    @BeforeAll
    static void recordAnEncryptedHistory() {
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setPayloadCodecs(PayloadCodecs.gzip(), AES).build())) {
            Worker worker = env.newWorker("vaults");
            worker.registerWorkflowImplementationTypes(VaultImpl.class);
            env.start();
            env.getWorkflowClient().newWorkflowStub(Vault.class, WorkflowOptions.newBuilder()
                    .setTaskQueue("vaults").setWorkflowId("vault-1").build()).open("Quetzal");
            recorded = env.getWorkflowClient().fetchHistory("vault-1");
        }
    }

    @Test
    void completedWithComparesTheDecodedResult() {
        assertThat(recorded).withPayloadCodecs(AES, PayloadCodecs.gzip())
                .completedWith(new Receipt("Quetzal", List.of("gold", "maps")));
    }

    @Test
    void theCodecsMayBeGivenAsAList() {
        assertThat(recorded).withPayloadCodecs(List.of(PayloadCodecs.gzip(), AES))
                .hasTimerStarted(Duration.ofHours(1))
                .completedWith(new Receipt("Quetzal", List.of("gold", "maps")));
    }

    @Test
    void aDifferentDecodedResultFailsShowingTheDecodedValue() {
        assertThatThrownBy(() -> assertThat(recorded).withPayloadCodecs(AES, PayloadCodecs.gzip())
                .completedWith(new Receipt("Quetzal", List.of("silver"))))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("but it completed with:")
                .hasMessageContaining("\"gold\"");
    }

    @Test
    void withoutTheCodecsCompletedWithSaysTheResultIsEncodedAndWhatToDo() {
        assertThatThrownBy(() -> assertThat(recorded).completedWith(new Receipt("Quetzal", List.of("gold", "maps"))))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("but its result is encoded with gzip,aes-gcm(k1); assert on it with"
                        + " assertThat(history).withPayloadCodecs(...) given the codecs it was recorded with");
    }

    @Test
    void aCodecWithAnotherKeyFailsTheAssertionNamingTheCodec() {
        assertThatThrownBy(() -> assertThat(recorded).withPayloadCodecs(OTHER_KEY, PayloadCodecs.gzip()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("to be decodable with the payload codecs given to withPayloadCodecs")
                .hasMessageContaining("but the codec aes-gcm(k1) failed");
    }

    @Test
    void aPayloadThatNamesACodecNotGivenStaysEncodedAndTheAssertionSaysSo() {
        assertThatThrownBy(() -> assertThat(recorded).withPayloadCodecs(PayloadCodecs.gzip())
                .completedWith(new Receipt("Quetzal", List.of("gold", "maps"))))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("but its result is encoded with gzip,aes-gcm(k1)");
    }

    @Test
    void theDescriptionCarriesOver() {
        assertThatThrownBy(() -> assertThat(recorded).as("the vault").withPayloadCodecs(AES, PayloadCodecs.gzip())
                .hasEventsInOrder(EventType.WorkflowExecutionFailed))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("[the vault] ");
    }

    @Test
    void onANullHistoryItFailsAsEveryAssertionDoes() {
        assertThatThrownBy(() -> assertThat((History) null).withPayloadCodecs(AES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting actual not to be null");
    }
}
