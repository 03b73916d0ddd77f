package dev.hourglass.replay;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;

/** A request that waits for an approver's signal, and an incompatible change of it. */
final class Approvals {

    private static final ActivityOptions OPTIONS =
            ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(5)).build();

    private Approvals() {
    }

    @ActivityInterface
    public interface Desk {
        String register(String request);
    }

    @WorkflowInterface
    public interface Approval {
        @WorkflowMethod
        String approve(String request);

        @SignalMethod
        void decide(String approver);
    }

    /** Registers what it is given. */
    public static final class DeskImpl implements Desk {
        @Override
        public String register(String request) {
            return "registered " + request;
        }
    }

    /** The deployed code: register the request, then wait for an approver. */
    public static class Original implements Approval {
        private final Desk desk = Workflow.newActivityStub(Desk.class, OPTIONS);
        private String approver;

        @Override
        public String approve(String request) {
            String registered = desk.register(request);
            Workflow.await(() -> approver != null);
            return registered + ", approved by " + approver;
        }

        @Override
        public void decide(String approver) {
            this.approver = approver;
        }
    }

    /** An incompatible change: waits a little before registering the request. */
    public static class DelayedRegistration implements Approval {
        private final Desk desk = Workflow.newActivityStub(Desk.class, OPTIONS);
        private String approver;

        @Override
        public String approve(String request) {
            Workflow.sleep(Duration.ofMillis(10));
            String registered = desk.register(request);
            Workflow.await(() -> approver != null);
            return registered + ", approved by " + approver;
        }

        @Override
        public void decide(String approver) {
            this.approver = approver;
        }
    }
}
