package dev.hourglass.internal.store;

/**
 * What an idle poll's read of a task queue found: whether work may be handed out now, and else when queued work
 * becomes due (a retry's backoff, a dead worker's lease), so that the poller looks again then rather than at its
 * next idle look.
 *
 * @param due whether work may be handed out now
 * @param nextMillis when the next queued work becomes due, in epoch milliseconds of the store's clock; {@code null}
 *     if none waits
 */
record QueueLook(boolean due, Long nextMillis) {
}
