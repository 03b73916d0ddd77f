package dev.hourglass.internal.store;

import dev.hourglass.client.WorkflowExecutionStatus;
import dev.hourglass.history.History;
import dev.hourglass.internal.spi.ServiceClosedException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The result waits of a service: callers waiting for runs to close, which may close in any process.
 *
 * <p>{@link #look()} runs on one thread, often (every few milliseconds), and reads the database only when something
 * changed since its last look: work of this service, or a change another process made. What it reads is small
 * whatever the number of waits:
 *
 * <ul>
 *   <li>the status of each run whose wait began since the last look (it may have closed long before);
 *   <li>the runs that closed since the last look, by their close time (an index of schema version 2). A run's close
 *       time is taken inside the transaction that closes it, a little before that commits, so each read reaches
 *       {@link #CLOSE_TIME_OVERLAP} back before the time the previous read began;
 *   <li>and once per full-look interval, the status of every run waited for: this finds a close that the reads by
 *       close time missed, because its transaction took longer than the overlap or another process's clock is
 *       behind.
 * </ul>
 */
final class ResultWaits {

    private static final Logger log = LoggerFactory.getLogger(ResultWaits.class);

    private static final String RUNNING = WorkflowExecutionStatus.RUNNING.name();
    /** The most runs one read of statuses asks about. */
    static final int RUNS_PER_STATUS_READ = 200;
    /** How far back before the previous read began the next read of closed runs reaches. */
    static final Duration CLOSE_TIME_OVERLAP = Duration.ofMillis(250);

    private final JdbcStore store;
    private final ServiceRecords records;
    private final LongSupplier changes;
    private final long fullLookNanos;
    /** Result waits by run id, in the order they began; guards the fields below it. */
    private final Map<String, List<Waiter>> waiters = new LinkedHashMap<>();
    /** Runs whose waits began after the last look read their statuses. */
    private final Set<String> unlooked = new LinkedHashSet<>();
    private boolean closed;
    // only the thread that looks uses these three
    private long lookedChanges = -1;
    private long fullLookAt;
    /** Where the next read of closed runs begins: the store's time the last read began; null for a full look. */
    private Instant closedSince;

    /** A result wait: the run's workflow id (for reading its history) and the future the caller holds. */
    private record Waiter(String workflowId, CompletableFuture<History> result) {
    }

    /**
     * @param changes a count that grows with every change a look should react to (see {@link LocalPolls#generation})
     * @param fullLookInterval how often every run waited for is looked at, changes or not
     */
    ResultWaits(JdbcStore store, ServiceRecords records, LongSupplier changes, Duration fullLookInterval) {
        this.store = store;
        this.records = records;
        this.changes = changes;
        this.fullLookNanos = fullLookInterval.toNanos();
    }

    /** Waits for run {@code runId} of workflow {@code workflowId} to close; completes with its history. */
    CompletableFuture<History> await(String workflowId, String runId) {
        CompletableFuture<History> result = new CompletableFuture<>();
        Waiter waiter = new Waiter(workflowId, result);
        synchronized (waiters) {
            if (closed) {
                result.completeExceptionally(closedWhileWaiting());
                return result;
            }
            waiters.computeIfAbsent(runId, key -> new ArrayList<>()).add(waiter);
            unlooked.add(runId);
        }
        result.whenComplete((history, failure) -> {
            synchronized (waiters) {
                List<Waiter> ofRun = waiters.get(runId);
                if (ofRun != null) {
                    ofRun.remove(waiter);
                    if (ofRun.isEmpty()) {
                        waiters.remove(runId);
                        unlooked.remove(runId);
                    }
                }
            }
        });
        return result;
    }

    /** Completes the waits whose runs closed, reading as little as the class comment says. Never throws. */
    void look() {
        long seen = changes.getAsLong();
        long now = System.nanoTime();
        boolean full;
        List<String> statusesToRead;
        synchronized (waiters) {
            if (closed || waiters.isEmpty()) {
                return;
            }
            full = closedSince == null || now - fullLookAt >= fullLookNanos;
            if (!full && seen == lookedChanges && unlooked.isEmpty()) {
                return;
            }
            statusesToRead = new ArrayList<>(full ? waiters.keySet() : unlooked);
            unlooked.clear();
        }
        lookedChanges = seen;
        if (full) {
            fullLookAt = now;
        }
        try {
            Instant readBegins = store.currentTime();
            Set<String> closedRuns = new LinkedHashSet<>();
            if (!full) {
                Instant since = closedSince.minus(CLOSE_TIME_OVERLAP);
                closedRuns.addAll(store.query("read the runs closed since " + since,
                        connection -> records.closedSince(connection, since)));
            }
            for (int from = 0; from < statusesToRead.size(); from += RUNS_PER_STATUS_READ) {
                List<String> batch = statusesToRead.subList(from,
                        Math.min(statusesToRead.size(), from + RUNS_PER_STATUS_READ));
                Map<String, String> statuses = store.query("read the status of " + batch.size() + " run(s)",
                        connection -> records.statuses(connection, batch));
                for (String run : batch) {
                    if (!RUNNING.equals(statuses.getOrDefault(run, RUNNING))) {
                        closedRuns.add(run);
                    }
                }
            }
            closedSince = readBegins;
            complete(closedRuns);
        } catch (RuntimeException e) {
            closedSince = null; // look at every run next time: this look may have missed some
            synchronized (waiters) {
                if (closed) {
                    return;
                }
            }
            log.warn("reading whether awaited runs closed failed; trying again", e);
        }
    }

    private void complete(Set<String> closedRuns) {
        for (String run : closedRuns) {
            List<Waiter> ofRun;
            synchronized (waiters) {
                List<Waiter> waiting = waiters.get(run);
                ofRun = waiting == null ? List.of() : new ArrayList<>(waiting);
            }
            if (!ofRun.isEmpty()) {
                History history = store.readHistory(ofRun.get(0).workflowId(), run);
                ofRun.forEach(waiter -> waiter.result().complete(history));
            }
        }
    }

    /** Ends every wait with a {@link ServiceClosedException}: the service closes. */
    void close() {
        List<CompletableFuture<History>> waiting = new ArrayList<>();
        synchronized (waiters) {
            closed = true;
            waiters.values().forEach(ofRun -> ofRun.forEach(waiter -> waiting.add(waiter.result())));
        }
        for (CompletableFuture<History> result : waiting) {
            result.completeExceptionally(closedWhileWaiting());
        }
    }

    private static ServiceClosedException closedWhileWaiting() {
        return new ServiceClosedException("the workflow service was closed while this call waited for the workflow"
                + " to close; its execution stays open");
    }
}
