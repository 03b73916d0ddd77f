package dev.hourglass.testing.internal;

import dev.hourglass.internal.service.TaskOrder;

/**
 * Ranks the environment's queued workflow tasks and activity attempts by a hash of the seed and the task's
 * identity (run id, activity id, attempt or workflow-task number): of the tasks queued together the service hands
 * out the lowest ranked, so their order follows the seed. A rank depends on nothing else, not on what was queued
 * before or meanwhile, so a start or a signal that the test thread sends at some moment changes no other task's
 * place, and the ranks draw nothing from a stream that such timing could shift.
 */
final class SeededTaskOrder implements TaskOrder {

    private final long seed;

    /** Ranks from {@code seed}, mixed with a constant of its own so that the ranks follow no other seeded stream. */
    SeededTaskOrder(long seed) {
        this.seed = mix(seed ^ 0x7461736B2D6F7264L);
    }

    @Override
    public long rank(String runId, String activityId, int number) {
        long rank = mix(seed ^ number);
        rank = mix(rank ^ hash(runId));
        return activityId == null ? rank : mix(rank ^ hash(activityId));
    }

    /** The 64-bit FNV-1a hash of the characters of {@code text}: the same in every JVM. */
    private static long hash(String text) {
        long hash = 0xCBF29CE484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash = (hash ^ text.charAt(i)) * 0x100000001B3L;
        }
        return hash;
    }

    /** The finalizer of {@link java.util.SplittableRandom} (Stafford's variant 13): spreads every input bit. */
    private static long mix(long value) {
        long z = (value ^ (value >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
