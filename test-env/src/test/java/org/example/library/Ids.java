package org.example.library;

import java.util.UUID;

/** A third-party library that makes random identifiers. */
public final class Ids {

    private Ids() {
    }

    public static String next(String prefix) {
        return prefix + "-" + UUID.randomUUID(); // at:Ids.next
    }
}
