package dev.hourglass.common;

import org.apiguardian.api.API;

/**
 * Transforms the bytes of every payload before it is recorded, and back when it is read: compression,
 * encryption, or both, so that the service, the store and whoever reads the database see only the encoded form.
 *
 * <p>A client and its workers apply a chain of codecs, given with
 * {@code WorkflowClientOptions.newBuilder().setPayloadCodecs(..)}: in order to encode, in reverse order to
 * decode. The bytes a codec gets are the UTF-8 JSON of one value (for the first codec of a chain) or what the
 * previous codec produced. The history records an encoded payload as a JSON object that names the codecs
 * that were applied ({@code docs/history-format.md}), so that a reader without one of them fails with a
 * {@link PayloadCodecException} naming it.
 *
 * <pre>{@code
 * WorkflowClientOptions options = WorkflowClientOptions.newBuilder()
 *         .setPayloadCodecs(PayloadCodecs.gzip(), PayloadCodecs.aesGcm("k1", key))
 *         .build();
 * }</pre>
 *
 * <p>A codec is called from many threads at once and must be thread-safe. Encoding need not be deterministic
 * (encryption draws a fresh nonce every time): replay compares decoded values, never encoded ones. Decoding
 * must give back exactly the bytes that were encoded.
 *
 * @see PayloadCodecs
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface PayloadCodec {

    /**
     * Returns the name recorded with every payload this codec encodes, such as {@code gzip} or
     * {@code aes-gcm(k1)}.
     *
     * <p>Keep it short and stable: histories hold it for as long as they are kept, and a reader uses it to
     * pick the codec that decodes a payload. It must not be blank and must not contain a comma.
     *
     * @return the name; never {@code null}
     */
    String name();

    /**
     * Encodes the bytes of one payload.
     *
     * @param data the bytes; never {@code null}, not to be modified
     * @return the encoded bytes; never {@code null}
     */
    byte[] encode(byte[] data);

    /**
     * Decodes what {@link #encode(byte[])} produced.
     *
     * @param data the encoded bytes; never {@code null}, not to be modified
     * @return the bytes that were encoded; never {@code null}
     * @throws PayloadCodecException if the bytes cannot be decoded (altered, encrypted with another key…); the
     *     message names the codec and what to do
     */
    byte[] decode(byte[] data);

    /**
     * Returns whether this codec decodes payloads recorded under {@code recordedName}.
     *
     * <p>By default, when the name is this codec's {@link #name()}. A codec that reads what several
     * configurations wrote (an encryption codec that knows old keys, for example) answers {@code true} for
     * each of their names.
     *
     * @param recordedName a name recorded with a payload; never {@code null}
     * @return whether {@link #decode(byte[])} reads such payloads
     */
    default boolean decodes(String recordedName) {
        return name().equals(recordedName);
    }
}
