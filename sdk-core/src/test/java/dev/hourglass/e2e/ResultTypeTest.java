package dev.hourglass.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.client.WorkflowStub;
import dev.hourglass.common.DataConverterException;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A result asked for as a type that cannot hold it fails, naming the value and both types, instead of changing. */
class ResultTypeTest {

    @WorkflowInterface
    public interface Measure {
        @WorkflowMethod
        Double measure(boolean known);
    }

    public static class MeasureImpl implements Measure {
        @Override
        public Double measure(boolean known) {
            return known ? 3.7 : null;
        }
    }

    @RegisterExtension
    final E2eEnvironment env = E2eEnvironment.newBuilder().registerWorkflowImplementationTypes(MeasureImpl.class)
            .build();

    private WorkflowStub measured(String workflowId, boolean known) {
        WorkflowStub stub = env.client().newUntypedWorkflowStub("Measure", env.options(workflowId).build());
        stub.start(known);
        return stub;
    }

    @Test
    void aFractionAskedForAsALongFailsInsteadOfLosingItsFraction() {
        WorkflowStub stub = measured("measure-1", true);

        assertThatThrownBy(() -> stub.getResult(Long.class))
                .isInstanceOf(DataConverterException.class)
                .hasMessageStartingWith("cannot convert the result of workflow Measure (workflowId=measure-1, runId=")
                .hasMessageContaining(", 3.7 (a number), to java.lang.Long: ");
    }

    @Test
    void nullAskedForAsAnIntFailsInsteadOfBecomingZero() {
        WorkflowStub stub = measured("measure-2", false);

        assertThatThrownBy(() -> stub.getResult(int.class))
                .isInstanceOf(DataConverterException.class)
                .hasMessageStartingWith("cannot convert the result of workflow Measure (workflowId=measure-2, runId=")
                .hasMessageContaining(", null, to int: an int cannot hold null; ask for java.lang.Integer instead");
    }

    @Test
    void aFractionAskedForAsADoubleIsThatFraction() {
        assertThat(measured("measure-3", true).getResult(double.class)).isEqualTo(3.7);
    }
}
