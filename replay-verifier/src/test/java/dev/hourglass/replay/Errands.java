package dev.hourglass.replay;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.worker.Worker;
import dev.hourglass.workflow.QueryMethod;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A workflow that records every kind of command, and a recorded run of it. */
final class Errands {

    private Errands() {
    }

    @WorkflowInterface
    public interface Errand {
        @WorkflowMethod
        String run(String name, int count);

        @SignalMethod
        void note(String text);

        @QueryMethod
        int notes();
    }

    @ActivityInterface
    public interface Steps {
        String step(String name, int index);
    }

    /** Every kind of command: activities, a timer, a signal wait, a version marker and a side effect. */
    public static class ErrandImpl implements Errand {
        private final Steps steps = Workflow.newActivityStub(Steps.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());
        private final List<String> notes = new ArrayList<>();

        @Override
        public String run(String name, int count) {
            StringBuilder done = new StringBuilder(String.valueOf(name));
            int version = Workflow.getVersion("steps", Workflow.DEFAULT_VERSION, 1);
            for (int i = 0; i < count; i++) {
                done.append(' ').append(steps.step(name, i));
            }
            Workflow.sleep(Duration.ofHours(1));
            Workflow.await(() -> !notes.isEmpty());
            Long drawn = Workflow.sideEffect(Long.class, () -> 42L);
            return done + " v" + version + " " + drawn + " " + notes;
        }

        @Override
        public void note(String text) {
            notes.add(text);
        }

        @Override
        public int notes() {
            return notes.size();
        }
    }

    /** Answers each step with its index. */
    static final class StepsImpl implements Steps {
        @Override
        public String step(String name, int index) {
            return "step-" + index;
        }
    }

    /** Runs one errand to its end and returns its history's JSON. */
    static String record() {
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
            Worker worker = env.newWorker("errands");
            worker.registerWorkflowImplementationTypes(ErrandImpl.class);
            worker.registerActivitiesImplementations(new StepsImpl());
            env.start();
            Errand errand = env.getWorkflowClient().newWorkflowStub(Errand.class,
                    WorkflowOptions.newBuilder().setTaskQueue("errands").setWorkflowId("errand-1").build());
            WorkflowClient.start(errand::run, "post", 2);
            errand.note("stamps");
            env.getWorkflowClient().newUntypedWorkflowStub("errand-1").getResult(String.class);
            return env.getWorkflowClient().fetchHistory("errand-1").toJson();
        }
    }
}
