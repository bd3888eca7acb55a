package io.attune.cli;

import io.attune.core.audit.AuditHead;
import io.attune.core.audit.AuditVerification;
import io.attune.core.workspace.WorkspaceId;
import io.attune.store.audit.JdbcAuditLog;
import io.attune.store.db.Database;
import io.attune.store.db.StoreLocation;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code attune audit verify}: checks the hash-chained audit log in the database directly, each
 * workspace's chain or one. Safe while the server runs: it reads one snapshot.
 */
@Command(name = "audit", description = "Verifies the append-only, hash-chained audit log of reads of PHI, consent "
        + "changes, egress decisions and policy overrides.", subcommands = AuditCommand.Verify.class)
final class AuditCommand implements Callable<Integer> {
    /** The exit code when a chain is broken, apart from 1 (the command failed) and 2 (bad usage). */
    static final int BROKEN = 3;

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand: verify");
    }

    @Command(name = "verify", description = "Recomputes every entry's hash and checks every link, the sequence (no "
            + "gaps) and the recorded head of each workspace's chain, or of one with --workspace. Prints each chain's "
            + "head: keep it elsewhere and pass it back with --anchor to detect what the database alone cannot (the end "
            + "of the log deleted with its head record, a rewritten chain). Exit code 0 when every chain is intact, "
            + BROKEN + " when one is broken, naming its first broken entry.")
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Option(names = "--workspace", paramLabel = "ID", converter = OutboxCommand.WorkspaceIdConverter.class,
                description = "only this workspace's chain (default: every workspace's)")
        WorkspaceId workspace;

        @Option(names = "--anchor", paramLabel = "SEQ:HASH", converter = AnchorConverter.class,
                description = "a head printed by an earlier verify of --workspace; that entry must still be there "
                        + "unchanged (repeatable)")
        List<AuditHead> anchors = new ArrayList<>();

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
        boolean help;

        @Override
        public Integer call() {
            if (!anchors.isEmpty() && workspace == null) {
                throw new ParameterException(spec.commandLine(), "--anchor goes with --workspace: each workspace "
                        + "has a chain of its own");
            }
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            AuditVerification.Broken firstBroken = null;
            try (Database database = open()) {
                JdbcAuditLog log = new JdbcAuditLog(database);
                List<WorkspaceId> chains = log.workspaces();
                if (workspace != null && !chains.contains(workspace)) {
                    throw new IllegalArgumentException("no workspace " + workspace + " in this store");
                }
                List<WorkspaceId> verified = workspace != null ? List.of(workspace) : chains;
                if (verified.isEmpty()) {
                    out.println("no workspaces in this store");
                }
                for (WorkspaceId id : verified) {
                    AuditVerification verification = log.verify(id, anchors);
                    out.printf("%s: %s%n", id, verification.describe());
                    if (verification instanceof AuditVerification.Broken broken && firstBroken == null) {
                        firstBroken = broken;
                    }
                }
            }
            if (firstBroken != null) {
                err.printf("attune: the audit log of workspace %s is broken at entry %d (%s)%n",
                        firstBroken.workspace(), firstBroken.sequence(), firstBroken.problem().wireName());
                return BROKEN;
            }
            return 0;
        }

        /** The database, refusing a SQLite directory without a store in it rather than creating one. */
        private Database open() {
            StoreLocation location = store.location();
            if (location instanceof StoreLocation.SqliteDirectory sqlite
                    && !Files.isRegularFile(sqlite.directory().resolve("attune.db"))) {
                throw new IllegalArgumentException("no Attune store in " + sqlite.directory()
                        + " (give its directory with --data or a database with --db)");
            }
            return Database.open(location);
        }
    }

    static final class AnchorConverter implements CommandLine.ITypeConverter<AuditHead> {
        @Override
        public AuditHead convert(String value) {
            return AuditHead.parse(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                    "an anchor is a head printed by verify: the sequence number, a colon and the 64 hex digits of "
                            + "the hash, e.g. 42:3f2a…"));
        }
    }
}
