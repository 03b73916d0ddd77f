package dev.hourglass.cli;

import dev.hourglass.activity.Activity;
import dev.hourglass.failure.ApplicationFailure;

/**
 * Reserving fails on the first two attempts (the third succeeds), and always for a {@code broken} item; shipping
 * fails for good for an item that starts with {@code unshippable}.
 */
public class WarehouseImpl implements Warehouse {

    @Override
    public String reserve(String item) {
        int attempt = Activity.getExecutionContext().getInfo().getAttempt();
        if (item.equals("broken")) {
            throw new IllegalStateException("no stock of " + item);
        }
        if (attempt < 3) {
            throw new IllegalStateException("warehouse busy at attempt " + attempt);
        }
        return "R-" + item;
    }

    @Override
    public String ship(String item, String approver) {
        if (item.startsWith("unshippable")) {
            throw ApplicationFailure.newNonRetryableFailure("cannot ship " + item, "Unshippable");
        }
        return "S-" + item;
    }
}
