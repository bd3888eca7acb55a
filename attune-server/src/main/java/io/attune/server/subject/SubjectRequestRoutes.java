package io.attune.server.subject;

import static io.attune.server.subject.SubjectRequestBodies.admin;
import static io.attune.server.subject.SubjectRequestBodies.line;
import static io.attune.server.subject.SubjectRequestBodies.object;

import com.fasterxml.jackson.databind.JsonNode;
import io.attune.core.erasure.Erasure;
import io.attune.core.erasure.ErasureIntake;
import io.attune.core.erasure.ErasureRequest;
import io.attune.core.erasure.SubjectRecords;
import io.attune.core.erasure.Tombstone;
import io.attune.core.handoff.DestinationId;
import io.attune.core.identity.LeadId;
import io.attune.core.lifecycle.Actor;
import io.attune.core.rights.RequestKind;
import io.attune.core.rights.RightsRequests;
import io.attune.core.workspace.Principal;
import io.attune.core.workspace.WorkspaceId;
import io.attune.server.audit.PhiReads;
import io.attune.server.http.Caller;
import io.attune.server.http.Problem;
import io.attune.server.http.QueryParams;
import io.attune.server.http.ProblemException;
import io.attune.server.http.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Data-subject requests (admin keys only). {@code GET /api/leads/{id}/export} answers everything held
 * about the person as one document ({@link SubjectRecords}), recorded as a PHI read and as a fulfilled
 * access request (USE-06) before it is sent. {@code DELETE /api/leads/{id}} with {@code {"requestedBy",
 * "reason"}} erases the person through the single writer, which opens the deletion request with its
 * deadline, and answers the tombstone: counts and the destinations asked to delete, no PHI. An
 * erased id answers 404 saying when it was erased, for the export and for a retried erasure alike.
 */
public final class SubjectRequestRoutes implements RouteGroup {
    private static final String EXPORT = "GET /api/leads/{id}/export";
    private static final String REQUESTED_BY = "requestedBy";

    private final SubjectRecords records;
    private final ErasureIntake erasures;
    private final RightsRequests requests;
    private final RequestDeadlines deadlines;
    private final PhiReads reads;
    private final Clock clock;

    public SubjectRequestRoutes(SubjectRecords records, ErasureIntake erasures, RightsRequests requests,
            RequestDeadlines deadlines, PhiReads reads, Clock clock) {
        this.records = records;
        this.erasures = erasures;
        this.requests = requests;
        this.deadlines = deadlines;
        this.reads = reads;
        this.clock = clock;
    }

    /** What an erasure answers: the tombstone, ids and counts only. */
    record ErasedBody(String lead, Instant erasedAt, List<String> leads, String requestedBy, String reason,
            Map<String, Integer> erased, List<String> notified) {
        static ErasedBody of(Tombstone tombstone, List<LeadId> leads) {
            return new ErasedBody(tombstone.lead().value(), tombstone.erasedAt(),
                    leads.stream().map(LeadId::value).toList(), tombstone.requestedBy(), tombstone.reason(),
                    tombstone.erased(), tombstone.notified().stream().map(DestinationId::value).toList());
        }
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/leads/{id}/export", this::export);
        routes.delete("/api/leads/{id}", this::erase);
    }

    private void export(Context ctx) {
        WorkspaceId workspace = admin(ctx);
        LeadId asked = leadId(ctx);
        QueryParams params = QueryParams.of(ctx, List.of(REQUESTED_BY));
        Actor caller = new Actor.ApiKey(Caller.of(ctx).keyId());
        String requestedBy = params.text(REQUESTED_BY, ErasureRequest.MAX_REQUESTED_BY).map(String::strip)
                .orElse(caller.describe());
        params.throwIfInvalid();
        Instant now = clock.instant();
        SubjectRecords.Export document = records.export(workspace, asked, now)
                .orElseThrow(() -> missing(workspace, asked));
        reads.leads(ctx, EXPORT, document.leads());
        // The access request is fulfilled by this answer; it is on record before the document leaves.
        requests.recordFulfilled(workspace, document.lead(), RequestKind.ACCESS, requestedBy, caller, now,
                deadlines.of(workspace, document.lead(), RequestKind.ACCESS, now));
        ctx.contentType("application/json").result(document.json());
    }

    private void erase(Context ctx) {
        Principal caller = Caller.of(ctx);
        admin(ctx);
        LeadId asked = leadId(ctx);
        JsonNode body = object(ctx, "a JSON object with requestedBy and reason");
        List<Problem.InvalidParam> problems = new ArrayList<>();
        String requestedBy = line(body, "requestedBy", ErasureRequest.MAX_REQUESTED_BY, problems);
        String reason = line(body, "reason", ErasureRequest.MAX_REASON, problems);
        if (!problems.isEmpty()) {
            throw new ProblemException(Problem.invalidParams(problems));
        }
        Instant now = clock.instant();
        ErasureRequest request = new ErasureRequest(asked, requestedBy, reason, new Actor.ApiKey(caller.keyId()),
                now, deadlines.of(caller.workspace(), asked, RequestKind.DELETION, now));
        ctx.future(() -> erasures.erase(caller.workspace(), request).toCompletableFuture().thenAccept(outcome -> {
            if (outcome instanceof Erasure.Erased erased) {
                ctx.json(ErasedBody.of(erased.tombstone(), erased.leads()));
            } else if (outcome instanceof Erasure.AlreadyErased again) {
                throw ErasedProblem.of(again.tombstone().erasedAt());
            } else {
                throw notFound();
            }
        }));
    }

    private ProblemException missing(WorkspaceId workspace, LeadId asked) {
        return records.tombstone(workspace, asked).map(tombstone -> ErasedProblem.of(tombstone.erasedAt()))
                .orElseGet(SubjectRequestRoutes::notFound);
    }

    private static LeadId leadId(Context ctx) {
        String raw = ctx.pathParam("id");
        if (!LeadId.isValid(raw)) {
            throw notFound();
        }
        return new LeadId(raw);
    }

    private static ProblemException notFound() {
        return new ProblemException(Problem.notFound("No lead with this id in your workspace."));
    }
}
