package io.attune.cli;

import io.attune.core.identity.LeadId;
import io.attune.core.model.ScoringModel;
import io.attune.core.workspace.WorkspaceId;
import io.attune.server.backtest.Backtest;
import io.attune.server.backtest.BacktestBodies;
import io.attune.server.backtest.Backtester;
import io.attune.server.http.ApiJson;
import io.attune.store.Store;
import io.attune.store.db.StoreLocation;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** What {@code attune backtest} and {@code attune evaluate} share: the store, the window, the outputs. */
final class BacktestRun {
    @Mixin
    StoreOptions store;

    @Option(names = "--workspace", required = true, paramLabel = "ID", converter = OutboxCommand.WorkspaceIdConverter.class,
            description = "the workspace whose stored events are replayed")
    WorkspaceId workspace;

    @Option(names = "--from", paramLabel = "DATE", converter = Start.class,
            description = "count MQLs from this date or ISO-8601 time (default: all)")
    Instant from;

    @Option(names = "--to", paramLabel = "DATE", converter = End.class,
            description = "replay events up to the end of this date or this time; scores are as of it (default: now)")
    Instant to;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text or json")
    OutputFormat format;

    @Option(names = "--report", paramLabel = "FILE.html", description = "write an HTML report with charts")
    Path report;

    /**
     * Opens the store, lets {@code candidate} pick the model from it, replays and writes the outputs.
     * A SQLite directory without a store is refused rather than created.
     */
    int run(PrintWriter out, Function<Store, ScoringModel> candidate, BacktestReport.Sides sides, String title)
            throws Exception {
        StoreLocation location = store.location();
        if (location instanceof StoreLocation.SqliteDirectory sqlite
                && !Files.isRegularFile(sqlite.directory().resolve("attune.db"))) {
            throw new IllegalArgumentException("no Attune store in " + sqlite.directory()
                    + " (give its directory with --data or a database with --db)");
        }
        Clock clock = Clock.systemUTC();
        Backtest backtest;
        ScoringModel model;
        try (Store opened = store.open(clock)) {
            if (opened.workspaces().workspace(workspace).isEmpty()) {
                throw new IllegalArgumentException("no workspace " + workspace + " in this store");
            }
            model = candidate.apply(opened);
            Backtester backtester = new Backtester(opened.queries(), opened.outcomes(), opened.models(),
                    opened.workspaces(), opened.classifications());
            List<LeadId> leads = backtester.leadsOf(workspace, model);
            backtest = backtester.run(workspace, model, Optional.ofNullable(from),
                    to == null ? clock.instant() : to, leads, replayed -> { });
        }
        if (report != null) {
            Files.writeString(report, BacktestReport.html(backtest, sides,
                    title + ": " + model.version()), StandardCharsets.UTF_8);
        }
        if (format == OutputFormat.json) {
            out.println(ApiJson.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(BacktestBodies.result(backtest)));
            out.flush();
        } else {
            BacktestReport.text(out, backtest, sides);
        }
        return 0;
    }

    static final class Start implements CommandLine.ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            return instant(value, false);
        }
    }

    static final class End implements CommandLine.ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            return instant(value, true);
        }
    }

    private static Instant instant(String value, boolean endOfDay) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notAnInstant) {
            try {
                LocalDate date = LocalDate.parse(value);
                return endOfDay ? date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1)
                        : date.atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a date (2026-10-01) or "
                        + "ISO-8601 time (2026-10-01T09:00:00Z)");
            }
        }
    }
}
