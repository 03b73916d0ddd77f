package dev.hourglass.internal.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.common.Values;
import dev.hourglass.workflow.DynamicWorkflow;
import dev.hourglass.workflow.WorkflowInit;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What reading a workflow implementation class accepts and refuses of @WorkflowInit and DynamicWorkflow. */
class WorkflowImplementationRegistrationTest {

    @WorkflowInterface
    public interface Booking {
        @WorkflowMethod
        String book(String guest, List<String> nights);
    }

    public static class TwoInits implements Booking {
        @WorkflowInit
        public TwoInits(String guest, List<String> nights) {
        }

        @WorkflowInit
        public TwoInits(String guest) {
        }

        @Override
        public String book(String guest, List<String> nights) {
            return guest;
        }
    }

    public static class OtherParameters implements Booking {
        @WorkflowInit
        public OtherParameters(String guest, int nights) {
        }

        @Override
        public String book(String guest, List<String> nights) {
            return guest;
        }
    }

    public static class OtherTypeArgument implements Booking {
        @WorkflowInit
        public OtherTypeArgument(String guest, List<Integer> nights) {
        }

        @Override
        public String book(String guest, List<String> nights) {
            return guest;
        }
    }

    public static class NotPublic implements Booking {
        @WorkflowInit
        NotPublic(String guest, List<String> nights) {
        }

        @Override
        public String book(String guest, List<String> nights) {
            return guest;
        }
    }

    public static class Matching implements Booking {
        final String guest;

        @WorkflowInit
        public Matching(String guest, List<String> nights) {
            this.guest = guest + " for " + nights.size();
        }

        @Override
        public String book(String guest, List<String> nights) {
            return this.guest;
        }
    }

    public static class DynamicAndTyped implements DynamicWorkflow, Booking {
        @Override
        public Object execute(Values args) {
            return null;
        }

        @Override
        public String book(String guest, List<String> nights) {
            return guest;
        }
    }

    public static class AnyType implements DynamicWorkflow {
        @Override
        public Object execute(Values args) {
            return null;
        }
    }

    @Test
    void refusesTwoWorkflowInitConstructors() {
        assertThatThrownBy(() -> WorkflowImplementation.of(TwoInits.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has 2 constructors annotated with @WorkflowInit")
                .hasMessageContaining("Booking.book(java.lang.String, java.util.List<java.lang.String>)");
    }

    @Test
    void refusesAWorkflowInitConstructorWhoseParametersAreNotTheWorkflowMethods() {
        assertThatThrownBy(() -> WorkflowImplementation.of(OtherParameters.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("takes (java.lang.String, int), but the workflow method Booking.book(")
                .hasMessageContaining("change the constructor's parameters");
    }

    @Test
    void refusesAWorkflowInitConstructorWhoseGenericParameterTypesDiffer() {
        assertThatThrownBy(() -> WorkflowImplementation.of(OtherTypeArgument.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.util.List<java.lang.Integer>");
    }

    @Test
    void refusesAWorkflowInitConstructorThatIsNotPublic() {
        assertThatThrownBy(() -> WorkflowImplementation.of(NotPublic.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not public");
    }

    @Test
    void createsTheObjectWithTheArgumentsThroughAMatchingWorkflowInitConstructor() {
        WorkflowImplementation implementation = WorkflowImplementation.of(Matching.class);

        Object instance = implementation.newInstance(new Object[] {"ann", List.of("mon", "tue")});

        assertThat(((Matching) instance).guest).isEqualTo("ann for 2");
    }

    @Test
    void refusesAClassThatIsBothDynamicAndTyped() {
        assertThatThrownBy(() -> WorkflowImplementation.of(DynamicAndTyped.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("implements both DynamicWorkflow and the @WorkflowInterface")
                .hasMessageContaining("implement one of them");
    }

    @Test
    void dynamicImplementationServesTypesThatHaveNoImplementationOfTheirOwn() {
        WorkflowImplementation dynamic = WorkflowImplementation.of(AnyType.class);
        WorkflowImplementation typed = WorkflowImplementation.of(Matching.class);
        Map<String, WorkflowImplementation> byType = Map.of(typed.workflowType(), typed, dynamic.workflowType(),
                dynamic);

        assertThat(WorkflowImplementation.lookup(byType, "Booking")).isSameAs(typed);
        assertThat(WorkflowImplementation.lookup(byType, "Invoice")).isSameAs(dynamic);
        assertThat(WorkflowImplementation.lookup(Map.of("Booking", typed), "Invoice")).isNull();
    }
}
