package dev.hourglass.internal.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityMethod;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import org.junit.jupiter.api.Test;

class InterfacesTest {

    @WorkflowInterface
    public interface Greeting {
        @WorkflowMethod
        String greet(String name);
    }

    /** An interface of the user's own that adds nothing Hourglass needs to know about. */
    public interface AuditedGreeting extends Greeting {
    }

    public static class AuditedGreetingImpl implements AuditedGreeting {
        @Override
        public String greet(String name) {
            return "hello " + name;
        }
    }

    public static class SubclassOfAnImplementation extends AuditedGreetingImpl {
    }

    @WorkflowInterface
    public interface Farewell {
        @WorkflowMethod
        String bye(String name);
    }

    public static class TwoWorkflows implements Greeting, Farewell {
        @Override
        public String greet(String name) {
            return "hello";
        }

        @Override
        public String bye(String name) {
            return "bye";
        }
    }

    public static class NoWorkflow {
    }

    @ActivityInterface
    public interface Accounts {
        void withdraw(String account, long cents);
    }

    /** What the class of a mock or a proxy of {@code Accounts} may look like: the annotation one level up. */
    public interface AccountsWithExtras extends Accounts {
    }

    public static class AccountsImpl implements AccountsWithExtras {
        @Override
        public void withdraw(String account, long cents) {
        }
    }

    @Test
    void findsTheWorkflowInterfaceThroughAnUnannotatedInterfaceThatExtendsIt() {
        assertThat(Interfaces.workflowInterfaceOfImplementation(AuditedGreetingImpl.class).workflowType())
                .isEqualTo("Greeting");
    }

    @Test
    void findsTheWorkflowInterfaceOfASuperclass() {
        assertThat(Interfaces.workflowInterfaceOfImplementation(SubclassOfAnImplementation.class).workflowType())
                .isEqualTo("Greeting");
    }

    @Test
    void rejectsAnImplementationOfTwoWorkflowInterfacesNamingThem() {
        assertThatThrownBy(() -> Interfaces.workflowInterfaceOfImplementation(TwoWorkflows.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("implements several @WorkflowInterface types")
                .hasMessageContaining("Greeting")
                .hasMessageContaining("Farewell");
    }

    @Test
    void rejectsAClassWithoutAWorkflowInterfaceSayingWhatToDo() {
        assertThatThrownBy(() -> Interfaces.workflowInterfaceOfImplementation(NoWorkflow.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("implements no @WorkflowInterface")
                .hasMessageContaining("annotated with @WorkflowInterface");
    }

    @Test
    void findsTheActivityInterfaceThroughAnUnannotatedInterfaceThatExtendsIt() {
        assertThat(Interfaces.activityInterfacesOf(AccountsImpl.class)).containsExactly(Accounts.class);
    }

    @ActivityInterface
    public interface Kitchen {
        void whisk(int eggs);

        void bake(int minutes);

        void boil(String recipe);

        void chop(String vegetable);
    }

    public static class KitchenImpl implements Kitchen {
        @Override
        public void whisk(int eggs) {
        }

        @Override
        public void bake(int minutes) {
        }

        @Override
        public void boil(String recipe) {
        }

        @Override
        public void chop(String vegetable) {
        }
    }

    @Test
    void activityTypesComeInTheOrderOfTheirNamesWhateverOrderTheJvmReflectsThemIn() {
        assertThat(Interfaces.activityMethods(Kitchen.class).values()).containsExactly("bake", "boil", "chop", "whisk");
    }

    @ActivityInterface(namePrefix = "Kitchen_")
    public interface PrefixedKitchen {
        void whisk(int eggs);

        @ActivityMethod(name = "oven")
        void bake(int minutes);
    }

    @Test
    void prefixesEveryActivityTypeOfAnInterfaceWithItsNamePrefix() {
        assertThat(Interfaces.activityMethods(PrefixedKitchen.class).values())
                .containsExactlyInAnyOrder("Kitchen_whisk", "Kitchen_oven");
    }
}
