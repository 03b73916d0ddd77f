package dev.hourglass.replay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.replay.cli.Cli.Run;
import dev.hourglass.testing.TestEnvironmentOptions;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.worker.Worker;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code verify --codec CLASS}: histories recorded with encoded payloads replay when the gate is given the codec. */
class VerifyCommandCodecTest {

    static final String CODEC = GateKeyCodec.class.getName();
    static final String SIGNER = SignerImpl.class.getName();

    @WorkflowInterface
    public interface Signer {
        @WorkflowMethod
        String sign(String document);
    }

    /** Reads its (encrypted) input: replay must decode it to get the same result. */
    public static class SignerImpl implements Signer {
        @Override
        public String sign(String document) {
            Workflow.sleep(java.time.Duration.ofMinutes(document.length()));
            return "signed " + document;
        }
    }

    @TempDir
    static Path histories;

    @BeforeAll
    static void recordAnEncryptedHistory() throws Exception {
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setPayloadCodecs(new GateKeyCodec()).build())) {
            Worker worker = env.newWorker("signing");
            worker.registerWorkflowImplementationTypes(SignerImpl.class);
            env.start();
            env.getWorkflowClient().newWorkflowStub(Signer.class, WorkflowOptions.newBuilder()
                    .setTaskQueue("signing").setWorkflowId("signer-1").build()).sign("lease of Quetzal Street");
            Files.writeString(histories.resolve("signer-1.json"),
                    env.getWorkflowClient().fetchHistory("signer-1").toJson());
        }
    }

    @Test
    void theRecordedHistoryHoldsNoPlainPayload() throws Exception {
        assertThat(Files.readString(histories.resolve("signer-1.json"))).doesNotContain("Quetzal")
                .contains("aes-gcm(gate-test)");
    }

    @Test
    void anEncodedHistoryReplaysCompatiblyWithItsCodec() {
        Run run = Cli.run("verify", "--histories", histories.toString(), "--workflows", SIGNER, "--codec", CODEC);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(HourglassReplay.COMPATIBLE);
        assertThat(run.out()).contains("1 compatible");
    }

    @Test
    void withoutTheCodecTheHistoryIsInErrorNamingTheCodecItNeeds() {
        Run run = Cli.run("verify", "--histories", histories.toString(), "--workflows", SIGNER);

        assertThat(run.exitCode()).isEqualTo(HourglassReplay.BAD_INPUT);
        assertThat(run.err()).contains("aes-gcm(gate-test)");
    }

    @Test
    void anUnknownCodecClassIsBadInputNamingItAndWhereItWasLookedFor() {
        Run run = Cli.run("verify", "--histories", histories.toString(), "--workflows", SIGNER, "--codec",
                "com.acme.VaultCodec");

        assertThat(run.exitCode()).isEqualTo(HourglassReplay.BAD_INPUT);
        assertThat(run.errLines()).singleElement().asString().contains("--codec com.acme.VaultCodec: no such class on"
                + " the class path (looked in the class path of hourglass-replay (no --classpath was given))");
    }

    @Test
    void aClassThatIsNoCodecIsBadInputSayingWhatItMustBe() {
        Run run = Cli.run("verify", "--histories", histories.toString(), "--workflows", SIGNER, "--codec",
                "java.lang.String");

        assertThat(run.exitCode()).isEqualTo(HourglassReplay.BAD_INPUT);
        assertThat(run.errLines()).singleElement().asString().contains("--codec java.lang.String: the class does"
                + " not implement dev.hourglass.common.PayloadCodec; name a class that does");
    }
}
