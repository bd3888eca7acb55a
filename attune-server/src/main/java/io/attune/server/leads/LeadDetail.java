package io.attune.server.leads;

import io.attune.core.account.AccountId;
import io.attune.core.audit.AuditDetails;
import io.attune.core.crisis.CrisisResources;
import io.attune.core.identity.LeadId;
import io.attune.core.lead.LeadScoring;
import io.attune.core.lead.LeadState;
import io.attune.core.lead.SalesRecord;
import io.attune.core.lifecycle.Money;
import io.attune.core.lifecycle.RejectionReason;
import io.attune.core.model.ModelRegistry;
import io.attune.core.model.RuleId;
import io.attune.core.model.ScoringModel;
import io.attune.core.privacy.PrivacyClassifications;
import io.attune.core.query.LeadQueries;
import io.attune.core.scoring.LeadScore;
import io.attune.core.scoring.LearnedValue;
import io.attune.core.scoring.Qualification;
import io.attune.core.scoring.RuleTally;
import io.attune.core.workspace.WorkspaceId;
import io.attune.core.workspace.Workspaces;
import io.attune.server.audit.PhiReads;
import io.attune.server.crisis.CrisisBodies;
import io.attune.server.http.Caller;
import io.attune.server.http.Numbers;
import io.attune.server.leads.LeadBodies.BantBody;
import io.attune.server.leads.LeadBodies.Disqualification;
import io.attune.server.leads.LeadBodies.EngagementLine;
import io.attune.server.leads.LeadBodies.FitLine;
import io.attune.server.leads.LeadBodies.IdentityBody;
import io.attune.server.leads.LeadBodies.LearnedBody;
import io.attune.server.leads.LeadBodies.LearnedShare;
import io.attune.server.leads.LeadBodies.LeadDocument;
import io.attune.server.leads.LeadBodies.MoneyBody;
import io.attune.server.leads.LeadBodies.PrivacyBody;
import io.attune.server.leads.LeadBodies.SalesBody;
import io.attune.server.leads.LeadBodies.SlaBody;
import io.attune.server.leads.LeadBodies.TransitionBody;
import io.attune.server.leads.LeadBodies.Transitions;
import io.attune.server.models.ModelLookup;
import io.attune.server.models.RuleDescriptions;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** {@code GET /api/leads/{id}} and {@code GET /api/leads/{id}/transitions}. */
final class LeadDetail {
    private final LeadQueries leads;
    private final ModelRegistry models;
    private final Workspaces workspaces;
    private final LeadResolver resolver;
    private final LeadExplanation explanation;
    private final PhiReads reads;
    private final Clock clock;

    LeadDetail(LeadQueries leads, Workspaces workspaces, PrivacyClassifications classifications, ModelRegistry models,
            LeadScoring scoring, PhiReads reads, Clock clock) {
        this.leads = leads;
        this.models = models;
        this.resolver = new LeadResolver(leads);
        this.workspaces = workspaces;
        this.explanation = new LeadExplanation(leads, workspaces, classifications, scoring);
        this.reads = reads;
        this.clock = clock;
    }

