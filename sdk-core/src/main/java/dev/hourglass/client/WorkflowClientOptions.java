package dev.hourglass.client;

import dev.hourglass.common.DataConverter;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Options of a {@link WorkflowClient}, and of the workers created from it.
 *
 * <p>Instances are immutable; build one with {@link #newBuilder()}:
 *
 * <pre>{@code
 * WorkflowClientOptions options = WorkflowClientOptions.newBuilder()
 *     .setDataConverter(DataConverter.newInstance(
 *             DataConverter.newObjectMapperBuilder().addModule(new MoneyModule()).build()))
 *     .build();
 * WorkflowClient client = WorkflowClient.newInstance(service, options);
 * }</pre>
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class WorkflowClientOptions {

    private static final WorkflowClientOptions DEFAULT = newBuilder().build();

    private final DataConverter dataConverter;

    private WorkflowClientOptions(Builder builder) {
        this.dataConverter = builder.dataConverter;
    }

    /**
     * Returns a builder with every option at its default.
     *
     * @return a new builder; never {@code null}
     */
    public static Builder newBuilder() {
        return new Builder();
    }

    /**
     * Returns the default options.
     *
     * @return the default options; never {@code null}
     */
    public static WorkflowClientOptions getDefaultInstance() {
        return DEFAULT;
    }

    /**
     * Returns the converter of workflow and activity arguments, results, signal and query values: the
     * client's, and that of every worker of a {@code WorkerFactory} created from the client.
     *
     * @return the converter; {@link DataConverter#getDefault()} unless set; never {@code null}
     */
    public DataConverter getDataConverter() {
        return dataConverter;
    }

    /** Builds {@link WorkflowClientOptions}. */
    public static final class Builder {
        private DataConverter dataConverter = DataConverter.getDefault();

        private Builder() {
        }

        /**
         * Sets the converter of payloads. Workers created from the client use it too; a replay of their
         * histories needs the same one.
         *
         * @param dataConverter the converter; never {@code null}
         * @return this builder
         * @throws NullPointerException if {@code dataConverter} is {@code null}
         */
        public Builder setDataConverter(DataConverter dataConverter) {
            this.dataConverter = Objects.requireNonNull(dataConverter, "dataConverter");
            return this;
        }

        /**
         * Returns the options.
         *
         * @return the options; never {@code null}
         */
        public WorkflowClientOptions build() {
            return new WorkflowClientOptions(this);
        }
    }
}
