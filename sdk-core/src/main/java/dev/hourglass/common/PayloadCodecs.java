package dev.hourglass.common;

import dev.hourglass.internal.common.AesGcmCodec;
import dev.hourglass.internal.common.GzipCodec;
import dev.hourglass.internal.common.PayloadCodecClasses;
import java.util.Map;
import java.util.Objects;
import javax.crypto.SecretKey;
import org.apiguardian.api.API;

/**
 * The payload codecs Hourglass ships: compression and authenticated encryption.
 *
 * <pre>{@code
 * WorkflowClientOptions options = WorkflowClientOptions.newBuilder()
 *         .setPayloadCodecs(PayloadCodecs.gzip(), PayloadCodecs.aesGcm("k1", key))
 *         .build();
 * }</pre>
 *
 * <p>Put compression before encryption: encrypted bytes do not compress.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class PayloadCodecs {

    private PayloadCodecs() {
    }

    /**
     * Returns the codec named {@code gzip}, which compresses a payload with GZIP when that makes it smaller and
     * keeps it as it is otherwise (a small payload, or one already compressed).
     *
     * <p>Its output starts with one byte that says which of the two it did, so the result is never more than
     * one byte longer than the input, and it decodes both.
     *
     * @return the codec; never {@code null}
     */
    public static PayloadCodec gzip() {
        return GzipCodec.INSTANCE;
    }

    /**
     * Returns a codec that encrypts every payload with AES-GCM under {@code key}, named {@code aes-gcm(keyId)}.
     *
     * <p>Each payload gets a fresh 96-bit nonce from a {@link java.security.SecureRandom} and a 128-bit
     * authentication tag: a payload encrypted twice gives different bytes, and a payload whose bytes were
     * altered, or that was encrypted with another key, fails to decode with a {@link PayloadCodecException}
     * instead of giving wrong data. The key id is recorded in the encrypted bytes (in clear, and
     * authenticated), never the key.
     *
     * @param keyId the id of the key, recorded with every payload: 1 to 64 letters, digits, {@code .},
     *     {@code _} or {@code -}; never {@code null}
     * @param key an AES key of 128, 192 or 256 bits; never {@code null}
     * @return the codec; never {@code null}
     * @throws IllegalArgumentException if the key id or the key is not valid
     */
    public static PayloadCodec aesGcm(String keyId, SecretKey key) {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(key, "key");
        return new AesGcmCodec(keyId, Map.of(keyId, key));
    }

    /**
     * Returns a codec that encrypts with the key {@code currentKeyId} of {@code keys} and decrypts payloads
     * encrypted with any of them, for key rotation.
     *
     * <p>To rotate: add the new key to the map of every worker and client first, then make it the current one;
     * keep an old key in the map as long as histories encrypted with it are read (by workers, replays and the
     * command line).
     *
     * @param currentKeyId the id of the key that encrypts; must be a key of {@code keys}
     * @param keys the keys by id (ids as for {@link #aesGcm(String, SecretKey)}); never {@code null} nor empty
     * @return the codec, named {@code aes-gcm(currentKeyId)}; never {@code null}
     * @throws IllegalArgumentException if {@code currentKeyId} is not in {@code keys}, or a key id or key is not
     *     valid
     */
    public static PayloadCodec aesGcm(String currentKeyId, Map<String, SecretKey> keys) {
        Objects.requireNonNull(currentKeyId, "currentKeyId");
        Objects.requireNonNull(keys, "keys");
        return new AesGcmCodec(currentKeyId, keys);
    }

    /**
     * Returns a new instance of the codec class {@code className}, for tools that take codecs by name, such as the
     * {@code --codec CLASS} option of the {@code hourglass} command line and of the replay gate's.
     *
     * <p>The class must be public and concrete, implement {@link PayloadCodec} and have a public no-argument
     * constructor, which gets the codec's key itself (from a file or a system property, say).
     *
     * @param className the class's binary name, such as {@code com.acme.VaultCodec}; never {@code null}
     * @param classLoader the loader to load (and initialise) the class with; never {@code null}
     * @return the codec; never {@code null}
     * @throws IllegalArgumentException if there is no such class (the cause is then a
     *     {@link ClassNotFoundException} or {@link LinkageError}), or it is not such a class; the message says which
     * @throws IllegalStateException if its constructor throws; the cause is what it threw
     * @since 0.1
     */
    public static PayloadCodec newInstance(String className, ClassLoader classLoader) {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(classLoader, "classLoader");
        return PayloadCodecClasses.instantiate(className, classLoader);
    }
}
