package io.attune.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command tree; each subcommand is one operation. */
@Command(name = "attune", mixinStandardHelpOptions = true, version = "attune 0.1.0",
        description = "Scores, decays and qualifies leads for mental and behavioral health organisations.",
        subcommands = {ServeCommand.class, WorkspaceCommand.class, DemoCommand.class, ImportCommand.class,
                ScoreCommand.class, RebuildCommand.class, OutcomesCommand.class, OutboxCommand.class,
                AuditCommand.class, KeysCommand.class, LeadCommand.class, TrainCommand.class, LintCommand.class,
                BacktestCommand.class, EvaluateCommand.class, DriftCommand.class, ProposeCommand.class})
public final class AttuneCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The command line with Attune's conventions: bad options exit 2 with a message, failures exit 1. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new AttuneCommand());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler((exception, line, parsed) -> {
            line.getErr().println("attune: " + (exception.getMessage() == null
                    ? exception.getClass().getSimpleName() : exception.getMessage()));
            return 1;
        });
        return commandLine;
    }
}
