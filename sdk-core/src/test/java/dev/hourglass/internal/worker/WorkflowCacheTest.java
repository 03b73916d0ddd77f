package dev.hourglass.internal.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import dev.hourglass.internal.replay.WorkflowExecutor;
import org.junit.jupiter.api.Test;

class WorkflowCacheTest {

    private final WorkflowCache cache = new WorkflowCache(10);

    private static WorkflowCache.Entry entry(int processedEventCount) {
        return new WorkflowCache.Entry(mock(WorkflowExecutor.class), processedEventCount);
    }

    @Test
    void anOlderCopyPutBackAfterAFresherOneIsDestroyedAndTheFresherOneStays() {
        WorkflowCache.Entry heldByAQuery = entry(5);
        WorkflowCache.Entry rebuiltByTheNextTask = entry(9);
        cache.put("run", rebuiltByTheNextTask);

        cache.put("run", heldByAQuery);

        assertThat(cache.take("run")).isSameAs(rebuiltByTheNextTask);
        verify(heldByAQuery.executor()).destroy();
        verify(rebuiltByTheNextTask.executor(), never()).destroy();
    }

    @Test
    void aFresherCopyReplacesAnOlderOneWhichIsDestroyed() {
        WorkflowCache.Entry older = entry(5);
        WorkflowCache.Entry fresher = entry(9);
        cache.put("run", older);

        cache.put("run", fresher);

        assertThat(cache.take("run")).isSameAs(fresher);
        verify(older.executor()).destroy();
    }

    @Test
    void theLeastRecentlyUsedExecutionIsEvictedBeyondTheCapacity() {
        WorkflowCache small = new WorkflowCache(1);
        WorkflowCache.Entry first = entry(3);
        WorkflowCache.Entry second = entry(3);
        small.put("a", first);

        small.put("b", second);

        assertThat(small.take("a")).isNull();
        assertThat(small.evictions()).isEqualTo(1);
        verify(first.executor()).destroy();
    }

    @Test
    void aCacheOfSizeZeroKeepsNothing() {
        WorkflowCache none = new WorkflowCache(0);
        WorkflowCache.Entry entry = entry(3);

        none.put("a", entry);

        assertThat(none.size()).isZero();
        verify(entry.executor()).destroy();
    }
}
