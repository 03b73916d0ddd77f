package dev.hourglass.determinism.corpus;

import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;

/** The workflow interface most of the corpus implements. */
@WorkflowInterface
public interface Job {

    @WorkflowMethod
    String run(String input);
}
