package dev.hourglass.internal.service;

/**
 * A service-side lifecycle whose states say whether it is work in progress: a run's workflow task or an
 * activity's attempt. The service moves them only through {@link InMemoryWorkflowService#transition}.
 *
 * @param <E> its events
 */
interface ServiceLifecycle<E> {

    /** Whether the current state is work in progress, which keeps a virtual clock from moving. */
    boolean holdsClock();

    /** Takes the row of {@code event} in the lifecycle's table. */
    void handle(E event);
}
