package dev.hourglass.testing.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * A record of side effects, by key, for fakes of activities: how many times each effect was applied, so that a
 * fuzz body can check that none was applied twice, or that each expected one was applied once. Thread-safe; keys
 * are reported in their natural order.
 *
 * <pre>{@code
 * EffectLedger ledger = new EffectLedger();
 * // in the fake activity:  ledger.apply("deposit:" + referenceId);
 * // after the workflow:
 * ledger.assertNoDuplicates();
 * ledger.assertAppliedOnce("refund:t-1");
 * }</pre>
 *
 * <p>{@link #apply(String)} returns whether the key is new, which is what an idempotent fake needs: apply the effect
 * only then.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class EffectLedger {

    private final Map<String, Integer> counts = new TreeMap<>();

    /**
     * Records one application of the effect {@code key}.
     *
     * @param key what was done, such as {@code "deposit:t-1"}; never {@code null}
     * @return {@code true} the first time {@code key} is applied, {@code false} after
     */
    public synchronized boolean apply(String key) {
        Objects.requireNonNull(key, "key");
        return counts.merge(key, 1, Integer::sum) == 1;
    }

    /**
     * Returns how many times {@code key} was applied.
     *
     * @param key the effect; never {@code null}
     * @return 0 or more
     */
    public synchronized int count(String key) {
        Objects.requireNonNull(key, "key");
        return counts.getOrDefault(key, 0);
    }

    /** Returns how many times each effect was applied, by key in natural order; a copy, never {@code null}. */
    public synchronized Map<String, Integer> counts() {
        return new TreeMap<>(counts);
    }

    /** Returns the keys applied more than once, in natural order; never {@code null}. */
    public synchronized List<String> duplicates() {
        List<String> duplicates = new ArrayList<>();
        counts.forEach((key, count) -> {
            if (count > 1) {
                duplicates.add(key);
            }
        });
        return duplicates;
    }

    /**
     * Throws if an effect was applied more than once.
     *
     * @throws AssertionError naming each such effect and its count
     */
    public synchronized void assertNoDuplicates() {
        List<String> duplicates = duplicates();
        if (!duplicates.isEmpty()) {
            StringBuilder message = new StringBuilder("Expecting every effect to be applied at most once, but");
            for (String key : duplicates) {
                message.append("\n  ").append(key).append(" was applied ").append(counts.get(key)).append(" times");
            }
            throw new AssertionError(message.append("\nall effects: ").append(counts).toString());
        }
    }

    /**
     * Throws unless each of {@code keys} was applied exactly once.
     *
     * @param keys the effects; never {@code null}
     * @throws AssertionError naming each effect applied never or more than once
     */
    public synchronized void assertAppliedOnce(String... keys) {
        Objects.requireNonNull(keys, "keys");
        StringBuilder wrong = new StringBuilder();
        for (String key : keys) {
            int count = counts.getOrDefault(Objects.requireNonNull(key, "keys[]"), 0);
            if (count != 1) {
                wrong.append("\n  ").append(key).append(" was applied ").append(count)
                        .append(count == 1 ? " time" : " times");
            }
        }
        if (wrong.length() > 0) {
            throw new AssertionError("Expecting each of " + List.of(keys) + " to be applied exactly once, but"
                    + wrong + "\nall effects: " + counts);
        }
    }
}
