package dev.hourglass.internal.schedules;

import dev.hourglass.workflow.QueryMethod;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;

/** The workflow of a schedule: its argument is the state (JSON), its signal a command, its query the state. */
@WorkflowInterface
public interface ScheduleWorkflow {

    /** The workflow type. */
    String TYPE = "hourglass.Schedule";
    /** The task queue every worker factory polls for schedules. */
    String TASK_QUEUE = "hourglass.schedules";
    /** The prefix of a schedule's workflow id, before the schedule id. */
    String WORKFLOW_ID_PREFIX = "hourglass-schedule:";
    /** The signal of a command. */
    String COMMAND = "hourglass.schedule.command";
    /** The query of the state. */
    String DESCRIBE = "hourglass.schedule.describe";

    /** Runs the schedule from {@code state}, the JSON of a {@link ScheduleData}, until it is deleted. */
    @WorkflowMethod(name = TYPE)
    void run(String state);

    /** Queues a {@link ScheduleCommand}, as JSON. */
    @SignalMethod(name = COMMAND)
    void command(String command);

    /** The state as JSON, with the next fire times in {@code upcoming}. */
    @QueryMethod(name = DESCRIBE)
    String describe();
}
