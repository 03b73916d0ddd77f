package com.example.determinism;

import dev.hourglass.workflow.Promise;
import dev.hourglass.workflow.Workflow;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * Forbidden calls in the other places workflow code runs: a signal handler, a query handler, a
 * {@code Workflow.async} body, a {@code Workflow.await} condition and a promise's callback; and one that the code
 * catches. Each call is on the line ending with its {@code at:} marker.
 */
public class HandlerCalls implements Scenario {

    private String signaled;

    @Override
    public String run(String scenario) {
        switch (scenario) {
            case "signal handler":
            case "query handler":
                Workflow.await(() -> signaled != null);
                return signaled;
            case "Workflow.async body":
                return Workflow.async(() -> "" + Math.random()).get(); // at:Workflow.async body
            case "Workflow.await condition":
                Workflow.await(() -> System.nanoTime() > 0); // at:Workflow.await condition
                return "awaited";
            case "Promise.thenApply callback":
                Promise<UUID> id = Workflow.newTimer(Duration.ofMinutes(1))
                        .thenApply(fired -> UUID.randomUUID()); // at:Promise.thenApply callback
                return "" + id.get();
            case "caught by the workflow":
                try {
                    Thread.sleep(1); // at:caught by the workflow
                } catch (Throwable e) {
                    return "caught " + e.getClass().getSimpleName();
                }
                return "slept";
            default:
                throw new IllegalArgumentException("no scenario " + scenario);
        }
    }

    @Override
    public void signal(String scenario) {
        signaled = scenario + "@" + System.currentTimeMillis(); // at:signal handler
    }

    @Override
    public String query(String scenario) {
        return scenario + "@" + LocalDateTime.now(); // at:query handler
    }
}
