package dev.hourglass.common;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.hourglass.internal.common.PayloadModule;
import dev.hourglass.internal.history.CanonicalNodeFactory;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Converts the values workflows and activities exchange (arguments, results, signal and query values,
 * heartbeat details) to and from the JSON recorded in histories, with a Jackson {@link ObjectMapper}.
 *
 * <p>The default converter handles records, POJOs, enums, generic collections, {@code Optional}s,
 * {@code java.time} types and exact numbers; {@code docs/data-conversion.md} lists what each Java type
 * becomes. To add Jackson modules or serializers of your own, build a mapper from
 * {@link #newObjectMapperBuilder()}, which starts from the default settings, and give the converter to the
 * client; its workers use the same one:
 *
 * <pre>{@code
 * DataConverter converter = DataConverter.newInstance(
 *         DataConverter.newObjectMapperBuilder().addModule(new MoneyModule()).build());
 * WorkflowClient client = WorkflowClient.newInstance(service,
 *         WorkflowClientOptions.newBuilder().setDataConverter(converter).build());
 * }</pre>
 *
 * <p>The converter gives JSON values, which histories record as they are; to compress or encrypt them, add
 * {@link PayloadCodec}s beside it ({@code WorkflowClientOptions.Builder.setPayloadCodecs}), which transform the
 * bytes of that JSON. This class is final on purpose: a converter of your own is a mapper of your own
 * ({@link #newInstance(ObjectMapper)}), and what is not JSON belongs in a codec ({@code docs/data-conversion.md}).
 *
 * <p>Whatever the mapper, a value that a history could not hold (nested too deep, a string too long…) is
 * refused with a {@link DataConverterException} when it is converted, and numbers are recorded as reading
 * their JSON back gives them.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class DataConverter {

    private static final DataConverter DEFAULT = new DataConverter(newObjectMapperBuilder().build());

    private final ObjectMapper objectMapper;

    private DataConverter(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /**
     * Returns the converter Hourglass uses unless told otherwise.
     *
     * @return the default converter; never {@code null}
     */
    public static DataConverter getDefault() {
        return DEFAULT;
    }

    /**
     * Returns a builder of a mapper with the default converter's settings, to add modules and features to.
     *
     * <p>The settings: the {@code java.time} and JDK 8 modules; times, dates and durations as ISO-8601
     * text, zoned times with their zone id; decimals with their scale; map entries in key order (so that
     * a payload is the same JSON in every JVM); unknown properties ignored on decoding; a number with a
     * fraction refused for an integer type.
     *
     * @return a new builder; never {@code null}
     */
    public static JsonMapper.Builder newObjectMapperBuilder() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .addModule(new PayloadModule())
                // numbers as reading their JSON back builds them: 420.00 keeps its scale, 5L is the int 5
                .nodeFactory(CanonicalNodeFactory.INSTANCE)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                // times and durations as ISO-8601 text, exact to the nanosecond; zoned times keep their zone
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(SerializationFeature.WRITE_DATES_WITH_ZONE_ID)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                // a HashMap or Map.of payload iterates in an order that changes from one JVM launch to the next;
                // sorted keys give the same history bytes everywhere
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // 3.7 does not become the long 3: a value that does not fit the type asked for is an error
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    /**
     * Returns a converter that uses {@code objectMapper}.
     *
     * <p>Build the mapper from {@link #newObjectMapperBuilder()} to keep the default settings; a mapper
     * without them may, for example, write times as numbers. Do not reconfigure the mapper afterwards.
     *
     * @param objectMapper the mapper; never {@code null}
     * @return the converter; never {@code null}
     * @throws NullPointerException if {@code objectMapper} is {@code null}
     */
    public static DataConverter newInstance(ObjectMapper objectMapper) {
        return new DataConverter(Objects.requireNonNull(objectMapper, "objectMapper"));
    }

    /**
     * Returns the mapper this converter uses.
     *
     * @return the mapper; never {@code null}
     */
    public ObjectMapper getObjectMapper() {
        return objectMapper;
    }

    /**
     * Returns a short description, such as {@code DataConverter[default]}.
     *
     * @return the description; never {@code null}
     */
    @Override
    public String toString() {
        return this == DEFAULT ? "DataConverter[default]" : "DataConverter[" + objectMapper.getClass().getName() + "]";
    }
}
