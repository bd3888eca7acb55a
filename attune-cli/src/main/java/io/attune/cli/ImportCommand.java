package io.attune.cli;

import io.attune.cli.importing.CsvImport;
import io.attune.cli.importing.HttpSink;
import io.attune.cli.importing.ImportMapping;
import io.attune.cli.importing.MessageSink;
import io.attune.cli.importing.StoreSink;
import io.attune.core.workspace.WorkspaceId;
import io.attune.store.Store;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code attune import}: a CSV of leads or events, through a mapping file, into a running server
 * ({@code --url} and {@code --write-key}) or straight into a store ({@code --workspace}, with the
 * server stopped). Exit code 3 when some rows were rejected.
 */
@Command(name = "import", description = "Imports a CSV of leads or events with a mapping file. Rows that fail are "
        + "reported with their line numbers and written to a reject file.")
final class ImportCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the CSV file, with a header row")
    Path csv;

    @Option(names = "--mapping", required = true, paramLabel = "FILE", description = "the mapping YAML")
    Path mapping;

    @Option(names = "--sep", defaultValue = ",", paramLabel = "C", description = "column separator (default ',')")
    char separator;

    @Option(names = "--rejects", paramLabel = "FILE", description = "where rejected rows go (default FILE.rejects.csv)")
    Path rejects;

    @Option(names = "--url", paramLabel = "URL", description = "a running server, e.g. http://127.0.0.1:8080")
    URI url;

    @Option(names = "--write-key", paramLabel = "KEY", description = "the workspace's write key (with --url)")
    String writeKey;

    @Option(names = "--workspace", paramLabel = "ID", description = "write straight into this workspace's store "
            + "(with --data or --db; stop the server first)")
    String workspace;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() throws Exception {
        ImportMapping read = ImportMapping.read(mapping);
        Path rejectFile = rejects != null ? rejects : csv.resolveSibling(csv.getFileName() + ".rejects.csv");
        CsvImport.Summary summary;
        if ((url == null) == (workspace == null) || (url != null) != (writeKey != null)) {
            throw new IllegalArgumentException("send to a running server with --url and --write-key, or into a "
                    + "store with --workspace (and --data or --db)");
        }
        if (url != null) {
            try (MessageSink sink = new HttpSink(url, writeKey)) {
                summary = new CsvImport(read, separator).run(csv, rejectFile, sink);
            }
        } else {
            WorkspaceId id = new WorkspaceId(workspace);
            try (Store opened = store.open(Clock.systemUTC())) {
                if (opened.workspaces().workspace(id).isEmpty()) {
                    throw new IllegalArgumentException("no workspace " + id + " in this store");
                }
                summary = new CsvImport(read, separator).run(csv, rejectFile, new StoreSink(opened, id,
                        Clock.systemUTC()));
            }
        }
        spec.commandLine().getOut().printf("%d rows read, %d imported, %d rejected%s%n", summary.rows(),
                summary.accepted(), summary.rejected(), summary.rejected() == 0 ? ""
                        : " (written with line numbers and reasons to " + summary.rejectFile() + ")");
        return summary.rejected() == 0 ? 0 : 3;
    }
}
