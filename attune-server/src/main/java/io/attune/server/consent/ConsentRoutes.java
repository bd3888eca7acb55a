package io.attune.server.consent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.attune.core.consent.ConsentEntries;
import io.attune.core.consent.ConsentOutcome;
import io.attune.core.consent.ConsentReading;
import io.attune.core.consent.ConsentRecord;
import io.attune.core.consent.ConsentSource;
import io.attune.core.consent.Consents;
import io.attune.core.consent.Evidence;
import io.attune.core.identity.LeadId;
import io.attune.core.ingest.ConsentIntake;
import io.attune.core.lifecycle.Actor;
import io.attune.core.query.LeadQueries;
import io.attune.core.rights.RequestKind;
import io.attune.core.rights.RightsRequests;
import io.attune.core.workspace.Principal;
import io.attune.core.workspace.WorkspaceId;
import io.attune.server.http.ApiJson;
import io.attune.server.audit.PhiReads;
import io.attune.server.http.Caller;
import io.attune.server.http.Problem;
import io.attune.server.http.ProblemException;
import io.attune.server.http.RouteGroup;
import io.attune.server.subject.RequestDeadlines;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A lead's consent ledger: {@code GET /api/leads/{id}/consents} answers where each consent stands now
 * and every entry with its verbatim text; {@code POST /api/leads/{id}/consents} (admin) records a
 * grant or revocation taken outside ingestion — on paper, by phone, at the front desk — through the
 * single writer, and answers the ledger as it now stands. A body is one consent entry naming its
 * {@code purpose} ({@link ConsentEntries}), plus {@code user}, the person entering it (the API key
 * otherwise); every bad field is named. A revocation is also recorded as a consent-withdrawal rights
 * request (USE-06), fulfilled at once.
 */
public final class ConsentRoutes implements RouteGroup {
    private static final int MAX_USER = 200;
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final LeadQueries leads;
    private final Consents consents;
    private final ConsentIntake intake;
    private final RightsRequests requests;
    private final RequestDeadlines deadlines;
    private final PhiReads reads;
    private final Clock clock;

    public ConsentRoutes(LeadQueries leads, Consents consents, ConsentIntake intake, RightsRequests requests,
            RequestDeadlines deadlines, PhiReads reads, Clock clock) {
        this.leads = leads;
        this.consents = consents;
        this.intake = intake;
        this.requests = requests;
        this.deadlines = deadlines;
        this.reads = reads;
        this.clock = clock;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/leads/{id}/consents", this::get);
        routes.post("/api/leads/{id}/consents", this::post);
    }

    private void get(Context ctx) {
        WorkspaceId workspace = Caller.workspace(ctx);
        String asked = ctx.pathParam("id");
        LeadId lead = survivor(workspace, asked);
        Optional<LeadId> mergedFrom = lead.value().equals(asked) ? Optional.empty() : Optional.of(new LeadId(asked));
        reads.leads(ctx, "GET /api/leads/{id}/consents", List.of(lead));
        ctx.json(ConsentViews.ledger(lead, mergedFrom, consents.ledger(workspace, lead), clock.instant()));
    }

    private void post(Context ctx) {
        Principal caller = Caller.of(ctx);
        String asked = ctx.pathParam("id");
        if (!LeadId.isValid(asked)) {
            throw notFound();
        }
        Map<String, Object> body = body(ctx);
        List<Problem.InvalidParam> problems = new ArrayList<>();
        Actor actor = actor(body.remove("user"), caller, problems);
        Instant now = clock.instant();
        ConsentReading reading = ConsentEntries.named(body, "", new ConsentEntries.Origin(ConsentSource.API, now, now,
                Optional.empty(), actor, Evidence.NONE));
        reading.problems().forEach(problem -> problems.add(new Problem.InvalidParam(problem.field(),
                problem.message())));
        if (!problems.isEmpty()) {
            throw new ProblemException(Problem.invalidParams(problems));
        }
        WorkspaceId workspace = caller.workspace();
        ConsentRecord consent = reading.records().get(0);
        ctx.future(() -> intake.submit(workspace, new LeadId(asked), consent).toCompletableFuture()
                .thenAccept(outcome -> {
                    if (!(outcome instanceof ConsentOutcome.Recorded recorded)) {
                        throw notFound();
                    }
                    if (!consent.granted()) {
                        // A withdrawal holds from the next send on, so the request is fulfilled as it is recorded.
                        requests.recordFulfilled(workspace, recorded.lead(), RequestKind.CONSENT_WITHDRAWAL,
                                actor.describe(), new Actor.ApiKey(caller.keyId()), now, deadlines.of(workspace,
                                        recorded.lead(), RequestKind.CONSENT_WITHDRAWAL, now));
                    }
                    Optional<LeadId> mergedFrom = recorded.lead().value().equals(asked)
                            ? Optional.empty() : Optional.of(new LeadId(asked));
                    reads.leads(ctx, "POST /api/leads/{id}/consents", List.of(recorded.lead()));
                    ctx.status(201).json(ConsentViews.ledger(recorded.lead(), mergedFrom,
                            consents.ledger(workspace, recorded.lead()), now));
                }));
    }

    private LeadId survivor(WorkspaceId workspace, String asked) {
        if (!LeadId.isValid(asked)) {
            throw notFound();
        }
        return leads.survivorOf(workspace, new LeadId(asked))
                .filter(survivor -> leads.lead(workspace, survivor).isPresent())
                .orElseThrow(ConsentRoutes::notFound);
    }

    private static Map<String, Object> body(Context ctx) {
        JsonNode parsed;
        try {
            parsed = ApiJson.mapper().readTree(ctx.body());
        } catch (JsonProcessingException e) {
            throw invalid("body", "is not valid JSON (line " + e.getLocation().getLineNr() + ")");
        }
        if (parsed == null || !parsed.isObject()) {
            throw invalid("body", "must be a JSON object: one consent naming its purpose");
        }
        return new LinkedHashMap<>(ApiJson.mapper().convertValue(parsed, OBJECT));
    }

    private static Actor actor(Object user, Principal caller, List<Problem.InvalidParam> problems) {
        if (user == null) {
            return new Actor.ApiKey(caller.keyId());
        }
        if (!(user instanceof String name) || name.isBlank() || name.strip().length() > MAX_USER) {
            problems.add(new Problem.InvalidParam("user", "must be text of 1-" + MAX_USER + " characters"));
            return new Actor.ApiKey(caller.keyId());
        }
        return new Actor.User(name.strip());
    }

    private static ProblemException invalid(String name, String reason) {
        return new ProblemException(Problem.invalidParams(List.of(new Problem.InvalidParam(name, reason))));
    }

    private static ProblemException notFound() {
        return new ProblemException(Problem.notFound("No lead with this id in your workspace."));
    }
}
