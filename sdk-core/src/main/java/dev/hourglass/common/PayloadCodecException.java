package dev.hourglass.common;

import org.apiguardian.api.API;

/**
 * Thrown when a payload's codecs cannot decode it: a codec it was encoded with is not configured, a key is
 * missing or is not the one it was encrypted with, or its bytes were altered.
 *
 * <p>In workflow code it fails the workflow task, like a bug, so the execution resumes once the worker is
 * given the right codecs; on a client it is thrown by the call that reads the payload.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class PayloadCodecException extends DataConverterException {

    private static final long serialVersionUID = 1L;

    private final String codecName;

    /**
     * Creates an exception about the codec named {@code codecName}.
     *
     * @param codecName the name of the codec that could not decode, as recorded, such as {@code aes-gcm(k1)};
     *     never {@code null}
     * @param message what was expected, what happened and what to do; never {@code null}
     * @param cause the underlying failure; may be {@code null}
     */
    public PayloadCodecException(String codecName, String message, Throwable cause) {
        super(message, cause);
        this.codecName = codecName;
    }

    /**
     * Returns the name of the codec that could not decode, as recorded with the payload.
     *
     * @return the codec name, such as {@code aes-gcm(k1)}; never {@code null}
     */
    public String getCodecName() {
        return codecName;
    }
}
