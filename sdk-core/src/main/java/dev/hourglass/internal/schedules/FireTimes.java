package dev.hourglass.internal.schedules;

import dev.hourglass.internal.common.CronSchedule;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fire times of a schedule's spec: the earliest of its cron expressions' and intervals' next times, between its
 * start and end, and the jitter of each. Everything depends only on the spec, the schedule id and the instant asked
 * about, so a replay and every JVM compute the same times.
 */
public final class FireTimes {

    /** No more fire times. */
    public static final long NONE = Long.MAX_VALUE;

    private static final int PARSED_KEPT = 256;

    /**
     * The cron expressions read lately, by text: a schedule asks for its next time several times per fire, and reading
     * an expression costs more than finding its next time. Only the most recently used are kept.
     */
    private static final Map<String, CronSchedule> PARSED = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, CronSchedule> eldest) {
                    return size() > PARSED_KEPT;
                }
            });
    private FireTimes() {
    }

    /**
     * Checks the spec of {@code data}, so that a bad one fails at the client rather than in the schedule's workflow.
     *
     * @throws IllegalArgumentException naming the bad cron expression, or saying that the spec never fires
     */
    public static void check(ScheduleData data) {
        if (data.cron.isEmpty() && data.intervals.isEmpty()) {
            throw new IllegalArgumentException("the spec of schedule '" + data.scheduleId + "' has neither cron"
                    + " expressions nor intervals, so it would never fire; set ScheduleSpec.setCronExpressions or"
                    + " setIntervals");
        }
        for (String expression : data.cron) {
            cron(expression, data.zone);
        }
    }

    /** The first nominal fire time strictly after {@code after}, or {@link #NONE}. */
    public static long next(ScheduleData spec, long after) {
        long from = spec.startAt != null ? Math.max(after, spec.startAt - 1) : after;
        long best = NONE;
        for (String expression : spec.cron) {
            try {
                best = Math.min(best, cron(expression, spec.zone).nextAfter(Instant.ofEpochMilli(from)).toEpochMilli());
            } catch (IllegalStateException neverAgain) {
                // this expression fires no more; the others may
            }
        }
        for (ScheduleData.Interval interval : spec.intervals) {
            long steps = Math.floorDiv(from - interval.offset, interval.every) + 1;
            best = Math.min(best, interval.offset + steps * interval.every);
        }
        return spec.endAt != null && best > spec.endAt ? NONE : best;
    }

    /** The first {@code count} fire times after {@code after}, jitter included, earliest first. */
    public static List<Long> upcoming(ScheduleData spec, long after, int count) {
        List<Long> times = new ArrayList<>();
        long nominal = after;
        while (times.size() < count) {
            nominal = next(spec, nominal);
            if (nominal == NONE) {
                break;
            }
            times.add(nominal + jitter(spec.scheduleId, nominal, spec.jitter));
        }
        return times;
    }

    /**
     * The delay of the fire time {@code nominal} of schedule {@code scheduleId}: in {@code [0, jitter)}, from a
     * 64-bit FNV-1a hash of the id and the time, mixed by SplitMix64's finalizer; the same in every run.
     */
    public static long jitter(String scheduleId, long nominal, long jitter) {
        if (jitter <= 0) {
            return 0;
        }
        long hash = 0xcbf29ce484222325L;
        for (byte b : (scheduleId + "@" + nominal).getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 30;
        hash *= 0xbf58476d1ce4e5b9L;
        hash ^= hash >>> 27;
        hash *= 0x94d049bb133111ebL;
        hash ^= hash >>> 31;
        return Math.floorMod(hash, jitter);
    }

    private static CronSchedule cron(String expression, String zone) {
        String text = expression.strip().startsWith("CRON_TZ=") || "UTC".equals(zone) ? expression
                : "CRON_TZ=" + zone + " " + expression.strip();
        CronSchedule parsed = PARSED.get(text);
        if (parsed == null) {
            parsed = CronSchedule.parse(text); // throws for a bad expression, which is never kept
            PARSED.put(text, parsed);
        }
        return parsed;
    }
}
