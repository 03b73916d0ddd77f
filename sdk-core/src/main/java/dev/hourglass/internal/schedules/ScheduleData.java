package dev.hourglass.internal.schedules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole state of a schedule, as its workflow carries it from run to run (the argument of each continue-as-new)
 * and answers it to a describe query: the definition, the counts, the runs it started and the actions it owes.
 * Times are epoch milliseconds. Serialized by {@link ScheduleJson}; every list keeps its order.
 */
public final class ScheduleData {

    /** One interval of the spec. */
    public static final class Interval {
        public long every;
        public long offset;
    }

    /** A run the schedule started. */
    public static final class Execution {
        public String workflowId;
        public String runId;
    }

    /** An action taken. */
    public static final class Recent {
        public long scheduledAt;
        public long startedAt;
        public String workflowId;
        public String runId;
    }

    /** An action owed: a fire time, a trigger or a backfilled time, waiting its turn. */
    public static final class Pending {
        /** The nominal time, which names the run: {@code <prefix>-<nominal ISO>}. */
        public long nominal;
        /** When it is due, jitter included. */
        public long at;
        public String overlap;
        /** Whether the catch-up window applies (scheduled fire times only). */
        public boolean catchup;
    }

    public String scheduleId;

    // the action
    public String workflowType;
    public JsonNode arguments;
    public String workflowIdPrefix;
    public String taskQueue;
    public Long executionTimeoutMillis;

    // the spec
    public List<String> cron = new ArrayList<>();
    public List<Interval> intervals = new ArrayList<>();
    public String zone = "UTC";
    public Long startAt;
    public Long endAt;
    public long jitter;

    // the policy
    public String overlap = "SKIP";
    public long catchupWindow = 60_000;
    public boolean pauseOnFailure;

    // the state
    public boolean paused;
    public String note;
    public boolean limited;
    public long remaining;

    // the info
    /** The last nominal fire time dealt with; fire times after it are still to come. 0 before the first run. */
    public long cursor;
    public long createdAt;
    public Long updatedAt;
    public long actions;
    public long missed;
    public long skipped;
    public List<Execution> running = new ArrayList<>();
    public List<Recent> recent = new ArrayList<>();
    public List<Pending> queue = new ArrayList<>();
    /** The pause before looking again whether the running runs closed, while an action waits for them. */
    public long pollMillis;
    /** The commands the client gave with the creation (trigger at once, backfills), taken by the first run. */
    public List<ScheduleCommand> initial = new ArrayList<>();
    /** The next fire times, jitter included; filled in the answer to a describe query only. */
    public List<Long> upcoming;
}
