package io.attune.cli;

import io.attune.core.model.Segment;
import io.attune.core.workspace.WorkspaceId;
import io.attune.server.drift.Drift;
import io.attune.server.drift.DriftBodies;
import io.attune.server.drift.DriftBounds;
import io.attune.server.drift.DriftCheck;
import io.attune.server.drift.DriftSampler;
import io.attune.server.http.ApiJson;
import io.attune.store.Store;
import io.attune.store.db.StoreLocation;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "drift", description = "Score drift of a segment's active model over the last complete weeks: "
        + "each week's score distribution and conversion, conversion by score decile, and alerts when the latest "
        + "week's scores (PSI) or conversion by score band (calibration error) moved beyond the bounds. Exit code 3 "
        + "when an alert is raised. Only reads; safe while the server runs.")
final class DriftCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(names = "--workspace", required = true, paramLabel = "ID", converter = OutboxCommand.WorkspaceIdConverter.class,
            description = "the workspace whose leads are checked")
    WorkspaceId workspace;

    @Option(names = "--segment", paramLabel = "SEGMENT", description = "default: the workspace's default segment")
    String segment;

    @Option(names = "--weeks", defaultValue = "" + DriftCheck.DEFAULT_WEEKS, paramLabel = "N",
            description = "complete weeks, the latest included (2 to " + DriftCheck.MAX_WEEKS + "; default ${DEFAULT-VALUE})")
    int weeks;

    @Option(names = "--max-psi", defaultValue = "0.2", paramLabel = "X",
            description = "PSI above which the distribution alert is raised (default ${DEFAULT-VALUE})")
    double maxPsi;

    @Option(names = "--max-calibration-error", defaultValue = "0.1", paramLabel = "X",
            description = "calibration error above which the calibration alert is raised (default ${DEFAULT-VALUE})")
    double maxCalibrationError;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text or json")
    OutputFormat format;

    @Option(names = "--report", paramLabel = "FILE.html", description = "write an HTML report with charts")
    Path report;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    @Override
    public Integer call() throws Exception {
        if (weeks < 2 || weeks > DriftCheck.MAX_WEEKS) {
            throw new IllegalArgumentException("--weeks must be from 2 to " + DriftCheck.MAX_WEEKS);
        }
        DriftBounds bounds;
        try {
            bounds = new DriftBounds(maxPsi, maxCalibrationError);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--max-psi or --max-calibration-error: " + e.getMessage());
        }
        StoreLocation location = store.location();
        if (location instanceof StoreLocation.SqliteDirectory sqlite
                && !Files.isRegularFile(sqlite.directory().resolve("attune.db"))) {
            throw new IllegalArgumentException("no Attune store in " + sqlite.directory()
                    + " (give its directory with --data or a database with --db)");
        }
        Clock clock = Clock.systemUTC();
        Drift drift;
        try (Store opened = store.open(clock)) {
            if (opened.workspaces().workspace(workspace).isEmpty()) {
                throw new IllegalArgumentException("no workspace " + workspace + " in this store");
            }
            DriftCheck check = new DriftCheck(new DriftSampler(opened.queries(), opened.outcomes(),
                    opened.workspaces(), opened.classifications()), opened.models());
            Segment chosen = segment == null ? check.defaultSegment(workspace) : Segment.fromWireName(segment)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "--segment must be consumer, employer, payer, referral or community"));
            drift = check.check(workspace, chosen, weeks, bounds, clock.instant());
        }
        if (report != null) {
            Files.writeString(report, DriftReport.html(drift), StandardCharsets.UTF_8);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.json) {
            out.println(ApiJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(DriftBodies.of(drift)));
        } else {
            DriftReport.text(out, drift);
        }
        out.flush();
        return drift.alerts().isEmpty() ? 0 : 3;
    }
}
