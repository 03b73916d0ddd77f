package dev.hourglass.internal.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hourglass.common.DataConverter;
import dev.hourglass.common.DataConverterException;
import dev.hourglass.common.PayloadCodec;
import dev.hourglass.common.PayloadCodecException;
import dev.hourglass.common.PayloadCodecs;
import dev.hourglass.internal.history.JsonPayload;
import java.math.BigDecimal;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class PayloadCodecChainTest {

    static final PayloadCodec AES = PayloadCodecs.aesGcm("k1", new SecretKeySpec(new byte[16], "AES"));
    static final PayloadConverter ENCRYPTING = PayloadConverter.of(DataConverter.getDefault(),
            List.of(PayloadCodecs.gzip(), AES));

    /** Reverses the bytes: a codec of the application's own. */
    static final PayloadCodec REVERSE = new PayloadCodec() {
        @Override
        public String name() {
            return "reverse";
        }

        @Override
        public byte[] encode(byte[] data) {
            byte[] out = new byte[data.length];
            for (int i = 0; i < data.length; i++) {
                out[i] = data[data.length - 1 - i];
            }
            return out;
        }

        @Override
        public byte[] decode(byte[] data) {
            return encode(data);
        }
    };

    @Test
    void encodedValueIsAnObjectNamingTheCodecsInTheOrderApplied() {
        JsonNode encoded = ENCRYPTING.toJson("alice");

        assertThat(encoded.get("encoding").asText()).isEqualTo("hourglass/encoded");
        assertThat(encoded.get("codecs").toString()).isEqualTo("[\"gzip\",\"aes-gcm(k1)\"]");
        assertThat(encoded.get("data").isTextual()).isTrue();
        assertThat(encoded.size()).isEqualTo(3);
    }

    @Test
    void decodedValueEqualsTheEncodedOneToTheLastDigit() {
        JsonNode encoded = ENCRYPTING.toJson(new BigDecimal("420.00"));

        assertThat(ENCRYPTING.fromJson(encoded, BigDecimal.class, BigDecimal.class)).isEqualTo(new BigDecimal("420.00"));
    }

    @Test
    void argumentsStayAJsonArrayOfOneEncodedValueEach() {
        JsonNode array = ENCRYPTING.toJsonArray(new Object[] {"alice", 100});

        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(2).allSatisfy(element -> assertThat(PayloadCodecChain.isEncoded(element)).isTrue());
        assertThat(ENCRYPTING.fromJsonArray(array, new Class<?>[] {String.class, int.class},
                new Class<?>[] {String.class, int.class})).containsExactly("alice", 100);
    }

    @Test
    void aCodecOfTheApplicationsOwnEncodesAndDecodes() {
        PayloadConverter reversing = PayloadConverter.of(DataConverter.getDefault(), List.of(REVERSE));

        JsonNode encoded = reversing.toJson("abc");

        assertThat(reversing.fromJson(encoded, String.class, String.class)).isEqualTo("abc");
        assertThat(encoded.get("codecs").toString()).isEqualTo("[\"reverse\"]");
    }

    @Test
    void converterWithoutTheCodecFailsNamingItAndWhatItDecodes() {
        JsonNode encoded = ENCRYPTING.toJson("alice");

        assertThatThrownBy(() -> PayloadConverter.getDefault().fromJson(encoded, String.class, String.class,
                "the result of activity withdraw"))
                .isInstanceOfSatisfying(PayloadCodecException.class,
                        e -> assertThat(e.getCodecName()).isEqualTo("aes-gcm(k1)"))
                .hasMessageStartingWith("cannot decode the result of activity withdraw: cannot decode a payload"
                        + " encoded with gzip,aes-gcm(k1): no codec for aes-gcm(k1) is configured (there are no"
                        + " payload codecs)");
    }

    @Test
    void plainJsonStillDecodesWithCodecsConfigured() {
        assertThat(ENCRYPTING.fromJson(JsonPayload.parse("\"alice\"").node(), String.class, String.class))
                .isEqualTo("alice");
    }

    @Test
    void decodeAllReplacesEncodedValuesAtAnyDepthAndLeavesThoseItCannotDecode() {
        JsonNode failure = JsonPayload.parse("{\"message\":\"refused\",\"details\":[" + ENCRYPTING.toJson("x")
                + "," + PayloadConverter.of(DataConverter.getDefault(), List.of(REVERSE)).toJson("y") + "]}").node();

        JsonNode decoded = ENCRYPTING.codecs().decodeAll(failure, true);

        assertThat(decoded.get("details").get(0).asText()).isEqualTo("x");
        assertThat(PayloadCodecChain.isEncoded(decoded.get("details").get(1))).isTrue();
        assertThat(PayloadCodecChain.isEncoded(failure.get("details").get(0))).as("the original is not modified")
                .isTrue();
    }

    @Test
    void aCodecThatFailsIsNamedInTheException() {
        PayloadCodec broken = new PayloadCodec() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public byte[] encode(byte[] data) {
                return data;
            }

            @Override
            public byte[] decode(byte[] data) {
                throw new IllegalStateException("no license");
            }
        };
        PayloadConverter converter = PayloadConverter.of(DataConverter.getDefault(), List.of(broken));

        assertThatThrownBy(() -> converter.fromJson(converter.toJson(1), int.class, int.class))
                .isInstanceOf(PayloadCodecException.class)
                .hasMessageContaining("the codec broken (")
                .hasMessageContaining("failed: java.lang.IllegalStateException: no license");
    }

    @Test
    void malformedEncodedValueIsRefusedAsAnAlteredHistory() {
        JsonNode altered = JsonPayload.parse("{\"encoding\":\"hourglass/encoded\",\"codecs\":[\"gzip\"]}").node();

        assertThatThrownBy(() -> ENCRYPTING.fromJson(altered, String.class, String.class))
                .isInstanceOf(DataConverterException.class)
                .hasMessageContaining("needs a \"codecs\" array and a \"data\" string");
    }

    @Test
    void codecWithACommaInItsNameIsRefused() {
        PayloadCodec commas = new PayloadCodec() {
            @Override
            public String name() {
                return "a,b";
            }

            @Override
            public byte[] encode(byte[] data) {
                return data;
            }

            @Override
            public byte[] decode(byte[] data) {
                return data;
            }
        };

        assertThatThrownBy(() -> PayloadCodecChain.of(List.of(commas)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is named 'a,b'");
    }
}
