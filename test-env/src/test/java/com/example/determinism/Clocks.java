package com.example.determinism;

import java.time.Instant;

/** A helper of the application's own, outside the workflow class, that reads the wall clock. */
final class Clocks {

    private Clocks() {
    }

    static String stamp(String text) {
        return text + "@" + Instant.now(); // at:Clocks.stamp
    }
}
