package dev.hourglass.internal.worker;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.worker.Worker;
import dev.hourglass.worker.WorkerFactory;
import dev.hourglass.worker.WorkerFactoryOptions;
import java.util.ArrayList;
import java.util.List;

/** The {@link WorkerFactory}: its workers share one execution cache. */
public final class WorkerFactoryImpl implements WorkerFactory {

    private final WorkflowClient client;
    private final WorkerFactoryOptions options;
    private final WorkflowCache cache;
    private final List<WorkerImpl> workers = new ArrayList<>();
    private boolean started;

    public WorkerFactoryImpl(WorkflowClient client, WorkerFactoryOptions options) {
        this.client = client;
        this.options = options;
        this.cache = new WorkflowCache(options.getWorkflowCacheSize());
    }

    @Override
    public synchronized Worker newWorker(String taskQueue) {
        for (WorkerImpl worker : workers) {
            if (worker.getTaskQueue().equals(taskQueue)) {
                throw new IllegalArgumentException("this factory already has a worker for task queue '" + taskQueue
                        + "'; register more types on that worker");
            }
        }
        WorkerImpl worker = new WorkerImpl(taskQueue, client.getWorkflowService(), cache, options);
        workers.add(worker);
        if (started) {
            worker.start();
        }
        return worker;
    }

    @Override
    public synchronized void start() {
        started = true;
        workers.forEach(WorkerImpl::start);
    }

    @Override
    public synchronized void shutdown() {
        started = false;
        workers.forEach(WorkerImpl::shutdown);
        cache.clear();
    }

    @Override
    public synchronized boolean isStarted() {
        return started;
    }

    /** The shared execution cache, for tests of eviction. */
    public WorkflowCache cache() {
        return cache;
    }
}
