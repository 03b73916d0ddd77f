package dev.hourglass.determinism.corpus;

import java.util.UUID;

/** A helper of the application's own, which draws a random id. */
public final class Ids {

    private Ids() {
    }

    public static String next(String prefix) {
        return prefix + "-" + UUID.randomUUID(); // finding: helper-uuid
    }
}
