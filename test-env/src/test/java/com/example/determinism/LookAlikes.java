package com.example.determinism;

import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.workflow.Promise;
import dev.hourglass.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.example.library.Money;

/**
 * Workflow code that resembles forbidden calls but is deterministic: none of it may be reported.
 */
public class LookAlikes implements Scenario {

    /** A record, whose generated methods are pure. */
    record Line(String item, long cents) {
    }

    /** A user class with a {@code start()} that is not {@code Thread.start()}. */
    static final class Engine {
        private boolean running;

        void start() {
            running = true;
        }
    }

    /** A user class with a {@code get()} that is not {@code Future.get()}. */
    static final class Box<T> implements Supplier<T> {
        private final T value;

        Box(T value) {
            this.value = value;
        }

        @Override
        public T get() {
            return value;
        }
    }

    private final Ledger ledger = Workflow.newActivityStub(Ledger.class,
            ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(1)).build());

    /** A method reference to the clock, created with the workflow but never invoked by it. */
    private final LongSupplier unusedClock = System::currentTimeMillis;

    @Override
    public String run(String scenario) {
        switch (scenario) {
            case "seeded Random":
                return "" + new Random(42).nextInt(100);
            case "shuffle with a seeded Random":
                List<Integer> numbers = new ArrayList<>(List.of(1, 2, 3, 4));
                Collections.shuffle(numbers, new Random(7));
                return "" + numbers;
            case "shuffle with Workflow.newRandom":
                List<Integer> more = new ArrayList<>(List.of(1, 2, 3, 4));
                Collections.shuffle(more, Workflow.newRandom());
                return "" + more;
            case "Instant.ofEpochMilli of Workflow.currentTimeMillis":
                return "" + Instant.ofEpochMilli(Workflow.currentTimeMillis()).plus(Duration.ofDays(1));
            case "LocalDate.of and parse":
                return "" + LocalDate.of(2025, 1, 1).plusDays(3).isBefore(LocalDate.parse("2025-03-01"));
            case "Duration arithmetic":
                return "" + Duration.ofDays(3).plusHours(2).toMinutes();
            case "new Date of Workflow.currentTimeMillis":
                return "" + new Date(Workflow.currentTimeMillis()).getTime();
            case "sideEffect of a method reference":
                return "" + (Workflow.sideEffect(Long.class, System::currentTimeMillis) > 0);
            case "sideEffect of a lambda":
                return "" + Workflow.sideEffect(String.class, () -> UUID.randomUUID().toString()).length();
            case "Workflow.newRandom and Workflow.randomUUID":
                return Workflow.newRandom().nextInt(10) + " " + Workflow.randomUUID();
            case "collections, strings, records, exceptions":
                Map<String, Line> lines = new HashMap<>();
                lines.put("a", new Line("apple", 120));
                String text = String.format("%s=%d", lines.get("a").item(), lines.get("a").cents());
                try {
                    throw new IllegalStateException(text);
                } catch (IllegalStateException e) {
                    return e.getMessage() + " " + Math.max(1, 2) + " " + Math.floorMod(-1, 3);
                }
            case "logging through Workflow.getLogger":
                Workflow.getLogger(LookAlikes.class).info("running {}", scenario);
                return "logged";
            case "a clock reference created but not invoked":
                return "" + (unusedClock != null);
            case "methods named like forbidden ones":
                Engine engine = new Engine();
                engine.start();
                Supplier<String> box = new Box<>("boxed");
                return engine.running + " " + box.get() + " " + Optional.of("x").get();
            case "Promise.get":
                Promise<String> promise = Workflow.async(() -> "async");
                return promise.get();
            case "an activity that reads the clock":
                return ledger.record("entry").startsWith("entry@") ? "recorded" : "?";
            case "a pure third-party library":
                return Money.format(1234, "EUR");
            case "Workflow.sleep and Workflow.await":
                Workflow.sleep(Duration.ofHours(1));
                Workflow.await(Duration.ofMinutes(1), () -> false);
                return "waited";
            case "a sequential stream":
                return "" + List.of(3, 1, 2).stream().sorted().map(String::valueOf).reduce("", String::concat);
            default:
                throw new IllegalArgumentException("no scenario " + scenario);
        }
    }

    @Override
    public void signal(String scenario) {
    }

    @Override
    public String query(String scenario) {
        return scenario + " " + Duration.ofSeconds(90).toMinutes();
    }
}
