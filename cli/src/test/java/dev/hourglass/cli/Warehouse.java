package dev.hourglass.cli;

import dev.hourglass.activity.ActivityInterface;

/** The activities of {@link OrderWorkflow}. */
@ActivityInterface
public interface Warehouse {

    String reserve(String item);

    String ship(String item, String approver);
}
