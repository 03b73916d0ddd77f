package dev.hourglass.client;

import dev.hourglass.common.DataConverter;
import dev.hourglass.common.PayloadCodec;
import dev.hourglass.internal.common.PayloadCodecChain;
import java.util.Arrays;
import java.util.List;
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
 * <p>Payload codecs ({@link Builder#setPayloadCodecs(List)}) compress or encrypt every payload the client and
 * its workers record.
 *
 * <p>An identity names the client (and its workers) in the histories it causes; see
 * {@link Builder#setIdentity(String)}.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class WorkflowClientOptions {

    private static final WorkflowClientOptions DEFAULT = newBuilder().build();

    private final DataConverter dataConverter;
    private final List<PayloadCodec> payloadCodecs;
    private final String identity;
    private final List<WorkflowClientInterceptor> interceptors;

    private WorkflowClientOptions(Builder builder) {
        this.interceptors = builder.interceptors;
        this.dataConverter = builder.dataConverter;
        this.payloadCodecs = builder.payloadCodecs;
        this.identity = builder.identity;
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
     * Returns a builder that starts from these options, to change some of them.
     *
     * @return a new builder; never {@code null}
     */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.dataConverter = dataConverter;
        builder.payloadCodecs = payloadCodecs;
        builder.identity = identity;
        builder.interceptors = interceptors;
        return builder;
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

    /**
     * Returns the payload codecs, in the order they encode.
     *
     * @return the codecs; empty (never {@code null}) when payloads are recorded as plain JSON
     */
    public List<PayloadCodec> getPayloadCodecs() {
        return payloadCodecs;
    }

    /**
     * Returns the identity of the client, and of the workers created from it unless
     * {@link dev.hourglass.worker.WorkerOptions.Builder#setIdentity(String)} overrides it.
     *
     * @return the identity, or {@code null} when none is set (the default): events then record no identity
     */
    public String getIdentity() {
        return identity;
    }

    /**
     * Returns the interceptors the client's workflow calls go through, the first the outermost.
     *
     * @return the interceptors, in the order set; empty (never {@code null}) for none (the default)
     * @since 0.1
     */
    public List<WorkflowClientInterceptor> getInterceptors() {
        return interceptors;
    }

    @Override
    public String toString() {
        return "WorkflowClientOptions{dataConverter=" + dataConverter
                + (payloadCodecs.isEmpty() ? "" : ", payloadCodecs=" + payloadCodecs) + ", identity="
                + (identity == null ? "null" : "'" + identity + "'")
                + (interceptors.isEmpty() ? "" : ", interceptors=" + interceptors) + "}";
    }

    /** Builds {@link WorkflowClientOptions}. */
    public static final class Builder {
        private DataConverter dataConverter = DataConverter.getDefault();
        private List<PayloadCodec> payloadCodecs = List.of();
        private String identity;
        private List<WorkflowClientInterceptor> interceptors = List.of();

        private Builder() {
        }

        /**
         * Sets the interceptors that the workflow calls of the client's stubs go through (see
         * {@link WorkflowClientInterceptor}), typed and untyped alike; they replace any set before. They are applied
         * in the given order, the first the outermost: it sees each call first. They do not wrap the calls of the
         * workers created from the client; those take {@code WorkerFactoryOptions.setWorkerInterceptors}.
         *
         * @param interceptors the interceptors; none for none (the default)
         * @return this builder
         * @throws NullPointerException if {@code interceptors} or one of them is {@code null}
         * @since 0.1
         */
        public Builder setInterceptors(WorkflowClientInterceptor... interceptors) {
            Objects.requireNonNull(interceptors, "interceptors");
            for (int i = 0; i < interceptors.length; i++) {
                Objects.requireNonNull(interceptors[i], "interceptors[" + i + "]");
            }
            this.interceptors = List.of(interceptors);
            return this;
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
         * Sets the payload codecs that the client and its workers apply to every payload they record
         * (arguments, results, signal and query values, heartbeat details, side-effect values and failure
         * details): in this order to encode, in reverse order to decode.
         *
         * <p>Every client, worker and replay that reads the same histories needs codecs that decode them
         * ({@link PayloadCodec#decodes(String)}); a payload that none decodes throws a
         * {@link dev.hourglass.common.PayloadCodecException}. Failure messages and types, ids, names and
         * timeouts stay readable.
         *
         * @param payloadCodecs the codecs; empty for plain JSON payloads (the default); never {@code null}
         * @return this builder
         * @throws IllegalArgumentException if a codec is {@code null} or its name is blank or holds a comma
         */
        public Builder setPayloadCodecs(List<? extends PayloadCodec> payloadCodecs) {
            this.payloadCodecs = PayloadCodecChain.of(payloadCodecs).codecs();
            return this;
        }

        /**
         * Sets the payload codecs like {@link #setPayloadCodecs(List)}.
         *
         * @param payloadCodecs the codecs, in the order they encode; none for plain JSON payloads
         * @return this builder
         * @throws IllegalArgumentException if a codec is {@code null} or its name is blank or holds a comma
         */
        public Builder setPayloadCodecs(PayloadCodec... payloadCodecs) {
            Objects.requireNonNull(payloadCodecs, "payloadCodecs");
            return setPayloadCodecs(Arrays.asList(payloadCodecs));
        }

        /**
         * Sets the identity that names this client, and the workers created from it, in the histories they cause:
         * it is recorded as the {@code identity} attribute of the {@code WorkflowExecutionStarted},
         * {@code WorkflowExecutionSignaled}, {@code WorkflowExecutionCancelRequested} and
         * {@code WorkflowExecutionTerminated} events the client causes, and of the {@code ActivityTaskStarted} events
         * of the activity attempts its workers run. Replay ignores it.
         *
         * <p>There is no default identity. Unlike the Temporal SDK, whose default is {@code pid@hostname}, Hourglass
         * records none unless one is set, because the same code and seed must produce the same history bytes on
         * every machine (in the test environment and in replay gates). In production, set one that tells the
         * process apart, for example:
         *
         * <pre>{@code
         * WorkflowClientOptions.newBuilder()
         *     .setIdentity(ManagementFactory.getRuntimeMXBean().getName()) // "12345@billing-host-7"
         *     .build();
         * }</pre>
         *
         * @param identity the identity; {@code null} for none
         * @return this builder
         * @throws IllegalArgumentException if {@code identity} is empty or blank
         */
        public Builder setIdentity(String identity) {
            if (identity != null && identity.isBlank()) {
                throw new IllegalArgumentException("identity must not be blank: pass a name that tells this process"
                        + " apart, such as ManagementFactory.getRuntimeMXBean().getName(), or null for none");
            }
            this.identity = identity;
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
