package dev.hourglass.internal.worker;

import dev.hourglass.internal.replay.WorkflowExecutor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bounded, least-recently-used cache of idle workflow executions. An execution taken out for a task is
 * not in the cache; one pushed out is destroyed, so no thread stays parked for it, and is rebuilt by
 * replaying its history when its next task arrives.
 */
public final class WorkflowCache {

    /** A cached execution and the history length it has processed. */
    public record Entry(WorkflowExecutor executor, int processedEventCount) {
    }

    private final int capacity;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long evictions;

    public WorkflowCache(int capacity) {
        this.capacity = capacity;
    }

    /** Takes the execution of a run out of the cache, or returns {@code null}. */
    public synchronized Entry take(String runId) {
        return entries.remove(runId);
    }

    /**
     * Puts an idle execution back; evicts (and destroys) the least recently used beyond the capacity. If the
     * run already has a cached execution (a task rebuilt it while a query held this one), the one that has
     * processed more of the history stays and the other is destroyed.
     */
    public void put(String runId, Entry entry) {
        List<Entry> evicted = new ArrayList<>();
        synchronized (this) {
            Entry previous = entries.get(runId);
            if (capacity == 0) {
                evicted.add(entry);
            } else if (previous != null && previous != entry
                    && previous.processedEventCount() > entry.processedEventCount()) {
                evicted.add(entry);
            } else {
                entries.put(runId, entry);
                if (previous != null && previous != entry) {
                    evicted.add(previous);
                }
                Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
                while (entries.size() > capacity && it.hasNext()) {
                    evicted.add(it.next().getValue());
                    it.remove();
                }
            }
            evictions += evicted.size();
        }
        evicted.forEach(e -> e.executor().destroy());
    }

    /** Removes and destroys every cached execution. */
    public void clear() {
        List<Entry> all;
        synchronized (this) {
            all = new ArrayList<>(entries.values());
            entries.clear();
        }
        all.forEach(e -> e.executor().destroy());
    }

    /** How many executions the cache holds at most. */
    public int capacity() {
        return capacity;
    }

    public synchronized int size() {
        return entries.size();
    }

    /** How many executions were evicted since creation. */
    public synchronized long evictions() {
        return evictions;
    }
}
