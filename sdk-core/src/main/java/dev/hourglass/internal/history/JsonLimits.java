package dev.hourglass.internal.history;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import org.apiguardian.api.API;

/**
 * The one set of limits on what a history holds, for writing and for reading: a history that is written is
 * read back. {@link HistoryJsonCodec} writes and reads with these constraints, and the data converter refuses,
 * when a value is converted, a payload that would break them, so that a history Hourglass records can always
 * be written and read back.
 *
 * <p>The limits are Jackson's defaults at the time of writing, fixed here so that a Jackson upgrade does not
 * change which histories can be read. A payload may nest at most {@link #MAX_PAYLOAD_DEPTH} levels, well
 * within the {@link #MAX_DEPTH} of a whole history (a payload sits at most five levels down in it), and shallow
 * enough that code walking a payload recursively (Jackson's own decoding of nested records, on a workflow
 * thread) does not overflow its stack.
 *
 * @since 0.1
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class JsonLimits {

    /** How deep arrays and objects nest in a history document, the document's own levels included. */
    public static final int MAX_DEPTH = 1_000;

    /** How deep arrays and objects nest in one payload (an argument, a result, a signal's value…). */
    public static final int MAX_PAYLOAD_DEPTH = 500;

    /** The longest string, in {@code char}s. */
    public static final int MAX_STRING_LENGTH = 20_000_000;

    /** The longest object field name, in {@code char}s. */
    public static final int MAX_NAME_LENGTH = 50_000;

    /** The most characters of a number's JSON text. */
    public static final int MAX_NUMBER_LENGTH = 1_000;

    /** The constraints {@link HistoryJsonCodec} reads with. */
    static final StreamReadConstraints READ = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH)
            .maxStringLength(MAX_STRING_LENGTH)
            .maxNameLength(MAX_NAME_LENGTH)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .build();

    /** The constraints {@link HistoryJsonCodec} writes with. */
    static final StreamWriteConstraints WRITE = StreamWriteConstraints.builder().maxNestingDepth(MAX_DEPTH).build();

    private JsonLimits() {
    }
}
