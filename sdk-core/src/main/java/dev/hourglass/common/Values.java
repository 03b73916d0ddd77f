package dev.hourglass.common;

import java.lang.reflect.Type;
import org.apiguardian.api.API;

/**
 * A list of values carried by a failure, such as the details of an
 * {@link dev.hourglass.failure.ApplicationFailure} or the last heartbeat details of a
 * {@link dev.hourglass.failure.TimeoutFailure}, read with the type the reader expects.
 *
 * <p>Values that crossed a history are kept as their recorded JSON and decoded by the data converter when
 * asked for; values of a failure created in this JVM are returned as they are when they have the asked type,
 * and converted otherwise.
 *
 * <pre>{@code
 * } catch (ActivityFailure e) {
 *     ApplicationFailure cause = (ApplicationFailure) e.getCause();
 *     Refusal refusal = cause.getDetails().get(0, Refusal.class);
 * }
 * }</pre>
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface Values {

    /** Returns how many values there are. */
    int getSize();

    /** Returns whether there are no values. */
    default boolean isEmpty() {
        return getSize() == 0;
    }

    /**
     * Returns the value at {@code index} as {@code parameterType}.
     *
     * @param index from 0 to {@link #getSize()} - 1
     * @param parameterType the type to decode to; must not be {@code null}
     * @return the value; {@code null} if it was {@code null}
     * @throws IndexOutOfBoundsException if there is no value at {@code index}, naming the size
     * @throws DataConverterException if the value does not fit the type
     */
    <T> T get(int index, Class<T> parameterType);

    /**
     * Returns the value at {@code index} as {@code genericParameterType}, such as {@code List<Item>}.
     *
     * @param index from 0 to {@link #getSize()} - 1
     * @param parameterType the raw type to decode to; must not be {@code null}
     * @param genericParameterType the generic type to decode to; {@code null} for the raw type
     * @return the value; {@code null} if it was {@code null}
     * @throws IndexOutOfBoundsException if there is no value at {@code index}, naming the size
     * @throws DataConverterException if the value does not fit the type
     */
    <T> T get(int index, Class<T> parameterType, Type genericParameterType);

    /** Returns the first value as {@code parameterType}, as {@code get(0, parameterType)} does. */
    default <T> T get(Class<T> parameterType) {
        return get(0, parameterType);
    }
}
