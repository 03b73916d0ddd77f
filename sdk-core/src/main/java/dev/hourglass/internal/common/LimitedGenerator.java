package dev.hourglass.internal.common;

import com.fasterxml.jackson.core.JsonGenerationException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.TreeNode;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import dev.hourglass.internal.history.JsonLimits;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * Passes what Jackson writes for one payload on to a generator, and stops, with a {@link Refused} naming
 * where in the value, at the first thing a history could not hold (see {@link JsonLimits}): arrays and
 * objects nested deeper than a payload may nest (which is also how a value that contains itself ends), a
 * string, a field name or a number too long to be read back.
 *
 * <p>It costs a counter and a length comparison per token, paid once, when the value is converted.
 */
final class LimitedGenerator extends JsonGeneratorDelegate {

    /** The value breaks a limit, or holds something that is not data; the message says where and how. */
    static final class Refused extends JsonGenerationException {
        private static final long serialVersionUID = 1L;

        Refused(String message, JsonGenerator generator) {
            super(message, generator);
        }
    }

    private static final int MAX_PATH_LENGTH = 60;

    /** A BigInteger of fewer bits has fewer digits than a number may have. */
    private static final int SHORT_BIG_INTEGER_BITS = (int) (JsonLimits.MAX_NUMBER_LENGTH * 3.3) - 10;

    private int depth;

    LimitedGenerator(JsonGenerator delegate) {
        super(delegate, false);
    }

    // ---------------------------------------------------------------- nesting

    @Override
    public void writeStartArray() throws IOException {
        open();
        super.writeStartArray();
    }

    @Override
    @Deprecated
    public void writeStartArray(int size) throws IOException {
        open();
        super.writeStartArray(size);
    }

    @Override
    public void writeStartArray(Object forValue) throws IOException {
        open();
        super.writeStartArray(forValue);
    }

    @Override
    public void writeStartArray(Object forValue, int size) throws IOException {
        open();
        super.writeStartArray(forValue, size);
    }

    @Override
    public void writeEndArray() throws IOException {
        depth--;
        super.writeEndArray();
    }

    @Override
    public void writeStartObject() throws IOException {
        open();
        super.writeStartObject();
    }

    @Override
    public void writeStartObject(Object forValue) throws IOException {
        open();
        super.writeStartObject(forValue);
    }

    @Override
    public void writeStartObject(Object forValue, int size) throws IOException {
        open();
        super.writeStartObject(forValue, size);
    }

    @Override
    public void writeEndObject() throws IOException {
        depth--;
        super.writeEndObject();
    }

    @Override
    public void writeArray(int[] array, int offset, int length) throws IOException {
        open();
        try {
            super.writeArray(array, offset, length);
        } finally {
            depth--;
        }
    }

    @Override
    public void writeArray(long[] array, int offset, int length) throws IOException {
        open();
        try {
            super.writeArray(array, offset, length);
        } finally {
            depth--;
        }
    }

    @Override
    public void writeArray(double[] array, int offset, int length) throws IOException {
        open();
        try {
            super.writeArray(array, offset, length);
        } finally {
            depth--;
        }
    }

    @Override
    public void writeArray(String[] array, int offset, int length) throws IOException {
        open();
        try {
            for (int i = offset; i < offset + length; i++) {
                checkString(array[i] == null ? 0 : array[i].length());
            }
            super.writeArray(array, offset, length);
        } finally {
            depth--;
        }
    }

    /** A tree inside a value (a {@code JsonNode} field) is written token by token, so that it is checked too. */
    @Override
    public void writeTree(TreeNode tree) throws IOException {
        if (tree == null) {
            writeNull();
        } else {
            getCodec().writeTree(this, tree);
        }
    }

    private void open() throws IOException {
        if (depth >= JsonLimits.MAX_PAYLOAD_DEPTH) {
            throw new Refused("at " + path() + " the value nests deeper than " + JsonLimits.MAX_PAYLOAD_DEPTH
                    + " levels of arrays and objects, or contains itself; a payload nests at most "
                    + JsonLimits.MAX_PAYLOAD_DEPTH + " levels. Pass a flatter value, and one that does not"
                    + " refer back to itself", this);
        }
        depth++;
    }

