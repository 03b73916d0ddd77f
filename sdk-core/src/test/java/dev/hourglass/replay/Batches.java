package dev.hourglass.replay;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;

/** A workflow that runs one activity per item in a loop, and changed implementations with other loop lengths. */
final class Batches {

    private static final ActivityOptions OPTIONS =
            ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(5)).build();

    private Batches() {
    }

    @ActivityInterface
    public interface Steps {
        String step(int index);
    }

    @WorkflowInterface
    public interface Batch {
        @WorkflowMethod
        String process(String name);
    }

    /** Names each step it ran. */
    public static final class StepsImpl implements Steps {
        @Override
        public String step(int index) {
            return "step " + index;
        }
    }

    static String loop(String name, int iterations) {
        Steps steps = Workflow.newActivityStub(Steps.class, OPTIONS);
        StringBuilder done = new StringBuilder(name);
        for (int i = 0; i < iterations; i++) {
            done.append(" / ").append(steps.step(i));
        }
        return done.toString();
    }

    /** The code the histories were recorded with: three steps. */
    public static class ThreeSteps implements Batch {
        @Override
        public String process(String name) {
            return loop(name, 3);
        }
    }

    /** Two steps. */
    public static class TwoSteps implements Batch {
        @Override
        public String process(String name) {
            return loop(name, 2);
        }
    }

    /** Four steps. */
    public static class FourSteps implements Batch {
        @Override
        public String process(String name) {
            return loop(name, 4);
        }
    }
}