    void get(Context ctx) {
        WorkspaceId workspace = Caller.workspace(ctx);
        LeadResolver.Found found = resolver.resolve(workspace, ctx.pathParam("id"));
        LeadState lead = found.lead();
        Instant now = clock.instant();
        ScoringModel model = new ModelLookup(models, workspace).get(lead.model());
        RuleDescriptions descriptions = new RuleDescriptions(model);
        LeadScore score = lead.score();
        LeadDocument document = new LeadDocument(lead.id().value(), found.mergedFrom().map(LeadId::value).orElse(null),
                lead.segment().wireName(), lead.stage().wireName(), lead.identified(),
                lead.account().map(AccountId::value).orElse(null), lead.model().toString(), now,
                LeadViews.score(Qualification.of(model, lead, now)),
                score.fitContributions().stream().map(fit -> new FitLine(fit.rule().value(),
                        descriptions.of(fit.rule()), Numbers.round(fit.points()))).toList(),
                engagement(score, model, descriptions, now), learned(lead, model, descriptions, now),
                explanation.ledger(workspace, lead, model, now),
                score.disqualification().map(out -> new Disqualification(out.rule().value(), out.reason(), out.at()))
                        .orElse(null),
                leads.identities(workspace, lead.id()).stream()
                        .map(identity -> new IdentityBody(identity.kind().wireName(), identity.value())).toList(),
                List.copyOf(new TreeSet<>(lead.roles())), lead.traits().attributes().asMap(), lead.firstSeen(),
                lead.lastSeen(), lead.events(), lead.updatedAt(), sales(lead.sales()),
                leads.slaTimers(workspace, lead.id()).stream().findFirst().map(SlaBody::of).orElse(null),
                CrisisBodies.LeadCrisis.of(lead.crisis(), CrisisResources.US),
                PrivacyBody.of(lead, workspaces.settings(workspace).privacy().scoringGate()));
        reads.lead(ctx, "GET /api/leads/{id}", lead.id(), asked(found));
        if (found.mergedFrom().isPresent()) {
            ctx.header("Content-Location", "/api/leads/" + lead.id().value());
        }
        ctx.json(document);
    }

    void transitions(Context ctx) {
        WorkspaceId workspace = Caller.workspace(ctx);
        LeadResolver.Found found = resolver.resolve(workspace, ctx.pathParam("id"));
        List<TransitionBody> items = leads.transitions(workspace, found.lead().id()).stream()
                .map(t -> new TransitionBody(t.from().wireName(), t.to().wireName(), t.at(), t.cause(),
                        t.actor().describe()))
                .toList();
        reads.lead(ctx, "GET /api/leads/{id}/transitions", found.lead().id(), asked(found));
        ctx.json(new Transitions(found.lead().id().value(), found.mergedFrom().map(LeadId::value).orElse(null),
                items));
    }

    /** The id asked for, when it was merged into the lead answered. */
    private static AuditDetails asked(LeadResolver.Found found) {
        return found.mergedFrom().map(merged -> AuditDetails.of("asked", merged.value())).orElse(AuditDetails.NONE);
    }

    private static SalesBody sales(SalesRecord sales) {
        if (sales.equals(SalesRecord.NONE)) {
            return null;
        }
        return new SalesBody(
                sales.bant().map(b -> new BantBody(b.budget(), b.authority(), b.need(), b.timeline())).orElse(null),
                sales.rejection().map(RejectionReason::wireName).orElse(null), sales.note().orElse(null),
                sales.recycledAt().orElse(null), sales.opportunity().map(LeadDetail::money).orElse(null),
                sales.won().map(LeadDetail::money).orElse(null));
    }

    private static MoneyBody money(Money money) {
        return new MoneyBody(money.amount().toPlainString(), money.currency());
    }

    /** The learned term now, or {@code null} when the lead's model has none or its scoring is withheld. */
    private static LearnedBody learned(LeadState lead, ScoringModel model, RuleDescriptions descriptions,
            Instant now) {
        return LearnedValue.of(model, lead, now.toEpochMilli()).map(value -> new LearnedBody(
                Numbers.round(value.points()), Math.round(value.probability() * 10_000) / 10_000.0,
                Numbers.round(value.logit()),
                model.learned().orElseThrow().intercept(),
                value.shares().stream().map(share -> new LearnedShare(share.rule().value(), descriptions.of(share.rule()),
                        share.weight(), Numbers.round(share.value()), Numbers.round(share.share()))).toList(),
                model.learned().orElseThrow().trainedOn())).orElse(null);
    }

    private static List<EngagementLine> engagement(LeadScore score, ScoringModel model, RuleDescriptions descriptions,
            Instant now) {
        long nowMillis = now.toEpochMilli();
        return score.tallies(model).entrySet().stream().map((Map.Entry<RuleId, RuleTally> entry) -> {
            RuleTally tally = entry.getValue();
            return new EngagementLine(entry.getKey().value(), descriptions.of(entry.getKey()), tally.count(),
                    Numbers.round(tally.earned()), Numbers.round(tally.value().at(nowMillis, model.decay())));
        }).toList();
    }
}