    // ---------------------------------------------------------------- lengths

    @Override
    public void writeString(String text) throws IOException {
        if (text != null) {
            checkString(text.length());
        }
        super.writeString(text);
    }

    @Override
    public void writeString(char[] text, int offset, int length) throws IOException {
        checkString(length);
        super.writeString(text, offset, length);
    }

    @Override
    public void writeString(SerializableString text) throws IOException {
        checkString(text.charLength());
        super.writeString(text);
    }

    @Override
    public void writeString(Reader reader, int length) throws IOException {
        checkString(length);
        super.writeString(reader, length);
    }

    @Override
    public void writeFieldName(String name) throws IOException {
        checkName(name.length());
        super.writeFieldName(name);
    }

    @Override
    public void writeFieldName(SerializableString name) throws IOException {
        checkName(name.charLength());
        super.writeFieldName(name);
    }

    @Override
    public void writeNumber(BigDecimal value) throws IOException {
        if (value != null && value.precision() > JsonLimits.MAX_NUMBER_LENGTH - 24) {
            checkNumber(value.toString().length());
        }
        super.writeNumber(value);
    }

    @Override
    public void writeNumber(BigInteger value) throws IOException {
        if (value != null && value.bitLength() > SHORT_BIG_INTEGER_BITS) {
            checkNumber(value.toString().length());
        }
        super.writeNumber(value);
    }

    @Override
    public void writeNumber(String encoded) throws IOException {
        if (encoded != null) {
            checkNumber(encoded.length());
        }
        super.writeNumber(encoded);
    }

    private void checkString(int length) throws IOException {
        if (length > JsonLimits.MAX_STRING_LENGTH) {
            throw new Refused(tooLong("a string", length, "characters", JsonLimits.MAX_STRING_LENGTH)
                    + ". Store large data elsewhere (a file, a blob store) and pass a reference to it", this);
        }
    }

    private void checkName(int length) throws IOException {
        if (length > JsonLimits.MAX_NAME_LENGTH) {
            throw new Refused(tooLong("a field name (or map key)", length, "characters",
                    JsonLimits.MAX_NAME_LENGTH), this);
        }
    }

    private void checkNumber(int length) throws IOException {
        if (length > JsonLimits.MAX_NUMBER_LENGTH) {
            throw new Refused(tooLong("a number", length, "characters of JSON text",
                    JsonLimits.MAX_NUMBER_LENGTH) + "; pass it as a string", this);
        }
    }

    private String tooLong(String what, int length, String unit, int limit) {
        return String.format(Locale.ROOT, "at %s %s of %,d %s; a history holds at most %,d", path(), what, length,
                unit, limit);
    }

    /** Refuses the value about to be written to {@code generator}, saying where it is and why. */
    static Refused refuse(JsonGenerator generator, String why) {
        return new Refused("at " + path(generator) + " " + why, generator);
    }

    private String path() {
        return path(this);
    }

    /**
     * Where the next value written to {@code generator} goes, as a path such as {@code $.lines[2].note}; long
     * paths keep their start and their end.
     */
    private static String path(JsonGenerator generator) {
        Deque<String> steps = new ArrayDeque<>();
        JsonStreamContext context = generator.getOutputContext();
        boolean innermost = true;
        while (context != null && !context.inRoot()) {
            if (context.inArray()) {
                // the innermost array has not counted the element being written yet; the others have
                steps.push("[" + (context.getEntryCount() - (innermost ? 0 : 1)) + "]");
            } else if (context.inObject()) {
                steps.push("." + context.getCurrentName());
            }
            innermost = false;
            context = context.getParent();
        }
        StringBuilder path = new StringBuilder("$");
        steps.forEach(path::append);
        if (path.length() <= MAX_PATH_LENGTH) {
            return path.toString();
        }
        return path.substring(0, MAX_PATH_LENGTH / 2) + "…" + path.substring(path.length() - MAX_PATH_LENGTH / 2);
    }
}
