package dev.hourglass.testing.internal;

import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.hourglass.internal.service.InMemoryWorkflowService;
import dev.hourglass.internal.spi.ActivityTask;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HungActivitiesTest {

    private static final Duration THRESHOLD = Duration.ofSeconds(1);

    private final InMemoryWorkflowService service = mock(InMemoryWorkflowService.class);
    private final AtomicLong nanos = new AtomicLong();
    private final HungActivities hung = new HungActivities(service, THRESHOLD, nanos::get);

    @BeforeEach
    void attemptsAreCurrent() {
        when(service.setActivityAttemptHoldsClock(anyString(), anyBoolean())).thenReturn(true);
    }

    private static ActivityTask attempt(String token, Duration heartbeatTimeout) {
        return new ActivityTask(token, "wf-1", "run-1", "Transfer", "1", "withdraw", "q", null, 1,
                Instant.EPOCH, heartbeatTimeout, null);
    }

    private void realTimePasses(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Test
    void aQuietAttemptWithAHeartbeatTimeoutStopsHoldingTheClockAfterTheThreshold() {
        hung.started(attempt("a-1", Duration.ofMinutes(1)));

        realTimePasses(THRESHOLD);
        hung.check();

        verify(service).setActivityAttemptHoldsClock("a-1", false);
    }

    @Test
    void anAttemptQuietForLessThanTheThresholdKeepsHoldingTheClock() {
        hung.started(attempt("a-1", Duration.ofMinutes(1)));

        realTimePasses(THRESHOLD.minusMillis(1));
        hung.check();

        verify(service, never()).setActivityAttemptHoldsClock(anyString(), anyBoolean());
    }

    @Test
    void aHeartbeatRestartsTheQuietPeriod() {
        hung.started(attempt("a-1", Duration.ofMinutes(1)));
        realTimePasses(THRESHOLD.minusMillis(100));
        hung.progressed("a-1");

        realTimePasses(THRESHOLD.minusMillis(100));
        hung.check();

        verify(service, never()).setActivityAttemptHoldsClock(anyString(), anyBoolean());
    }

    @Test
    void aReleasedAttemptThatHeartbeatsAgainHoldsTheClockAgain() {
        hung.started(attempt("a-1", Duration.ofMinutes(1)));
        realTimePasses(THRESHOLD);
        hung.check();

        hung.progressed("a-1");

        verify(service).setActivityAttemptHoldsClock("a-1", true);
    }

    @Test
    void anAttemptIsReleasedOnlyOnceHoweverLongItStaysQuiet() {
        hung.started(attempt("a-1", Duration.ofMinutes(1)));

        realTimePasses(THRESHOLD);
        hung.check();
        realTimePasses(THRESHOLD);
        hung.check();

        verify(service, times(1)).setActivityAttemptHoldsClock("a-1", false);
    }

    @Test
    void aQuietAttemptWithoutAHeartbeatTimeoutKeepsHoldingTheClock() {
        hung.started(attempt("a-1", null));

        realTimePasses(THRESHOLD.multipliedBy(5));
        hung.check();

        verify(service, never()).setActivityAttemptHoldsClock(anyString(), anyBoolean());
    }

    @Test
    void anAttemptThatEndedIsNoLongerWatched() {
        hung.started(attempt("a-1", Duration.ofMinutes(1)));
        hung.ended("a-1");

        realTimePasses(THRESHOLD);
        hung.check();

        verify(service, never()).setActivityAttemptHoldsClock(anyString(), anyBoolean());
    }
}
