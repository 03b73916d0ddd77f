package com.example.determinism;

import dev.hourglass.activity.ActivityInterface;

/** An activity: its code may read the clock, sleep and draw random values. */
@ActivityInterface
public interface Ledger {

    String record(String entry);

    /** The implementation, which does what workflow code may not. */
    final class Impl implements Ledger {
        @Override
        public String record(String entry) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return entry + "@" + System.currentTimeMillis() + "#" + java.util.UUID.randomUUID();
        }
    }
}
