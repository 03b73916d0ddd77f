package dev.hourglass.internal.service;

import dev.hourglass.history.WorkflowExecutionUpdateAcceptedAttributes;
import dev.hourglass.history.WorkflowExecutionUpdateCompletedAttributes;
import dev.hourglass.internal.spi.ServiceClosedException;
import dev.hourglass.internal.spi.UpdateCall;
import dev.hourglass.internal.spi.UpdateRejectedException;
import dev.hourglass.internal.spi.UpdateRejection;
import dev.hourglass.internal.spi.UpdateRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The updates of one run of the in-memory service: those sent and not yet accepted or rejected, which every workflow
 * task of the run delivers, and those accepted and not yet completed, whose senders wait. Updates completed or
 * rejected are remembered by id, so that an update sent again with the same id gets the same outcome. When the run
 * continues as new, the updates not yet accepted or rejected move to the next run with their ids (unless their
 * senders named this run), and those accepted whose handlers had not finished fail. Used under the service's lock.
 */
final class Updates {

    /** One update of the run and where it stands. */
    private static final class Update {
        final UpdateRequest request;
        final UpdateCall call;
        /** Whether the sender named the run: such an update stays with it. */
        final boolean pinned;
        boolean accepted;
        /** The token of the last workflow task that delivered it, or {@code null}. */
        String deliveredIn;

        Update(UpdateRequest request, UpdateCall call, boolean pinned) {
            this.request = request;
            this.call = call;
            this.pinned = pinned;
        }

        boolean pending() {
            return !accepted && !call.accepted().isDone();
        }
    }

    /** Every update of the run by id, in the order they were sent. */
    private final Map<String, Update> byId = new LinkedHashMap<>();

    /**
     * Takes an update (one without an id gets one from {@code ids}), or returns the call of the update the run already
     * has with its id; {@code pinned} when the sender named the run.
     */
    UpdateCall add(Run run, UpdateRequest update, IdGenerator ids, boolean pinned) {
        UpdateRequest request = update.updateId() != null ? update
                : update.withUpdateId(ids.newUpdateId(run.runId, byId.size() + 1));
        Update existing = byId.get(request.updateId());
        if (existing != null) {
            return existing.call;
        }
        UpdateCall call = new UpdateCall(run.execution(), request.updateId(), new CompletableFuture<>(),
                new CompletableFuture<>());
        byId.put(request.updateId(), new Update(request, call, pinned));
        return call;
    }

    /**
     * The run continues as new as {@code next}: the updates no workflow task has accepted or rejected, whose senders
     * did not name this run, move to {@code next} with their ids and futures, in the order they were sent.
     */
    void carryOver(Run next) {
        var entries = byId.values().iterator();
        while (entries.hasNext()) {
            Update update = entries.next();
            if (update.pending() && !update.pinned && !next.updates.byId.containsKey(update.request.updateId())) {
                entries.remove();
                update.call.carriedOverTo(next.execution());
                next.updates.byId.put(update.request.updateId(), new Update(update.request, update.call, false));
            }
        }
    }

    /** The updates neither accepted nor rejected yet, which the workflow task of {@code token} now delivers. */
    List<UpdateRequest> deliver(String token) {
        List<UpdateRequest> pending = new ArrayList<>();
        for (Update update : byId.values()) {
            if (update.pending()) {
                update.deliveredIn = token;
                pending.add(update.request);
            }
        }
        return pending;
    }

    /** Whether an update waits that the workflow task of {@code token} did not deliver (it came while the task ran). */
    boolean undeliveredAfter(String token) {
        for (Update update : byId.values()) {
            if (update.pending() && !token.equals(update.deliveredIn)) {
                return true;
            }
        }
        return false;
    }

    /** Whether an update waits for a workflow task to accept or reject it. */
    boolean anyPending() {
        for (Update update : byId.values()) {
            if (update.pending()) {
                return true;
            }
        }
        return false;
    }

    /** The accepted event of an update was recorded. */
    void accepted(WorkflowExecutionUpdateAcceptedAttributes accepted) {
        Update update = byId.get(accepted.updateId());
        if (update != null) {
            update.accepted = true;
            update.call.accepted().complete(null);
        }
    }

    /** The completed event of an update was recorded. */
    void completed(WorkflowExecutionUpdateCompletedAttributes completed) {
        Update update = byId.get(completed.updateId());
        if (update != null) {
            update.call.completed().complete(completed);
        }
    }

    /** A workflow task rejected updates: their senders get the failures. */
    void rejected(List<UpdateRejection> rejections) {
        for (UpdateRejection rejection : rejections) {
            Update update = byId.get(rejection.updateId());
            if (update != null && !update.accepted) {
                UpdateRejectedException rejected = new UpdateRejectedException(rejection.failure());
                update.call.accepted().completeExceptionally(rejected);
                update.call.completed().completeExceptionally(rejected);
            }
        }
    }

    /**
     * The run closed: every update not completed fails with what {@code run.closed} says, and one whose handler was
     * running with what to do about it.
     */
    void runClosed(Run run) {
        for (Update update : byId.values()) {
            if (!update.call.completed().isDone()) {
                RuntimeException closed = run.updateUnfinished(update.request.updateName(),
                        update.request.updateId(), update.accepted, update.pinned);
                update.call.accepted().completeExceptionally(closed);
                update.call.completed().completeExceptionally(closed);
            }
        }
    }

    /** The service closed: every update not completed fails with a {@link ServiceClosedException}. */
    void serviceClosed() {
        for (Update update : byId.values()) {
            if (!update.call.completed().isDone()) {
                ServiceClosedException closed = new ServiceClosedException("the workflow service was closed while"
                        + " this call waited for update '" + update.request.updateName() + "'");
                update.call.accepted().completeExceptionally(closed);
                update.call.completed().completeExceptionally(closed);
            }
        }
    }
}
