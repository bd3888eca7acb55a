package io.attune.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the {@code attune} command in-process, as {@code Main} would, and keeps what it printed. */
final class Cli {
    private Cli() {
    }

    /** One run: the exit code and everything written to standard output and standard error. */
    record Run(int exit, String out, String err) {
        /** For assertion descriptions: the whole run, so that a failure shows what the command said. */
        String describe() {
            return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = AttuneCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}
