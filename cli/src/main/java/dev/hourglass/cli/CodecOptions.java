package dev.hourglass.cli;

import dev.hourglass.common.PayloadCodec;
import dev.hourglass.common.PayloadCodecException;
import dev.hourglass.common.PayloadCodecs;
import dev.hourglass.history.History;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --codec} option: payload codecs, by class name, that decode the payloads a command prints. */
final class CodecOptions {

    @Option(names = "--codec", paramLabel = "CLASS", order = 90,
            description = {"Decodes payloads encoded with this payload codec: a class on the class path that"
                    + " implements dev.hourglass.common.PayloadCodec with a public no-argument constructor (which"
                    + " gets its key itself, from a file or a system property, say). Repeat for each codec; in any"
                    + " order. Without it, encoded payloads show as 'encoded with NAMES'."})
    List<String> classNames = new ArrayList<>();

    /** Whether no codec was given. */
    boolean isEmpty() {
        return classNames.isEmpty();
    }

    /** {@code history} with the payloads the codecs encoded decoded; {@code history} itself without codecs. */
    History decode(History history) {
        if (classNames.isEmpty()) {
            return history;
        }
        try {
            return history.withDecodedPayloads(codecs());
        } catch (PayloadCodecException e) {
            throw CliException.failed("cannot decode a payload of " + history.getWorkflowId() + " (run "
                    + history.getRunId() + ") with the codec " + e.getCodecName() + ": "
                    + RootCommand.oneLine(e.getMessage()), e);
        }
    }

    private List<PayloadCodec> codecs() {
        List<PayloadCodec> codecs = new ArrayList<>();
        for (String name : classNames) {
            codecs.add(instantiate(name));
        }
        return codecs;
    }

    private static PayloadCodec instantiate(String name) {
        try {
            return PayloadCodecs.newInstance(name, CodecOptions.class.getClassLoader());
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--codec " + name + ": " + e.getMessage() + (e.getCause() != null
                    ? "; run hourglass with the jar that holds it on the class path: java -cp"
                            + " hourglass-cli.jar:your-codecs.jar dev.hourglass.cli.HourglassCli ..." : ""));
        } catch (IllegalStateException e) {
            throw CliException.failed("--codec " + name + ": " + e.getMessage(), e.getCause());
        }
    }
}
