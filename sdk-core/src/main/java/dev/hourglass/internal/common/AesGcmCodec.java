package dev.hourglass.internal.common;

import dev.hourglass.common.PayloadCodec;
import dev.hourglass.common.PayloadCodecException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The {@code aes-gcm(keyId)} codec: AES-GCM with a fresh 96-bit nonce per payload and a 128-bit tag.
 *
 * <p>Output: version byte {@code 1}, the key id's length (one byte) and its ASCII bytes, the 12-byte nonce,
 * then the ciphertext with its tag. The version byte and the key id are authenticated as associated data, so
 * a payload cannot be passed off as encrypted with another key.
 */
public final class AesGcmCodec implements PayloadCodec {

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String PREFIX = "aes-gcm(";

    private final String currentKeyId;
    private final Map<String, SecretKey> keys;
    private final SecureRandom random = new SecureRandom();

    /** A codec that encrypts with {@code keys.get(currentKeyId)} and decrypts with any of {@code keys}. */
    public AesGcmCodec(String currentKeyId, Map<String, SecretKey> keys) {
        this.keys = new TreeMap<>();
        keys.forEach((id, key) -> this.keys.put(checkedId(id), checkedKey(id, key)));
        if (!this.keys.containsKey(currentKeyId)) {
            throw new IllegalArgumentException("the current key id '" + currentKeyId + "' is not among the keys "
                    + this.keys.keySet() + ": add the key that encrypts to the map");
        }
        this.currentKeyId = currentKeyId;
    }

    private static String checkedId(String id) {
        if (id == null || !KEY_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("an aes-gcm key id must be 1 to 64 letters, digits, '.', '_' or '-',"
                    + " but is " + (id == null ? "null" : "'" + id + "'") + ": it is recorded with every payload");
        }
        return id;
    }

    private static SecretKey checkedKey(String id, SecretKey key) {
        if (key == null) {
            throw new IllegalArgumentException("the key of id '" + id + "' is null: pass an AES key");
        }
        byte[] encoded = key.getEncoded();
        int bits = encoded == null ? 0 : encoded.length * 8;
        if (!"AES".equalsIgnoreCase(key.getAlgorithm()) || (bits != 128 && bits != 192 && bits != 256)) {
            throw new IllegalArgumentException("the key of id '" + id + "' must be an AES key of 128, 192 or 256"
                    + " bits, but is a " + key.getAlgorithm() + " key of " + bits + " bits: create it with"
                    + " new SecretKeySpec(bytes, \"AES\") or KeyGenerator.getInstance(\"AES\")");
        }
        return key;
    }

    /** The name of the codec for the key {@code keyId}. */
    static String nameOf(String keyId) {
        return PREFIX + keyId + ")";
    }

    @Override
    public String name() {
        return nameOf(currentKeyId);
    }

    @Override
    public boolean decodes(String recordedName) {
        return recordedName.startsWith(PREFIX) && recordedName.endsWith(")")
                && keys.containsKey(recordedName.substring(PREFIX.length(), recordedName.length() - 1));
    }

    @Override
    public byte[] encode(byte[] data) {
        byte[] id = currentKeyId.getBytes(StandardCharsets.US_ASCII);
        int header = 2 + id.length;
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            byte[] out = new byte[header + NONCE_BYTES + cipher.getOutputSize(data.length)];
            out[0] = VERSION;
            out[1] = (byte) id.length;
            System.arraycopy(id, 0, out, 2, id.length);
            System.arraycopy(nonce, 0, out, header, NONCE_BYTES);
            cipher.updateAAD(out, 0, header);
            cipher.doFinal(data, 0, data.length, out, header + NONCE_BYTES);
            return out;
        } catch (GeneralSecurityException e) {
            throw new PayloadCodecException(name(), "cannot encrypt a payload with " + name() + ": "
                    + e.getMessage() + ". Check that this JVM provides AES/GCM/NoPadding", e);
        }
    }

    @Override
    public byte[] decode(byte[] data) {
        if (data.length < 2 || data[0] != VERSION || data.length < 2 + data[1] + NONCE_BYTES + TAG_BITS / 8) {
            throw new PayloadCodecException(PREFIX + "?)", "cannot decrypt a payload with the aes-gcm codec: its "
                    + data.length + " bytes are not in the aes-gcm layout (version 1, key id, nonce, ciphertext)."
                    + " The payload was altered, or another codec wrote it", null);
        }
        int idLength = data[1];
        String keyId = new String(data, 2, idLength, StandardCharsets.US_ASCII);
        String name = nameOf(keyId);
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new PayloadCodecException(name, "cannot decrypt a payload encrypted with key '" + keyId
                    + "': this aes-gcm codec has the keys " + keys.keySet() + ". Give the codec that key, with"
                    + " PayloadCodecs.aesGcm(currentKeyId, keysById)", null);
        }
        int header = 2 + idLength;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key,
                    new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(data, header, header + NONCE_BYTES)));
            cipher.updateAAD(data, 0, header);
            return cipher.doFinal(data, header + NONCE_BYTES, data.length - header - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new PayloadCodecException(name, "cannot decrypt a payload encrypted with key '" + keyId
                    + "': it fails its authentication check. Either the key given for id '" + keyId + "' is not"
                    + " the key it was encrypted with (check that every worker and client has the same key under"
                    + " that id), or the payload was altered", e);
        } catch (GeneralSecurityException e) {
            throw new PayloadCodecException(name, "cannot decrypt a payload with " + name + ": " + e.getMessage()
                    + ". Check that this JVM provides AES/GCM/NoPadding", e);
        }
    }

    @Override
    public String toString() {
        return name() + (keys.size() > 1 ? " (decrypts " + keys.keySet() + ")" : "");
    }
}
