package com.example.agentit;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.failure.NondeterministicCallError;
import dev.hourglass.service.WorkflowService;
import dev.hourglass.worker.Worker;
import dev.hourglass.worker.WorkerFactory;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.util.concurrent.CompletableFuture;

/**
 * A production-style worker (in-memory service, real threads, no test environment) whose workflow reads the wall
 * clock, run by {@code JavaagentJarIT} in a JVM started with {@code -javaagent}. With {@code log} it prints the
 * workflow's result; with {@code fail} it prints the message of the error the workflow code got, then exits
 * (the failed workflow task would be retried for ever).
 */
public final class ClockReadingWorker {

    /** The error the workflow code got, handed to the main thread. */
    static final CompletableFuture<String> REPORTED = new CompletableFuture<>();

    @WorkflowInterface
    public interface Stamp {
        @WorkflowMethod
        String stamp(int times);
    }

    public static class StampImpl implements Stamp {
        @Override
        public String stamp(int times) {
            long total = 0;
            try {
                for (int i = 0; i < times; i++) {
                    total += System.currentTimeMillis(); // at:stamp
                }
            } catch (NondeterministicCallError e) {
                REPORTED.complete(e.getMessage());
                throw e;
            }
            return "read the clock " + times + " times (" + (total > 0) + ")";
        }
    }

    private ClockReadingWorker() {
    }

    public static void main(String[] args) throws Exception {
        WorkflowClient client = WorkflowClient.newInstance(WorkflowService.inMemory());
        WorkerFactory factory = WorkerFactory.newInstance(client);
        Worker worker = factory.newWorker("stamps");
        worker.registerWorkflowImplementationTypes(StampImpl.class);
        factory.start();
        Stamp stamp = client.newWorkflowStub(Stamp.class,
                WorkflowOptions.newBuilder().setTaskQueue("stamps").setWorkflowId("stamp-1").build());
        if (args[0].equals("log")) {
            System.out.println("RESULT: " + stamp.stamp(3));
        } else {
            WorkflowClient.start(stamp::stamp, 3);
            System.out.println("REPORTED: " + REPORTED.get());
        }
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}
