package dev.hourglass.internal.service;

import dev.hourglass.internal.common.Uuids;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;

/**
 * Makes the ids that the service assigns: the workflow id of a start that names none, the id of every run, and the
 * id of an update sent without one.
 *
 * <p>In production both are random. In a test environment both come from the environment's seed, so that the
 * same seed gives the same ids, and with them the same {@code Workflow.newRandom()} numbers and the same
 * histories, in any JVM:
 *
 * <ul>
 *   <li>workflow ids are drawn from a generator seeded once, in the order starts ask for them (the test's own
 *       thread asks, so the order is the test's);
 *   <li>a run id depends only on the seed, the workflow id and the run's number among the runs of that id, not
 *       on how the starts of different workflows interleave with each other.
 * </ul>
 */
public interface IdGenerator {

    /** Returns a new workflow id for a start that names none; never {@code null}. */
    String newWorkflowId();

    /**
     * Returns the id of a new run.
     *
     * @param workflowId the run's workflow id
     * @param runNumber the run's number among the runs of that workflow id, from 1
     * @return the run id; never {@code null}
     */
    String newRunId(String workflowId, int runNumber);

    /**
     * Returns the id of an update sent without one; random unless the generator is seeded.
     *
     * @param runId the run the update is sent to
     * @param updateNumber the update's number among the updates sent to that run, from 1
     * @return the update id; never {@code null}
     */
    default String newUpdateId(String runId, int updateNumber) {
        return UUID.randomUUID().toString();
    }

    /** Returns a generator of random (type 4) UUIDs, for production. */
    static IdGenerator random() {
        return new IdGenerator() {
            @Override
            public String newWorkflowId() {
                return UUID.randomUUID().toString();
            }

            @Override
            public String newRunId(String workflowId, int runNumber) {
                return UUID.randomUUID().toString();
            }
        };
    }

    /** Returns a generator whose ids follow from {@code seed} as the class comment says. */
    static IdGenerator seeded(long seed) {
        return new Seeded(seed);
    }

    /** The seeded generator. */
    final class Seeded implements IdGenerator {
        private final long seed;
        private final Random workflowIds;

        private Seeded(long seed) {
            this.seed = seed;
            this.workflowIds = new Random(seed);
        }

        @Override
        public String newWorkflowId() {
            synchronized (workflowIds) {
                return Uuids.draw(workflowIds).toString();
            }
        }

        @Override
        public String newRunId(String workflowId, int runNumber) {
            Objects.requireNonNull(workflowId, "workflowId");
            String name = seed + "\u0000" + workflowId + "\u0000" + runNumber;
            Random random = new Random(seed ^ UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8))
                    .getMostSignificantBits());
            return Uuids.draw(random).toString();
        }

        @Override
        public String newUpdateId(String runId, int updateNumber) {
            return newRunId("update of " + runId, updateNumber);
        }
    }
}
