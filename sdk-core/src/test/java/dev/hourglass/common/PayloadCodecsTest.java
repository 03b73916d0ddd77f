package dev.hourglass.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class PayloadCodecsTest {

    static final SecretKey K1 = key(1);
    static final SecretKey K2 = key(2);
    static final byte[] DATA = "{\"owner\":\"alice\",\"amount\":100}".getBytes(StandardCharsets.UTF_8);

    static SecretKey key(int seed) {
        byte[] bytes = new byte[32];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (seed * 31 + i);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    @Test
    void gzipRoundTripsCompressibleData() {
        byte[] data = "abc".repeat(1000).getBytes(StandardCharsets.UTF_8);

        byte[] encoded = PayloadCodecs.gzip().encode(data);

        assertThat(encoded.length).isLessThan(data.length / 10);
        assertThat(PayloadCodecs.gzip().decode(encoded)).isEqualTo(data);
    }

    @Test
    void gzipKeepsDataThatDoesNotCompressOneByteLonger() {
        byte[] data = "{}".getBytes(StandardCharsets.UTF_8);

        byte[] encoded = PayloadCodecs.gzip().encode(data);

        assertThat(encoded).hasSize(data.length + 1);
        assertThat(PayloadCodecs.gzip().decode(encoded)).isEqualTo(data);
    }

    @Test
    void gzipRefusesBytesItDidNotWrite() {
        assertThatThrownBy(() -> PayloadCodecs.gzip().decode(new byte[] {1, 2, 3}))
                .isInstanceOf(PayloadCodecException.class)
                .hasMessageContaining("not valid GZIP");
    }

    @Test
    void aesGcmRoundTripsAndHidesThePlaintext() {
        PayloadCodec codec = PayloadCodecs.aesGcm("k1", K1);

        byte[] encoded = codec.encode(DATA);

        assertThat(new String(encoded, StandardCharsets.ISO_8859_1)).doesNotContain("alice");
        assertThat(codec.decode(encoded)).isEqualTo(DATA);
        assertThat(codec.name()).isEqualTo("aes-gcm(k1)");
    }

    @Test
    void aesGcmDrawsAFreshNonceForEveryPayload() {
        PayloadCodec codec = PayloadCodecs.aesGcm("k1", K1);

        assertThat(codec.encode(DATA)).isNotEqualTo(codec.encode(DATA));
    }

    @Test
    void aesGcmDetectsAnAlteredPayload() {
        PayloadCodec codec = PayloadCodecs.aesGcm("k1", K1);
        byte[] encoded = codec.encode(DATA);
        encoded[encoded.length - 5] ^= 1;

        assertThatThrownBy(() -> codec.decode(encoded))
                .isInstanceOf(PayloadCodecException.class)
                .hasMessageContaining("encrypted with key 'k1': it fails its authentication check");
    }

    @Test
    void aesGcmDetectsAKeyIdSwappedForAnother() {
        PayloadCodec codec = PayloadCodecs.aesGcm("k2", Map.of("k1", K1, "k2", K1));
        byte[] encoded = codec.encode(DATA);
        encoded[3] = '1'; // the recorded key id, k2, now says k1: the same key, but the id is authenticated

        assertThatThrownBy(() -> codec.decode(encoded)).isInstanceOf(PayloadCodecException.class)
                .hasMessageContaining("fails its authentication check");
    }

    @Test
    void aesGcmWithAnotherKeyUnderTheSameIdFailsNamingTheKeyId() {
        byte[] encoded = PayloadCodecs.aesGcm("k1", K1).encode(DATA);

        assertThatThrownBy(() -> PayloadCodecs.aesGcm("k1", K2).decode(encoded))
                .isInstanceOfSatisfying(PayloadCodecException.class,
                        e -> assertThat(e.getCodecName()).isEqualTo("aes-gcm(k1)"))
                .hasMessageContaining("the key given for id 'k1' is not the key it was encrypted with");
    }

    @Test
    void aesGcmWithoutTheKeyIdFailsNamingTheKeysItHas() {
        byte[] encoded = PayloadCodecs.aesGcm("k1", K1).encode(DATA);

        assertThatThrownBy(() -> PayloadCodecs.aesGcm("k2", K2).decode(encoded))
                .isInstanceOf(PayloadCodecException.class)
                .hasMessageContaining("encrypted with key 'k1': this aes-gcm codec has the keys [k2]");
    }

    @Test
    void aesGcmAfterKeyRotationDecryptsWithTheOldKeyAndEncryptsWithTheNew() {
        byte[] old = PayloadCodecs.aesGcm("k1", K1).encode(DATA);
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        keys.put("k1", K1);
        keys.put("k2", K2);
        PayloadCodec rotated = PayloadCodecs.aesGcm("k2", keys);

        assertThat(rotated.decode(old)).isEqualTo(DATA);
        assertThat(rotated.name()).isEqualTo("aes-gcm(k2)");
        assertThat(rotated.decodes("aes-gcm(k1)")).isTrue();
        assertThat(rotated.decodes("aes-gcm(k3)")).isFalse();
        assertThat(PayloadCodecs.aesGcm("k2", K2).decode(rotated.encode(DATA))).isEqualTo(DATA);
    }

    @Test
    void aesGcmRefusesAKeyThatIsNotAes() {
        assertThatThrownBy(() -> PayloadCodecs.aesGcm("k1", new SecretKeySpec(new byte[16], "HmacSHA256")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be an AES key of 128, 192 or 256 bits, but is a HmacSHA256 key");
    }

    @Test
    void aesGcmRefusesAKeyIdThatCannotBeRecorded() {
        assertThatThrownBy(() -> PayloadCodecs.aesGcm("key one", K1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key id must be 1 to 64 letters, digits");
    }

    @Test
    void aesGcmRefusesACurrentKeyIdMissingFromTheKeys() {
        assertThatThrownBy(() -> PayloadCodecs.aesGcm("k3", Map.of("k1", K1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the current key id 'k3' is not among the keys [k1]");
    }

    /** A codec class as {@code --codec} names one: public, concrete, with a public no-argument constructor. */
    public static final class Reversing implements PayloadCodec {
        @Override
        public String name() {
            return "reversing";
        }

        @Override
        public byte[] encode(byte[] data) {
            byte[] reversed = new byte[data.length];
            for (int i = 0; i < data.length; i++) {
                reversed[i] = data[data.length - 1 - i];
            }
            return reversed;
        }

        @Override
        public byte[] decode(byte[] data) {
            return encode(data);
        }
    }

    /** A codec whose constructor fails, as one that cannot find its key would. */
    public static final class Keyless implements PayloadCodec {
        public Keyless() {
            throw new IllegalStateException("no key in vault.key");
        }

        @Override
        public String name() {
            return "keyless";
        }

        @Override
        public byte[] encode(byte[] data) {
            return data;
        }

        @Override
        public byte[] decode(byte[] data) {
            return data;
        }
    }

    private static final ClassLoader LOADER = PayloadCodecsTest.class.getClassLoader();

    @Test
    void newInstanceCreatesTheCodecOfAClassName() {
        PayloadCodec codec = PayloadCodecs.newInstance(Reversing.class.getName(), LOADER);

        assertThat(codec).isInstanceOf(Reversing.class);
        assertThat(codec.name()).isEqualTo("reversing");
    }

    @Test
    void newInstanceOfAnUnknownClassSaysSoWithTheLoadersExceptionAsCause() {
        assertThatThrownBy(() -> PayloadCodecs.newInstance("com.acme.VaultCodec", LOADER))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no such class on the class path")
                .hasCauseInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void newInstanceOfAClassThatIsNoCodecSaysWhatItMustImplement() {
        assertThatThrownBy(() -> PayloadCodecs.newInstance("java.lang.String", LOADER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the class does not implement dev.hourglass.common.PayloadCodec; name a class that does")
                .hasNoCause();
    }

    @Test
    void newInstanceOfACodecWhoseConstructorFailsGivesWhatItThrew() {
        assertThatThrownBy(() -> PayloadCodecs.newInstance(Keyless.class.getName(), LOADER))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("its constructor failed")
                .hasRootCauseMessage("no key in vault.key");
    }
}
