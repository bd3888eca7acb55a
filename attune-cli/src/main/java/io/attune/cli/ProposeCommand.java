package io.attune.cli;

import io.attune.core.model.ModelVersion;
import io.attune.core.model.StoredModel;
import io.attune.core.workspace.Principal;
import io.attune.core.workspace.Role;
import io.attune.core.workspace.WorkspaceId;
import io.attune.server.backtest.Backtester;
import io.attune.server.http.ApiJson;
import io.attune.server.jobs.BackgroundJobs;
import io.attune.server.proposal.Proposal;
import io.attune.server.proposal.ProposalBodies;
import io.attune.server.proposal.ProposalRequest;
import io.attune.server.proposal.RuleProposer;
import io.attune.store.Store;
import io.attune.store.db.StoreLocation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "propose", description = "Proposes rule points for a stored model version from the workspace's stored "
        + "outcomes (a regularised logistic regression on each rule's points at the lead's cut-off) and stores them as "
        + "a new draft version of the same model for review: propose, approve by an approver, activate. Prints the "
        + "per-rule report and the held-out ROC AUCs of the proposal and of the version's own scores.")
final class ProposeCommand implements Callable<Integer> {
    /** The draft's author as the audit log and the four-eyes rule see it: key:cli. */
    static final String AUTHOR = "cli";

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(names = "--workspace", required = true, paramLabel = "ID", converter = OutboxCommand.WorkspaceIdConverter.class,
            description = "the workspace whose outcomes are learned from")
    WorkspaceId workspace;

    @Option(names = "--from", required = true, paramLabel = "VERSION", description = "the base version, e.g. consumer-starter@1")
    String from;

    @Option(names = "--as-of", paramLabel = "DATE", converter = BacktestRun.End.class,
            description = "outcomes up to the end of this date or this time are known (default: now)")
    Instant asOf;

    @Option(names = "--stale-mql-days", paramLabel = "N",
            description = "count an MQL this many days old with no SQL as negative (default: leave it out)")
    Integer staleMqlDays;

    @Option(names = "--include-learned", description = "also write the learned: section into the draft")
    boolean includeLearned;

    @Option(names = "--learned-points", paramLabel = "N", description = "the learned term's points (default: the threshold)")
    Integer learnedPoints;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "seed of the held-out split (default 42)")
    long seed;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text or json")
    OutputFormat format;

    @Option(names = "--report", paramLabel = "FILE.html", description = "write an HTML report")
    Path report;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    @Override
    public Integer call() throws Exception {
        ModelVersion base = ModelVersion.parse(from);
        ProposalRequest request = new ProposalRequest(base, asOf == null ? Instant.now() : asOf,
                staleMqlDays == null ? OptionalInt.empty() : OptionalInt.of(staleMqlDays), includeLearned,
                learnedPoints == null ? OptionalInt.empty() : OptionalInt.of(learnedPoints), seed);
        if (store.location() instanceof StoreLocation.SqliteDirectory sqlite
                && !Files.isRegularFile(sqlite.directory().resolve("attune.db"))) {
            throw new IllegalArgumentException("no Attune store in " + sqlite.directory()
                    + " (give its directory with --data or a database with --db)");
        }
        Clock clock = Clock.systemUTC();
        Proposal proposal;
        try (Store opened = store.open(clock)) {
            if (opened.workspaces().workspace(workspace).isEmpty()) {
                throw new IllegalArgumentException("no workspace " + workspace + " in this store");
            }
            StoredModel stored = opened.models().model(workspace, base).orElseThrow(() ->
                    new IllegalArgumentException("no model version " + base + " in workspace " + workspace));
            Backtester backtester = new Backtester(opened.queries(), opened.outcomes(), opened.models(),
                    opened.workspaces(), opened.classifications());
            RuleProposer proposer = new RuleProposer(backtester, opened.queries(), opened.outcomes(), opened.models(),
                    opened.modelVersions(), clock);
            proposal = proposer.propose(workspace, stored, request, new Principal(workspace, Role.ADMIN, AUTHOR),
                    new BackgroundJobs.Progress() {
                        @Override
                        public void total(long total) {
                        }

                        @Override
                        public void processed(long processed) {
                        }
                    });
        }
        if (report != null) {
            Files.writeString(report, ProposalReport.html(proposal), StandardCharsets.UTF_8);
        }
        if (format == OutputFormat.json) {
            spec.commandLine().getOut().println(ApiJson.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(ProposalBodies.result(proposal)));
        } else {
            ProposalReport.text(spec.commandLine().getOut(), proposal);
        }
        spec.commandLine().getOut().flush();
        return proposal instanceof Proposal.Drafted ? 0 : 1;
    }
}
