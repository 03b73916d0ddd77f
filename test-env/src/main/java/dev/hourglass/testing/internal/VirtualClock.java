package dev.hourglass.testing.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that moves only when the {@link VirtualScheduler} moves it. */
public final class VirtualClock extends Clock {

    private volatile long epochMillis;

    public VirtualClock(Instant initial) {
        this.epochMillis = initial.toEpochMilli();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the virtual clock is always UTC: convert its instant instead,"
                + " clock.instant().atZone(zone)");
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(epochMillis);
    }

    @Override
    public long millis() {
        return epochMillis;
    }

    /** Moves the clock forward to {@code target}; never backwards. */
    void advanceTo(Instant target) {
        long millis = target.toEpochMilli();
        if (millis > epochMillis) {
            epochMillis = millis;
        }
    }
}
