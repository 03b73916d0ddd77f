package dev.hourglass.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.hourglass.client.WorkflowClientOptions;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.common.DataConverter;
import dev.hourglass.history.WorkflowExecutionCompletedAttributes;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The test environment converts payloads with the data converter of its client options. */
class TestEnvironmentDataConverterTest {

    /** A code that Jackson cannot convert on its own: written by its {@code toString}, read by {@link #of}. */
    public static final class Sku {
        private final String code;

        private Sku(String code) {
            this.code = code;
        }

        static Sku of(String code) {
            return new Sku(code);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Sku && ((Sku) other).code.equals(code);
        }

        @Override
        public int hashCode() {
            return code.hashCode();
        }

        @Override
        public String toString() {
            return code;
        }
    }

    @WorkflowInterface
    public interface Restock {
        @WorkflowMethod
        Sku restock(Sku sku);
    }

    public static class RestockImpl implements Restock {
        @Override
        public Sku restock(Sku sku) {
            Workflow.sleep(Duration.ofDays(1));
            return Sku.of(sku + "-restocked");
        }
    }

    /** Reads a {@link Sku} from its text. */
    static final class SkuDeserializer extends FromStringDeserializer<Sku> {
        private static final long serialVersionUID = 1L;

        SkuDeserializer() {
            super(Sku.class);
        }

        @Override
        protected Sku _deserialize(String value, DeserializationContext context) {
            return Sku.of(value);
        }
    }

    private static final DataConverter SKUS = DataConverter.newInstance(DataConverter.newObjectMapperBuilder()
            .addModule(new SimpleModule()
                    .addSerializer(Sku.class, ToStringSerializer.instance)
                    .addDeserializer(Sku.class, new SkuDeserializer()))
            .build());

    @Test
    void workflowsAndTheSelfCheckReplayUseTheConverterOfTheClientOptions() {
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setWorkflowClientOptions(WorkflowClientOptions.newBuilder().setDataConverter(SKUS).build())
                .build());
        Sku restocked;
        String recorded;
        try {
            env.newWorker("stock").registerWorkflowImplementationTypes(RestockImpl.class);
            env.start();
            Restock restock = env.getWorkflowClient().newWorkflowStub(Restock.class,
                    WorkflowOptions.newBuilder().setTaskQueue("stock").setWorkflowId("restock-1").build());
            restocked = restock.restock(Sku.of("AB-12"));
            recorded = env.getWorkflowClient().fetchHistory("restock-1").getLastEvent()
                    .getAttributes(WorkflowExecutionCompletedAttributes.class).result().toJson();
        } finally {
            env.close(); // throws if the self-check replay could not convert the history's payloads
        }

        assertThat(restocked).isEqualTo(Sku.of("AB-12-restocked"));
        assertThat(recorded).isEqualTo("\"AB-12-restocked\"");
    }
}
