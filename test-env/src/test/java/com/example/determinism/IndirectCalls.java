package com.example.determinism;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.example.library.Backoff;
import org.example.library.Ids;
import org.example.library.Stopwatch;

/**
 * Workflow code that reaches forbidden calls other than by calling them directly: through method references,
 * helper classes, a third-party library, and methods that user classes inherit from the JDK. Each forbidden call
 * is on the line ending with its {@code at:} marker, and the workflow code that reaches it on the line ending with
 * its {@code from:} marker.
 */
public class IndirectCalls extends CallScenarios {

    /** A user's thread class: starting or joining it is starting or joining a thread. */
    static final class Worker extends Thread {
        Worker() {
            super(() -> { });
        }
    }

    /** A user's executor that runs tasks on the calling thread; an Executor all the same. */
    static final class InlineExecutor implements Executor {
        @Override
        public void execute(Runnable command) {
            command.run();
        }
    }

    /** A user's queue class: taking from it or putting into it may block like any BlockingQueue. */
    static final class Mailbox extends LinkedBlockingQueue<String> {
        private static final long serialVersionUID = 1L;
    }

    @Override
    String call(String scenario) throws InterruptedException {
        switch (scenario) {
            case "reference System::currentTimeMillis":
                LongSupplier clock = System::currentTimeMillis; // at:reference System::currentTimeMillis
                return "" + clock.getAsLong(); // from:reference System::currentTimeMillis
            case "reference UUID::randomUUID":
                Supplier<UUID> ids = UUID::randomUUID; // at:reference UUID::randomUUID
                return "" + ids.get(); // from:reference UUID::randomUUID
            case "reference Random::new":
                Supplier<Random> randoms = Random::new; // at:reference Random::new
                return "" + randoms.get().nextInt(); // from:reference Random::new
            case "reference System::getenv in Optional.map":
                return Optional.of("HOME").map(System::getenv).orElse("none"); // at:reference System::getenv in Optional.map
            case "reference worker::start":
                Runnable starter = new Worker()::start; // at:reference worker::start
                starter.run(); // from:reference worker::start
                return "started";
            case "helper class":
                return Clocks.stamp("order"); // from:helper class
            case "library call":
                return Ids.next("order"); // from:library call
            case "library sleep":
                Backoff.pause(1); // from:library sleep
                return "paused";
            case "library clock":
                return "" + Stopwatch.elapsedSince(0); // from:library clock
            case "library method reference":
                LongSupplier wallClock = Stopwatch.wallClock();
                return "" + wallClock.getAsLong(); // from:library method reference
            case "Thread subclass start":
                new Worker().start(); // at:Thread subclass start
                return "started";
            case "Thread subclass join(millis)":
                new Worker().join(1L); // at:Thread subclass join(millis)
                return "joined";
            case "Executor implementation execute":
                new InlineExecutor().execute(() -> { }); // at:Executor implementation execute
                return "executed";
            case "BlockingQueue subclass put":
                new Mailbox().put("hello"); // at:BlockingQueue subclass put
                return "put";
            case "List.parallelStream through a helper":
                return "" + count(List.of("a", "b")); // from:List.parallelStream through a helper
            default:
                throw new IllegalArgumentException("no scenario " + scenario);
        }
    }

    private static long count(List<String> items) {
        return items.parallelStream().count(); // at:List.parallelStream through a helper
    }
}
