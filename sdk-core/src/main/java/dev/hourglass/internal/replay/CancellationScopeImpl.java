package dev.hourglass.internal.replay;

import dev.hourglass.workflow.CancellationScope;
import dev.hourglass.workflow.Promise;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A node of the cancellation-scope tree of one execution. */
public final class CancellationScopeImpl implements CancellationScope {

    private final CancellationScopeImpl parent;
    private final boolean detached;
    private final Runnable body;
    private final List<CancellationScopeImpl> children = new ArrayList<>();
    private final Map<Object, Runnable> cancelHandlers = new LinkedHashMap<>();
    private final PromiseImpl<String> cancellationRequest = new PromiseImpl<>();
    private boolean cancelRequested;

    /** Creates a root scope, or a child of {@code parent} (not linked to it when detached). */
    public CancellationScopeImpl(CancellationScopeImpl parent, boolean detached, Runnable body) {
        this.parent = parent;
        this.detached = detached;
        this.body = body;
        if (parent != null && !detached) {
            parent.children.add(this);
            if (parent.isCancelRequested()) {
                cancel(null);
            }
        }
    }

    /** The scope of the calling workflow thread. */
    public static CancellationScopeImpl current() {
        return WorkflowThread.requireCurrent("CancellationScope.current").scope();
    }

    @Override
    public void run() {
        WorkflowThread thread = WorkflowThread.requireCurrent("CancellationScope.run");
        CancellationScopeImpl previous = thread.scope();
        thread.setScope(this);
        try {
            body.run();
        } finally {
            thread.setScope(previous);
            if (parent != null && !detached) {
                parent.children.remove(this);
            }
        }
    }

    @Override
    public void cancel() {
        cancel(null);
    }

    @Override
    public void cancel(String reason) {
        if (cancelRequested) {
            return;
        }
        cancelRequested = true;
        cancellationRequest.complete(reason);
        for (Runnable handler : new ArrayList<>(cancelHandlers.values())) {
            handler.run();
        }
        cancelHandlers.clear();
        for (CancellationScopeImpl child : new ArrayList<>(children)) {
            child.cancel(reason);
        }
    }

    @Override
    public boolean isCancelRequested() {
        return cancelRequested;
    }

    @Override
    public Promise<String> getCancellationRequest() {
        return cancellationRequest;
    }

    @Override
    public boolean isDetached() {
        return detached;
    }

    /** Registers what to do when this scope is canceled; {@code key} identifies it for removal. */
    void onCancel(Object key, Runnable handler) {
        cancelHandlers.put(key, handler);
    }

    /** Removes a handler whose operation completed. */
    void removeCancelHandler(Object key) {
        cancelHandlers.remove(key);
    }
}
