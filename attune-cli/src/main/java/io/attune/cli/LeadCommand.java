package io.attune.cli;

import io.attune.core.audit.AuditAction;
import io.attune.core.audit.AuditDetails;
import io.attune.core.audit.AuditRecord;
import io.attune.core.audit.AuditSubject;
import io.attune.core.erasure.SubjectRecords;
import io.attune.core.identity.LeadId;
import io.attune.core.lifecycle.Actor;
import io.attune.core.rights.RequestKind;
import io.attune.server.subject.ErasedProblem;
import io.attune.server.subject.RequestDeadlines;
import io.attune.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code attune lead export}: everything held about one person, the document {@code GET
 * /api/leads/{id}/export} answers, read from the database directly. The read is recorded in the audit
 * log ({@code phi.read} by {@code system:cli}), and as a fulfilled access request (USE-06), before
 * anything is printed.
 */
@Command(name = "lead", description = "Data-subject requests about one lead.", subcommands = LeadCommand.Export.class)
final class LeadCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand: export");
    }

    @Command(name = "export", description = "Prints everything held about the person as JSON (a merged-away id "
            + "answers with its survivor). Exit 1 when no lead has the id; an erased id says when it was erased.")
    static final class Export implements Callable<Integer> {
        private static final Actor CLI = new Actor.System("cli");

        @Spec
        CommandSpec spec;

        @Mixin
        OutboxCommand.Target target;

        @Parameters(paramLabel = "LEAD_ID", description = "the lead id, e.g. ld_3b6c81cd63fc47bfa88146b5")
        String id;

        @Override
        public Integer call() {
            if (!LeadId.isValid(id)) {
                throw new ParameterException(spec.commandLine(), "not a lead id: " + id);
            }
            LeadId lead = new LeadId(id);
            Instant now = Clock.systemUTC().instant();
            try (Store store = target.open()) {
                SubjectRecords records = store.subjectExport();
                var export = records.export(target.workspace, lead, now);
                if (export.isEmpty()) {
                    String why = records.tombstone(target.workspace, lead)
                            .map(tombstone -> ErasedProblem.of(tombstone.erasedAt()).problem().detail())
                            .orElse("No lead " + id + " in workspace " + target.workspace + ".");
                    spec.commandLine().getErr().println(why);
                    return 1;
                }
                store.audit().append(export.get().leads().stream().map(each -> AuditRecord.of(target.workspace, now,
                        CLI, AuditAction.PHI_READ, AuditSubject.lead(each), AuditDetails.of("route",
                                "attune lead export"))).toList());
                LeadId exported = export.get().lead();
                store.rightsRequests().recordFulfilled(target.workspace, exported, RequestKind.ACCESS, CLI.describe(),
                        CLI, now, new RequestDeadlines(store.queries(), store.workspaces()).of(target.workspace,
                                exported, RequestKind.ACCESS, now));
                spec.commandLine().getOut().println(export.get().json());
                return 0;
            }
        }
    }
}
