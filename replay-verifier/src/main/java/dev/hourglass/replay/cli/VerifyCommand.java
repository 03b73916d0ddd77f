package dev.hourglass.replay.cli;

import dev.hourglass.replay.ReplayGate;
import dev.hourglass.replay.ReplayReport;
import dev.hourglass.replay.ReplayResult;
import dev.hourglass.replay.cli.HistoryFiles.HistoryFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hourglass-replay verify}: runs the replay gate over history files and exits with what it found. */
@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = RootCommand.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Replays recorded histories against workflow classes and reports whether the code still makes"
                + " the recorded decisions.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every history is compatible",
            "1:some history is incompatible, and the input is good",
            "2:bad input or usage: a missing file or directory, an unknown class, a history in error, ..."})
final class VerifyCommand implements Callable<Integer> {

    /** The formats of the report. */
    enum Format {
        text, junit, json
    }

    @Spec
    private CommandSpec spec;

    @Option(names = "--histories", required = true, arity = "1..*", paramLabel = "PATH",
            description = "History files, or directories searched recursively for *.json and *.json.gz files."
                    + " Repeatable; takes several values.")
    private List<Path> histories;

    @Option(names = "--workflows", required = true, split = ",", paramLabel = "CLASS",
            description = "Workflow implementation classes, by name, separated by commas.")
    private List<String> workflows;

    @Option(names = "--classpath", paramLabel = "CP",
            description = "Jars and directories to load the workflow classes from, separated by the platform's"
                    + " path separator, in addition to the class path of this command.")
    private String classPath;

    @Option(names = "--strict",
            description = "Argument, duration and result differences make a history incompatible, not a warning.")
    private boolean strict;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "The report's format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Writes the report to FILE and a summary line to standard output; without it, the report"
                    + " goes to standard output.")
    private Path output;

    @Option(names = "--shard", paramLabel = "i/n", converter = ShardConverter.class,
            description = "Verifies only shard i of n (numbered from 1): the files whose path relative to their"
                    + " --histories directory, with '/' separators, has a CRC32 that is i - 1 modulo n.")
    private Shard shard = Shard.ALL;

    @Option(names = "--codec", paramLabel = "CLASS",
            description = "Decodes payloads encoded with this payload codec: a class that implements"
                    + " dev.hourglass.common.PayloadCodec with a public no-argument constructor (which gets its key"
                    + " itself, from a file or a system property, say), on the class path of this command or"
                    + " --classpath. Repeat for each codec the histories were recorded with; in any order.")
    private List<String> codecs = new ArrayList<>();

    @Option(names = "--parallelism", paramLabel = "N",
            description = "How many histories are replayed at once (default: the number of processors).")
    private Integer parallelism;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (parallelism != null && parallelism < 1) {
            throw new BadInputException("--parallelism must be at least 1, not " + parallelism);
        }
        List<HistoryFile> files = HistoryFiles.select(HistoryFiles.list(histories), shard);
        ReplayReport report;
        try (WorkflowClasses classes = WorkflowClasses.open(classPath)) {
            ReplayGate.Builder gate = ReplayGate.newBuilder()
                    .registerWorkflowImplementationTypes(classes.load(workflows).toArray(new Class<?>[0]))
                    .setStrict(strict)
                    .setPayloadCodecs(classes.codecs(codecs));
            if (parallelism != null) {
                gate.setParallelism(parallelism);
            }
            files.forEach(file -> gate.addHistories(file.path()));
            ReplayGate built;
            try {
                built = gate.build();
            } catch (IllegalArgumentException e) {
                throw new BadInputException(e.getMessage(), e);
            }
            report = built.run();
        }
        String rendered = render(report);
        if (output == null) {
            out.print(rendered);
        } else {
            write(rendered);
            out.println(summary(report) + "; report in " + output);
        }
        out.flush();
        for (ReplayResult result : report.getResults(ReplayResult.Status.ERROR)) {
            err.println(RootCommand.PREFIX + reason(result));
        }
        err.flush();
        if (!report.getResults(ReplayResult.Status.ERROR).isEmpty()) {
            return HourglassReplay.BAD_INPUT;
        }
        return report.isCompatible() ? HourglassReplay.COMPATIBLE : HourglassReplay.INCOMPATIBLE;
    }

    private String render(ReplayReport report) {
        switch (format) {
            case junit:
                return report.toJUnitXml();
            case json:
                return report.toJson();
            default:
                return report.toText();
        }
    }

    private void write(String report) {
        try {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(output, report, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException("cannot write the report to " + output + ": " + e, e);
        }
    }

    /** "12 histories: 11 compatible, 1 incompatible (1 open), 0 in error", with the shard when there is one. */
    private String summary(ReplayReport report) {
        List<ReplayResult> incompatible = report.getResults(ReplayResult.Status.INCOMPATIBLE);
        int total = report.getResults().size();
        return total + (total == 1 ? " history" : " histories") + (shard.count() > 1 ? " (shard " + shard + ")" : "")
                + ": " + report.getResults(ReplayResult.Status.COMPATIBLE).size() + " compatible, "
                + incompatible.size() + " incompatible (" + incompatible.stream().filter(ReplayResult::isOpen).count()
                + " open), " + report.getResults(ReplayResult.Status.ERROR).size() + " in error";
    }

    /** One line on why a history is in error, naming its file. */
    private static String reason(ReplayResult result) {
        String message = result.getFailure().map(failure -> failure.getMessage() != null ? failure.getMessage()
                : failure.toString()).orElse("in error");
        String line = message.lines().findFirst().orElse(message).strip();
        return line.contains(result.getSource()) ? line : result.getSource() + ": " + line;
    }

    /** Parses {@code --shard i/n}. */
    static final class ShardConverter implements picocli.CommandLine.ITypeConverter<Shard> {
        @Override
        public Shard convert(String value) {
            return Shard.parse(value);
        }
    }
}
