package dev.hourglass.determinism.corpus;

import dev.hourglass.workflow.QueryMethod;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.LocalDate;

/** A workflow interface whose query method has a default body, which runs on the implementation. */
@WorkflowInterface
public interface Stamped {

    @WorkflowMethod
    String run(String input);

    @QueryMethod
    default String stamp() {
        return "as of " + LocalDate.now(); // finding: interface-default
    }
}
