package dev.hourglass.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowClientOptions;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.common.PayloadCodecs;
import dev.hourglass.worker.Worker;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The test environment encodes payloads with the codecs of its options, and its self-check replay decodes them. */
class TestEnvironmentPayloadCodecTest {

    static final SecretKey KEY = new SecretKeySpec(new byte[32], "AES");

    @WorkflowInterface
    public interface Greeting {
        @WorkflowMethod
        String greet(String name);
    }

    @ActivityInterface
    public interface Letters {
        String compose(String name);
    }

    public static class GreetingImpl implements Greeting {
        private final Letters letters = Workflow.newActivityStub(Letters.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(5)).build());

        @Override
        public String greet(String name) {
            Workflow.sleep(Duration.ofDays(3));
            return letters.compose(name);
        }
    }

    static final class LettersImpl implements Letters {
        @Override
        public String compose(String name) {
            return "Dear " + name;
        }
    }

    private static String[] run(TestEnvironmentOptions options) {
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(options);
        try {
            Worker worker = env.newWorker("letters");
            worker.registerWorkflowImplementationTypes(GreetingImpl.class);
            worker.registerActivitiesImplementations(new LettersImpl());
            env.start();
            Greeting greeting = env.getWorkflowClient().newWorkflowStub(Greeting.class,
                    WorkflowOptions.newBuilder().setTaskQueue("letters").setWorkflowId("greet-1").build());
            String result = greeting.greet("Wilhelmina");
            return new String[] {result, env.getWorkflowClient().fetchHistory("greet-1").toJson()};
        } finally {
            env.close(); // throws if the self-check replay could not decode the history's payloads
        }
    }

    @Test
    void codecsOfTheOptionsEncryptTheHistoryAndTheWorkflowStillRuns() {
        String[] resultAndHistory = run(TestEnvironmentOptions.newBuilder()
                .setPayloadCodecs(PayloadCodecs.gzip(), PayloadCodecs.aesGcm("test-key", KEY)).build());

        assertThat(resultAndHistory[0]).isEqualTo("Dear Wilhelmina");
        assertThat(resultAndHistory[1]).doesNotContain("Wilhelmina").contains("aes-gcm(test-key)");
    }

    @Test
    void codecsSetBesideClientOptionsKeepTheirDataConverterAndIdentity() {
        TestEnvironmentOptions options = TestEnvironmentOptions.newBuilder()
                .setWorkflowClientOptions(WorkflowClientOptions.newBuilder().setIdentity("tests").build())
                .setPayloadCodecs(PayloadCodecs.gzip())
                .build();

        assertThat(options.getWorkflowClientOptions().getIdentity()).isEqualTo("tests");
        assertThat(options.getPayloadCodecs()).containsExactly(PayloadCodecs.gzip());
    }
}
