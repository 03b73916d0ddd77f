package dev.hourglass.samples.model;

import static dev.hourglass.testing.HourglassAssertions.assertThat;

import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.common.PayloadCodec;
import dev.hourglass.common.PayloadCodecs;
import dev.hourglass.testing.TestEnvironmentOptions;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.worker.Worker;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Assertions on a history whose payloads are encrypted: they compare the decoded values. */
class CodecHistoryAssertSampleTest {

    static final PayloadCodec PAYROLL_CODEC = PayloadCodecs.aesGcm("2025-q1", new SecretKeySpec(new byte[32], "AES"));
    static final List<PayloadCodec> CODECS = List.of(PayloadCodecs.gzip(), PAYROLL_CODEC);

    @WorkflowInterface
    public interface Payslip {
        @WorkflowMethod
        String issue(String employee);
    }

    public static class PayslipImpl implements Payslip {
        @Override
        public String issue(String employee) {
            return "payslip of " + employee;
        }
    }

    @Test
    void theResultOfAnEncryptedHistoryIsComparedDecoded() {
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setPayloadCodecs(CODECS).build())) {
            Worker worker = env.newWorker("payroll");
            worker.registerWorkflowImplementationTypes(PayslipImpl.class);
            env.start();
            env.getWorkflowClient().newWorkflowStub(Payslip.class, WorkflowOptions.newBuilder()
                    .setWorkflowId("payslip-1").setTaskQueue("payroll").build()).issue("Ada Lovelace");

            // guide: payload-codecs-history-assert begin
            assertThat(env.getWorkflowClient().fetchHistory("payslip-1"))
                    .withPayloadCodecs(CODECS)
                    .completedWith("payslip of Ada Lovelace");
            // guide: payload-codecs-history-assert end
        }
    }
}
