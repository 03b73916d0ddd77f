package dev.hourglass.internal.common;

import java.util.Random;
import java.util.UUID;

/** UUIDs drawn from a given generator, so that a seeded one gives the same UUIDs every time. */
public final class Uuids {

    private Uuids() {
    }

    /** A UUID with the version (4) and variant bits of a random one, its other bits drawn from {@code random}. */
    public static UUID draw(Random random) {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & ~0xC000000000000000L) | 0x8000000000000000L;
        return new UUID(most, least);
    }
}
