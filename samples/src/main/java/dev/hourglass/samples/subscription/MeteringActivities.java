package dev.hourglass.samples.subscription;

import dev.hourglass.activity.ActivityInterface;
import java.time.LocalDate;

/** The usage meter, as {@link UsageMeteringWorkflow} reads it. */
@ActivityInterface
public interface MeteringActivities {

    /** Returns the units a subscription used on {@code day} (UTC); called once the day is over. */
    long usageOn(String subscriptionId, LocalDate day);
}
