package io.attune.cli;

import io.attune.cli.outcomes.HttpOutcomeSink;
import io.attune.cli.outcomes.OutcomeImport;
import io.attune.cli.outcomes.OutcomeMapping;
import io.attune.cli.outcomes.OutcomeSink;
import io.attune.cli.outcomes.StoreOutcomeSink;
import io.attune.core.outcome.OutcomeSource;
import io.attune.core.workspace.WorkspaceId;
import io.attune.store.Store;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code attune outcomes import}: what became of leads in the CRM. */
@Command(name = "outcomes", description = "Outcomes from the CRM (sql, opportunity, won, lost), kept for model "
        + "evaluation.", subcommands = OutcomesCommand.Import.class)
final class OutcomesCommand {

    @Command(name = "import", description = "Imports a CSV of CRM status updates into a running server (--url and "
            + "--key, an admin API key) or straight into a store (--workspace, with the server stopped). Each lead's "
            + "stage moves where the lifecycle allows it; the same update imported twice is stored once. Rows for "
            + "unknown leads and rows that fail are written with their line numbers and reasons to a reject file. "
            + "Exit code 3 when some rows were rejected.")
    static final class Import implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "the CSV file, with a header row")
        Path csv;

        @Option(names = "--mapping", paramLabel = "FILE", description = "a mapping YAML naming the CRM's columns and "
                + "status values; without one the columns are lead_id/user_id/email, status, at, amount, currency, "
                + "crm_id and budget/authority/need/timeline")
        Path mapping;

        @Option(names = "--source", defaultValue = "csv", paramLabel = "NAME", description = "where the updates come "
                + "from, e.g. salesforce (default ${DEFAULT-VALUE})")
        String source;

        @Option(names = "--sep", defaultValue = ",", paramLabel = "C", description = "column separator (default ',')")
        char separator;

        @Option(names = "--rejects", paramLabel = "FILE",
                description = "where rejected rows go (default FILE.rejects.csv)")
        Path rejects;

        @Option(names = "--url", paramLabel = "URL", description = "a running server, e.g. http://127.0.0.1:8080")
        URI url;

        @Option(names = "--key", paramLabel = "KEY", description = "an admin API key of the workspace (with --url)")
        String key;

        @Option(names = "--workspace", paramLabel = "ID", description = "write straight into this workspace's store "
                + "(with --data or --db; stop the server first)")
        String workspace;

        @Mixin
        StoreOptions store;

        @Override
        public Integer call() throws Exception {
            if ((url == null) == (workspace == null) || (url != null) != (key != null)) {
                throw new IllegalArgumentException("send to a running server with --url and --key, or into a store "
                        + "with --workspace (and --data or --db)");
            }
            OutcomeSource from;
            try {
                from = new OutcomeSource(source);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--source: " + e.getMessage());
            }
            Optional<OutcomeMapping> columns = mapping == null ? Optional.empty()
                    : Optional.of(OutcomeMapping.read(mapping));
            Path rejectFile = rejects != null ? rejects : csv.resolveSibling(csv.getFileName() + ".rejects.csv");
            OutcomeImport run = new OutcomeImport(columns, separator, from);
            OutcomeImport.Summary summary;
            if (url != null) {
                try (OutcomeSink sink = new HttpOutcomeSink(url, key)) {
                    summary = run.run(csv, rejectFile, sink);
                }
            } else {
                WorkspaceId id = new WorkspaceId(workspace);
                Clock clock = Clock.systemUTC();
                try (Store opened = store.open(clock)) {
                    if (opened.workspaces().workspace(id).isEmpty()) {
                        throw new IllegalArgumentException("no workspace " + id + " in this store");
                    }
                    summary = run.run(csv, rejectFile, new StoreOutcomeSink(opened, id, clock));
                }
            }
            print(summary, spec.commandLine().getOut());
            return summary.rejected() == 0 ? 0 : 3;
        }

        private static void print(OutcomeImport.Summary summary, PrintWriter out) {
            out.printf("%d rows read, %d stored, %d duplicates, %d ignored, %d rejected (%d unknown leads, "
                            + "%d invalid)%s%n", summary.rows(), summary.stored(), summary.duplicates(),
                    summary.ignored(), summary.rejected(), summary.unknownLeads(), summary.invalid(),
                    summary.rejected() == 0 ? ""
                            : "; written with line numbers and reasons to " + summary.rejectFile());
            out.printf("%d moved their lead's stage, %d left it as it was%n", summary.moved(),
                    summary.stored() - summary.moved());
            for (Map.Entry<String, Integer> reason : summary.unchanged().entrySet()) {
                out.printf("  %d: %s%n", reason.getValue(), reason.getKey());
            }
        }
    }
}
