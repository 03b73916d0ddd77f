package dev.hourglass.cli;

import dev.hourglass.common.PayloadCodec;
import dev.hourglass.common.PayloadCodecs;
import javax.crypto.spec.SecretKeySpec;
import org.apiguardian.api.API;

/**
 * The codec that {@code --codec} loads in the tests: AES-GCM under a fixed key of id {@code cli-test}. A real one
 * would read its key in its constructor, from a file or a system property.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class TestKeyCodec implements PayloadCodec {

    private final PayloadCodec aes = PayloadCodecs.aesGcm("cli-test", new SecretKeySpec(new byte[] {
        9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 1, 2, 3, 4, 5, 6}, "AES"));

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
