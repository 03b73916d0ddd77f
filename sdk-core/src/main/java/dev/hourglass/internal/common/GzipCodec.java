package dev.hourglass.internal.common;

import dev.hourglass.common.PayloadCodec;
import dev.hourglass.common.PayloadCodecException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The {@code gzip} codec: one byte ({@code 0} stored, {@code 1} compressed), then the bytes as they are or
 * compressed with GZIP, whichever is shorter.
 */
public final class GzipCodec implements PayloadCodec {

    /** The one instance; the codec has no state. */
    public static final GzipCodec INSTANCE = new GzipCodec();

    static final String NAME = "gzip";
    private static final byte STORED = 0;
    private static final byte COMPRESSED = 1;

    private GzipCodec() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public byte[] encode(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 32);
        out.write(COMPRESSED);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory does no I/O
        }
        if (out.size() < data.length + 1) {
            return out.toByteArray();
        }
        byte[] stored = new byte[data.length + 1];
        stored[0] = STORED;
        System.arraycopy(data, 0, stored, 1, data.length);
        return stored;
    }

    @Override
    public byte[] decode(byte[] data) {
        if (data.length > 0 && data[0] == STORED) {
            return Arrays.copyOfRange(data, 1, data.length);
        }
        if (data.length == 0 || data[0] != COMPRESSED) {
            throw new PayloadCodecException(NAME, "cannot decode a payload with the gzip codec: it starts with "
                    + (data.length == 0 ? "nothing" : "byte " + data[0]) + ", not 0 (stored) or 1 (compressed)."
                    + " The payload was altered, or another codec recorded under the name gzip wrote it", null);
        }
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(data, 1, data.length - 1))) {
            return gzip.readAllBytes();
        } catch (IOException e) {
            throw new PayloadCodecException(NAME, "cannot decode a payload with the gzip codec: its compressed"
                    + " bytes are not valid GZIP (" + e.getMessage() + "). The payload was altered", e);
        }
    }

    @Override
    public String toString() {
        return NAME;
    }
}
