package dev.hourglass.replay.cli;

import dev.hourglass.common.PayloadCodec;
import dev.hourglass.common.PayloadCodecs;
import javax.crypto.spec.SecretKeySpec;

/**
 * The codec that {@code --codec} loads in the tests: AES-GCM under a fixed key of id {@code gate-test}. A real one
 * would read its key in its constructor, from a file or a system property.
 */
public final class GateKeyCodec implements PayloadCodec {

    private final PayloadCodec aes = PayloadCodecs.aesGcm("gate-test", new SecretKeySpec(new byte[] {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}, "AES"));

    @Override
    public String name() {
        return aes.name();
    }

    @Override
    public byte[] encode(byte[] data) {
        return aes.encode(data);
    }

    @Override
    public byte[] decode(byte[] data) {
        return aes.decode(data);
    }
}
