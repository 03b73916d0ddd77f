package dev.hourglass.client;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How an update is sent: its id and the stage to wait for before {@link WorkflowStub#startUpdate} returns.
 *
 * <p>An update id makes the update idempotent: sending an update with the id of one the run already has (pending,
 * accepted or completed) does not deliver it again but returns that update's outcome. Options are immutable.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class UpdateOptions {

    private static final UpdateOptions DEFAULT = newBuilder().build();

    private final String updateId;
    private final WorkflowUpdateStage waitForStage;

    private UpdateOptions(Builder builder) {
        this.updateId = builder.updateId;
        this.waitForStage = builder.waitForStage;
    }

    /**
     * Returns a builder with no update id (one is generated) and {@link WorkflowUpdateStage#ACCEPTED}.
     *
     * @return a new builder; never {@code null}
     */
    public static Builder newBuilder() {
        return new Builder();
    }

    /**
     * Returns the options with every default.
     *
     * @return the options; never {@code null}
     */
    public static UpdateOptions getDefaultInstance() {
        return DEFAULT;
    }

    /**
     * Returns the update id.
     *
     * @return the id, or {@code null} to have one generated
     */
    public String getUpdateId() {
        return updateId;
    }

    /**
     * Returns the stage {@link WorkflowStub#startUpdate} waits for.
     *
     * @return the stage; never {@code null}
     */
    public WorkflowUpdateStage getWaitForStage() {
        return waitForStage;
    }

    /** Builds {@link UpdateOptions}. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static final class Builder {

        private String updateId;
        private WorkflowUpdateStage waitForStage = WorkflowUpdateStage.ACCEPTED;

        private Builder() {
        }

        /**
         * Sets the update id, which makes sending the update again idempotent.
         *
         * @param updateId the id, or {@code null} to have the service assign one (random, or drawn from the seed of a
         *     test environment)
         * @return this builder
         * @throws IllegalArgumentException if {@code updateId} is empty
         */
        public Builder setUpdateId(String updateId) {
            if (updateId != null && updateId.isEmpty()) {
                throw new IllegalArgumentException("updateId is empty: pass a non-empty id, or null to have one"
                        + " generated");
            }
            this.updateId = updateId;
            return this;
        }

        /**
         * Sets the stage {@link WorkflowStub#startUpdate} waits for before it returns the handle.
         *
         * @param stage {@link WorkflowUpdateStage#ACCEPTED} (the default) or {@link WorkflowUpdateStage#COMPLETED}
         * @return this builder
         */
        public Builder setWaitForStage(WorkflowUpdateStage stage) {
            this.waitForStage = Objects.requireNonNull(stage, "stage");
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options; never {@code null}
         */
        public UpdateOptions build() {
            return new UpdateOptions(this);
        }
    }
}
