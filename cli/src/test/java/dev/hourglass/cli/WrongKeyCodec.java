package dev.hourglass.cli;

import dev.hourglass.common.PayloadCodec;
import dev.hourglass.common.PayloadCodecs;
import javax.crypto.spec.SecretKeySpec;
import org.apiguardian.api.API;

/** A codec under the key id of {@link TestKeyCodec}, {@code cli-test}, but with another key. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class WrongKeyCodec implements PayloadCodec {

    private final PayloadCodec aes = PayloadCodecs.aesGcm("cli-test", new SecretKeySpec(new byte[16], "AES"));

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
