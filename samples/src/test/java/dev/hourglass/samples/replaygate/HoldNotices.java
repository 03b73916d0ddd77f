package dev.hourglass.samples.replaygate;

import dev.hourglass.activity.ActivityInterface;

/** Tells an account holder that money is held: the activity that {@link HoldNoticeMoneyTransferWorkflowImpl} adds. */
@ActivityInterface
public interface HoldNotices {

    /** Tells the holder of {@code account} that {@code cents} are held until the transfer's deposit. */
    void notifyHold(String account, long cents);
}
