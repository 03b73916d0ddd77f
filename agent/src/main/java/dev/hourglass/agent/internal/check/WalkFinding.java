package dev.hourglass.agent.internal.check;

import dev.hourglass.agent.internal.ForbiddenCalls;
import java.util.List;

/**
 * What the walk found: a forbidden call, or a {@code @SuppressDeterminismCheck} without a reason.
 *
 * @param entry the catalog entry the call matched; {@code null} for a suppression without a reason
 * @param path the methods from the workflow class's method to the method of the call site, the last one at the
 *     call site's line (for a suppression without a reason, the suppressed method at its first line)
 */
public record WalkFinding(ForbiddenCalls.Entry entry, List<Step> path) {

    /** The method where the call is. */
    public Step site() {
        return path.get(path.size() - 1);
    }

    public boolean isBlankSuppression() {
        return entry == null;
    }
}
