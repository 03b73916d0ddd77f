package dev.hourglass.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.activity.Activity;
import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.DynamicActivity;
import dev.hourglass.common.Values;
import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.workflow.ActivityStub;
import dev.hourglass.workflow.Promise;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link TestActivityEnvironment} with a {@link DynamicActivity} and the untyped stub: activity types called by name
 * run on the registered implementation of the type, or else on the dynamic one, as on a worker.
 */
class TestActivityEnvironmentDynamicTest {

    /** Answers every type with the type, the attempt and its arguments joined. */
    public static class Echo implements DynamicActivity {
        @Override
        public Object execute(Values args) {
            String type = Activity.getExecutionContext().getInfo().getActivityType();
            if (type.equals("fail")) {
                throw ApplicationFailure.newFailure("asked to fail", "Asked");
            }
            StringBuilder text = new StringBuilder(type).append('#')
                    .append(Activity.getExecutionContext().getInfo().getAttempt());
            for (int i = 0; i < args.getSize(); i++) {
                text.append(':').append(args.get(i, String.class));
            }
            return text.toString();
        }
    }

    @ActivityInterface
    public interface Greetings {
        String greet(String name);
    }

    public static class GreetingsImpl implements Greetings {
        @Override
        public String greet(String name) {
            return "hello " + name;
        }
    }

    @ActivityInterface
    public interface Counting {
        List<Integer> count(int upTo);
    }

    private final TestActivityEnvironment env = TestActivityEnvironment.newInstance();

    @AfterEach
    void tearDown() {
        env.close();
    }

    @Test
    void anUntypedStubCallsTheDynamicActivityByTypeName() {
        env.registerActivitiesImplementations(new Echo());
        env.setAttempt(3);

        String result = env.newUntypedActivityStub().execute("shout", String.class, "a", "b");

        assertThat(result).isEqualTo("shout#3:a:b");
    }

    @Test
    void aTypedStubOfAnInterfaceWithoutImplementationRunsOnTheDynamicActivity() {
        env.registerActivitiesImplementations(new Echo());

        assertThat(env.newActivityStub(Greetings.class).greet("ada")).isEqualTo("greet#1:ada");
    }

    @Test
    void aRegisteredImplementationOfTheTypeComesBeforeTheDynamicActivity() {
        env.registerActivitiesImplementations(new Echo(), new GreetingsImpl());
        ActivityStub stub = env.newUntypedActivityStub();

        assertThat(stub.execute("greet", String.class, "ada")).isEqualTo("hello ada");
        assertThat(stub.execute("wave", String.class, "ada")).isEqualTo("wave#1:ada");
    }

    @Test
    void anUntypedStubDecodesTheResultToAGenericType() {
        env.registerActivitiesImplementations((Counting) upTo -> List.of(1, 2, upTo));

        List<?> counted = env.newUntypedActivityStub().execute("count", List.class,
                Counting.class.getMethods()[0].getGenericReturnType(), 3);

        assertThat(counted).isEqualTo(List.of(1, 2, 3));
    }

    @Test
    void executeAsyncReturnsThePromiseOfTheCompletedCall() {
        env.registerActivitiesImplementations(new Echo());

        Promise<String> result = env.newUntypedActivityStub().executeAsync("later", String.class, "x");

        assertThat(result.isCompleted()).isTrue();
        assertThat(result.get()).isEqualTo("later#1:x");
    }

    @Test
    void executeAsyncFailsItsPromiseWithWhatTheActivityThrew() {
        env.registerActivitiesImplementations(new Echo());

        Promise<String> result = env.newUntypedActivityStub().executeAsync("fail", String.class);

        assertThat(result.getFailure()).isInstanceOfSatisfying(ApplicationFailure.class,
                failure -> assertThat(failure.getType()).isEqualTo("Asked"));
    }

    @Test
    void withoutADynamicActivityAnUnknownTypeFailsNamingTheRegisteredTypes() {
        env.registerActivitiesImplementations(new GreetingsImpl());

        assertThatThrownBy(() -> env.newUntypedActivityStub().execute("wave", String.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("activity type 'wave' is not registered: call registerActivitiesImplementations with its"
                        + " implementation (or a DynamicActivity) first; registered: [greet]");
    }

    @Test
    void aSecondDynamicActivityIsRejected() {
        env.registerActivitiesImplementations(new Echo());

        assertThatThrownBy(() -> env.registerActivitiesImplementations(new Echo()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is already registered as the DynamicActivity of this test activity environment");
    }

    @Test
    void anEmptyTypeNameIsRejected() {
        assertThatThrownBy(() -> env.newUntypedActivityStub().execute("", String.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("ActivityStub.execute: the activity type must not be empty");
    }
}
