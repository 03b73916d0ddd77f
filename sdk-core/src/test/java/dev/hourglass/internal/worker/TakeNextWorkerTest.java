package dev.hourglass.internal.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.internal.spi.WorkflowServiceSpi;
import dev.hourglass.service.WorkflowService;
import dev.hourglass.worker.Worker;
import dev.hourglass.worker.WorkerFactory;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker runs the task a completion took from the service next, instead of polling for one: with work queued, most
 * workflow tasks and activity attempts of a durable store come that way.
 */
class TakeNextWorkerTest {

    private static final int WORKFLOWS = 20;

    @TempDir
    Path directory;

    /** Greets through one activity: two workflow tasks and one attempt per execution. */
    @WorkflowInterface
    public interface Greeting {
        @WorkflowMethod
        String greet(String name);
    }

    /** The greeting's activity. */
    @ActivityInterface
    public interface Phrases {
        String hello(String name);
    }

    /** The greeting's code. */
    public static class GreetingImpl implements Greeting {
        private final Phrases phrases = Workflow.newActivityStub(Phrases.class, ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofMinutes(1)).build());

        @Override
        public String greet(String name) {
            return phrases.hello(name);
        }
    }

    @Test
    void aWorkerRunsTheTasksItsCompletionsTookWithoutPollingForThem() throws Exception {
        Map<String, AtomicInteger> handedOut = new ConcurrentHashMap<>();
        try (WorkflowService sqlite = WorkflowService.sqlite(directory.resolve("hourglass.db"))) {
            WorkflowClient client = WorkflowClient.newInstance(counting(WorkflowServiceSpi.of(sqlite), handedOut));
            List<CompletableFuture<String>> results = new ArrayList<>();
            for (int i = 0; i < WORKFLOWS; i++) {
                WorkflowStub stub = client.newUntypedWorkflowStub("Greeting", WorkflowOptions.newBuilder()
                        .setTaskQueue("greetings").setWorkflowId("greeting-" + i).build());
                stub.start("reader " + i);
                results.add(stub.getResultAsync(String.class));
            }
            WorkerFactory factory = WorkerFactory.newInstance(client);
            Worker worker = factory.newWorker("greetings");
            worker.registerWorkflowImplementationTypes(GreetingImpl.class);
            worker.registerActivitiesImplementations((Phrases) name -> "hello, " + name);
            factory.start();
            try {
                CompletableFuture.allOf(results.toArray(new CompletableFuture<?>[0])).get(60, TimeUnit.SECONDS);
            } finally {
                factory.shutdown();
            }
            assertThat(results.get(7).get()).isEqualTo("hello, reader 7");
        }
        int workflowTasks = count(handedOut, "pollWorkflowTask") + count(handedOut, "completeWorkflowTaskAndTakeNext");
        assertThat(workflowTasks).as("two workflow tasks per execution").isEqualTo(2 * WORKFLOWS);
        assertThat(count(handedOut, "completeWorkflowTaskAndTakeNext"))
                .as("the first tasks were all queued when the worker started: completions took most of them")
                .isGreaterThanOrEqualTo(WORKFLOWS / 2);
        assertThat(count(handedOut, "pollActivityTask") + count(handedOut, "completeActivityTaskAndTakeNext"))
                .isEqualTo(WORKFLOWS);
    }

    /** The service, counting the tasks each method of it handed out. */
    private static WorkflowServiceSpi counting(WorkflowServiceSpi target, Map<String, AtomicInteger> handedOut) {
        return (WorkflowServiceSpi) Proxy.newProxyInstance(WorkflowServiceSpi.class.getClassLoader(),
                new Class<?>[] {WorkflowServiceSpi.class}, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (result != null && method.getName().matches("poll.*Task|complete.*AndTakeNext")) {
                        handedOut.computeIfAbsent(method.getName(), name -> new AtomicInteger()).incrementAndGet();
                    }
                    return result;
                });
    }

    private static int count(Map<String, AtomicInteger> handedOut, String method) {
        AtomicInteger count = handedOut.get(method);
        return count == null ? 0 : count.get();
    }
}
