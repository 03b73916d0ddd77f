package dev.hourglass.internal.common;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.module.SimpleSerializers;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import dev.hourglass.internal.history.CanonicalNodeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.net.Socket;
import java.nio.channels.Channel;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.locks.Lock;

/**
 * The Jackson module that keeps numbers exact through a history:
 *
 * <ul>
 *   <li>a value that is not data is refused, wherever it is in a payload, instead of being recorded as
 *       {@code {}} or as whatever getters it has: a lambda or method reference, a plain {@code Object}, and live
 *       objects of the JVM (threads, streams, executors, futures, class loaders, proxies such as stubs);
 *   <li>a {@code byte[]} is its Base64 text, a string node, which is what its JSON reads back as (not a
 *       binary node, which no JSON text reads back as);
 *   <li>a {@code BigDecimal} of scale 0 is written as an integer, which is how its JSON text reads back;
 *   <li>a {@code double} or {@code float} that is not finite is written as the string JSON has for it
 *       ({@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}), which is what a history's JSON holds for it and
 *       what reading it back gives;
 *   <li>a {@code BigDecimal} held as a {@code double} node (see {@link CanonicalNodeFactory}) decodes to the
 *       decimal of the digits a history writes for it, not to the JDK's {@code Double.toString}, which before
 *       JDK 19 sometimes gives more digits.
 * </ul>
 */
public final class PayloadModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    /** Creates the module. */
    public PayloadModule() {
        super("hourglass-payloads");
        setSerializers(new RefusingSerializers());
        addSerializer(Double.class, new NonFiniteAsText<>(Double.class));
        addSerializer(double.class, new NonFiniteAsText<>(Double.class));
        addSerializer(Float.class, new NonFiniteAsText<>(Float.class));
        addSerializer(float.class, new NonFiniteAsText<>(Float.class));
        addSerializer(BigDecimal.class, new WholeAsInteger());
        addSerializer(byte[].class, new BytesAsText());
        addDeserializer(BigDecimal.class, new WrittenDigits());
    }

    /** The serializers added to the module, behind a check that refuses the types that are not data. */
    private static final class RefusingSerializers extends SimpleSerializers {
        private static final long serialVersionUID = 1L;

        /** Types whose instances are live objects of this JVM: what they hold cannot be recorded or rebuilt. */
        private static final List<Class<?>> LIVE = List.of(Thread.class, ThreadGroup.class, ClassLoader.class,
                Executor.class, Future.class, CompletionStage.class, InputStream.class, OutputStream.class,
                Reader.class, Writer.class, Socket.class, Channel.class, Lock.class);

        @Override
        public JsonSerializer<?> findSerializer(SerializationConfig config, JavaType type, BeanDescription bean) {
            Class<?> raw = type.getRawClass();
            if (raw == Object.class) {
                return new Refusing("a plain java.lang.Object holds no data; pass a record, a string, a number or a"
                        + " collection");
            }
            if (raw.isSynthetic() || raw.isHidden()) {
                return new Refusing("a lambda or method reference (" + raw.getName() + ") holds code, not data;"
                        + " pass the data the code needs, and run the code in the workflow or the activity");
            }
            if (Proxy.isProxyClass(raw)) {
                return new Refusing("a proxy (" + raw.getName() + ", such as a workflow or activity stub) is a live"
                        + " object of this JVM, not data; pass what identifies it, such as a workflow id");
            }
            for (Class<?> live : LIVE) {
                if (live.isAssignableFrom(raw)) {
                    return new Refusing("a " + raw.getName() + " is a live object of this JVM (a " + live.getSimpleName()
                            + "), not data; pass the data it stands for");
                }
            }
            return super.findSerializer(config, type, bean);
        }
    }

    /** Refuses every value it is asked to write, saying why. */
    private static final class Refusing extends StdSerializer<Object> {
        private static final long serialVersionUID = 1L;

        private final String why;

        Refusing(String why) {
            super(Object.class);
            this.why = why;
        }

        @Override
        public void serialize(Object value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            throw LimitedGenerator.refuse(generator, why);
        }
    }

    /** Writes a decimal of scale 0 as the integer its JSON text is, so that it reads back as one. */
    private static final class WholeAsInteger extends StdScalarSerializer<BigDecimal> {
        private static final long serialVersionUID = 1L;

        WholeAsInteger() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            if (value.scale() == 0) {
                generator.writeNumber(value.unscaledValue());
            } else {
                generator.writeNumber(value);
            }
        }
    }

    /** Writes a finite number as a number and any other as its JSON string. */
    private static final class NonFiniteAsText<T extends Number> extends StdScalarSerializer<T> {
        private static final long serialVersionUID = 1L;

        NonFiniteAsText(Class<T> type) {
            super(type);
        }

        @Override
        public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            if (value instanceof Float) {
                float number = value.floatValue();
                if (Float.isNaN(number) || Float.isInfinite(number)) {
                    generator.writeString(Float.toString(number));
                } else {
                    generator.writeNumber(number);
                }
                return;
            }
            double number = value.doubleValue();
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                generator.writeString(Double.toString(number));
            } else {
                generator.writeNumber(number);
            }
        }
    }

    /** Writes bytes as the Base64 string that Jackson writes and reads them as. */
    private static final class BytesAsText extends StdScalarSerializer<byte[]> {
        private static final long serialVersionUID = 1L;

        BytesAsText() {
            super(byte[].class);
        }

        @Override
        public void serialize(byte[] value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(provider.getConfig().getBase64Variant().encode(value));
        }
    }

    /** Decodes a {@code double} token to the decimal of the digits a history writes for it. */
    private static final class WrittenDigits extends NumberDeserializers.BigDecimalDeserializer {
        private static final long serialVersionUID = 1L;

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_NUMBER_FLOAT)
                    && parser.getNumberTypeFP() == JsonParser.NumberTypeFP.DOUBLE64) {
                double value = parser.getDoubleValue();
                if (!Double.isNaN(value) && !Double.isInfinite(value)) {
                    return CanonicalNodeFactory.decimal(value);
                }
            }
            return super.deserialize(parser, context);
        }
    }
}
