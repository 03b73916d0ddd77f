package dev.hourglass.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs the command line in-process and keeps what it printed. */
record Cli(int exitCode, String out, String err) {

    static Cli run(String... args) {
        return run(Map.of(), args);
    }

    static Cli run(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = HourglassCli.run(new PrintWriter(out), new PrintWriter(err), environment, args);
        return new Cli(exitCode, out.toString(), err.toString());
    }

    /** Standard output as lines. */
    java.util.List<String> lines() {
        return out.lines().toList();
    }
}
