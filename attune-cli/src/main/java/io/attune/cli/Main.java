package io.attune.cli;

import picocli.CommandLine;

/** The {@code attune} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(AttuneCommand.commandLine().execute(args));
    }
}
