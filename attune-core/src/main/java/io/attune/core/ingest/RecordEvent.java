package io.attune.core.ingest;

import io.attune.core.account.AccountTransition;
import io.attune.core.consent.ConsentRecord;
import io.attune.core.consent.ConsentsOf;
import io.attune.core.crisis.PhraseFamily;
import io.attune.core.crisis.ReviewMatch;
import io.attune.core.crisis.Screening;
import io.attune.core.event.Event;
import io.attune.core.event.Group;
import io.attune.core.event.Identify;
import io.attune.core.identity.Identity;
import io.attune.core.identity.IdentityKind;
import io.attune.core.identity.LeadId;
import io.attune.core.jurisdiction.Jurisdiction;
import io.attune.core.lead.CrisisRecord;
import io.attune.core.lead.LeadScoring;
import io.attune.core.lead.LeadState;
import io.attune.core.lead.LeadTraits;
import io.attune.core.lead.Safeguards;
import io.attune.core.lead.ScoringGate;
import io.attune.core.lifecycle.Actor;
import io.attune.core.lifecycle.LifecyclePolicy;
import io.attune.core.lifecycle.Stage;
import io.attune.core.lifecycle.StageRules;
import io.attune.core.lifecycle.Transition;
import io.attune.core.model.ModelCatalog;
import io.attune.core.model.ScoringModel;
import io.attune.core.model.Segment;
import io.attune.core.privacy.DataDictionary;
import io.attune.core.scoring.LeadScore;
import io.attune.core.scoring.RuleFailure;
import io.attune.core.workspace.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Records one message for one workspace: skips it if its id was seen, resolves and merges
 * identities, re-bases the lead when its segment or model changes, attaches it to an account,
 * scores the event, moves the lead's stage, appends the event and the consent changes it carries
 * ({@link ConsentsOf}), and puts the lead in crisis hold when the event's free text is crisis language
 * (CRISIS-01..05: no points for the event, no further automatic moves), all through the
 * {@link LeadBook} of the caller's unit of work. Deterministic: the same messages in the same
 * order leave the same state, which is what {@code attune rebuild} relies on.
 */
public final class RecordEvent {
    /** Who puts a lead in crisis hold. */
    public static final Actor CRISIS_SCREEN = new Actor.System("crisis-screen");

    private final WorkspaceId workspace;
    private final ModelCatalog models;
    private final LeadBook book;
    private final IdentityResolver resolver = new IdentityResolver();
    private final AccountRollup accounts;
    private final LeadScoring scoring;
    private final LifecyclePolicy policy;
    private final ScoringGate gate;
    private final DataDictionary dictionary;

    public RecordEvent(WorkspaceId workspace, ModelCatalog models, LeadBook book, LeadScoring scoring) {
        this(workspace, models, book, scoring, LifecyclePolicy.DEFAULT, ScoringGate.STANDARD,
                DataDictionary.defaults());
    }

    /** @param dictionary the workspace's data dictionary: which traits its rules may not see, or only under consent */
    public RecordEvent(WorkspaceId workspace, ModelCatalog models, LeadBook book, LeadScoring scoring,
            LifecyclePolicy policy, ScoringGate gate, DataDictionary dictionary) {
        this.workspace = workspace;
        this.gate = gate;
        this.dictionary = dictionary;
        this.models = models;
        this.book = book;
        this.scoring = scoring;
        this.policy = policy;
        this.accounts = new AccountRollup(workspace, models, book);
    }

    public Recorded record(Event event) {
        return record(event, scoring.screen(event));
    }

    /** Records an event its receiver has screened already ({@link IncomingEvent#screening()}). */
    public Recorded record(IncomingEvent incoming) {
        return record(incoming.event(), incoming.screening());
    }

    private Recorded record(Event event, Screening screening) {
        if (book.recorded(event.messageId())) {
            return new Recorded.Duplicate(event.messageId());
        }
        Instant at = event.timestamp();
        List<RuleFailure> failures = new ArrayList<>();
        IdentityResolver.Resolution resolution = resolver.resolve(event, book);
        LeadState lead = resolution.lead().flatMap(book::lead)
                .orElseGet(() -> create(resolution.seed(), event, failures));
        List<LeadState> merged = resolution.merge().stream().map(id -> book.lead(id).orElseThrow())
                .sorted(Comparator.comparing(LeadState::firstSeen).thenComparing(LeadState::id)).toList();
        accounts.detach(lead);
        merged.forEach(accounts::detach);
        for (LeadState other : merged) {
            book.merge(other.id(), lead.id());
        }
        for (Identity identity : resolution.link()) {
            book.link(identity, lead.id());
        }
        if (lead.account().isEmpty()) {
            // the person stays a contact of the account a merged lead belonged to
            lead = lead.withAccount(merged.stream().map(LeadState::account).flatMap(Optional::stream).findFirst());
        }

        LeadTraits traits = traitsAfter(lead, merged, event);
        Segment segment = segmentOf(traits, event, lead.segment());
        ScoringModel model = models.active(segment);
        AccountRollup.Membership membership = accounts.resolve(lead, traits, event, model, failures);
        lead = lead.withAccount(membership.account()).withStage(furthestStage(lead, merged))
                .withCrisis(crisisAfter(lead, merged));
        Map<String, Object> accountFacts = accounts.facts(membership.account());
        LeadId id = lead.id();
        List<ConsentRecord> carried = ConsentsOf.event(event).records();
        boolean rebased = !merged.isEmpty() || segment != lead.segment() || !model.version().equals(lead.model());
        // only a consumer's consent laws and a replay need the jurisdiction, which costs to resolve
        Optional<Jurisdiction> now = rebased || segment == Segment.CONSUMER
                ? Optional.of(gate.jurisdictionAfter(traits, lead.privacy(), event)) : Optional.empty();
        boolean lawsChanged = segment == Segment.CONSUMER
                && !gate.laws(now.orElseThrow()).equals(gate.laws(gate.jurisdiction(lead.traits(), lead.privacy())));
        if (rebased || lawsChanged) {
            // judged again by what is known now: a state learnt today decides which earlier events may count
            LeadScoring.Replay replay = scoring.replay(model, lead, book.history(id), accountFacts,
                    new Safeguards(gate, dictionary, () -> book.consents(id), now));
            lead = replay.lead();
            failures.addAll(replay.failures());
        }
        LeadScoring.Step step = scoring.apply(model, lead, event, screening, accountFacts, membership.traitsChanged(),
                new Safeguards(gate, dictionary, () -> book.consents(id).with(carried)));
        lead = step.lead();
        failures.addAll(step.failures());
        if (!lead.identified() && (identifies(event) || merged.stream().anyMatch(LeadState::identified))) {
            lead = lead.identifiedNow();
        }
        List<Transition> transitions = new ArrayList<>(screened(lead, event, step.screening()));
        lead = afterScreening(lead, event, step.screening());
        transitions.addAll(StageRules.next(model, lead, at, policy));
        if (!transitions.isEmpty()) {
            lead = lead.withStage(transitions.get(transitions.size() - 1).to());
        }
        transitions.forEach(book::record);
        book.append(event, lead.id());
        for (ConsentRecord consent : carried) {
            book.record(lead.id(), consent);
        }
        book.save(lead);
        Optional<AccountTransition> accountMove = accounts.attach(lead, !step.contributions().isEmpty(), at);
        accountMove.ifPresent(book::record);
        return new Recorded.Accepted(event.messageId(), lead.id(), resolution.merge(), step.contributions(),
                transitions, failures, step.screening());
    }

    /** The move into crisis hold that crisis language calls for, unless the lead is held already. */
    private static List<Transition> screened(LeadState lead, Event event, Screening screening) {
        if (!(screening instanceof Screening.Crisis crisis) || lead.stage() == Stage.CRISIS_HOLD) {
            return List.of();
        }
        String families = crisis.families().stream().map(PhraseFamily::wireName).sorted()
                .collect(Collectors.joining(", "));
        return List.of(new Transition(lead.id(), lead.stage(), Stage.CRISIS_HOLD, event.timestamp(),
                "crisis language in " + source(event) + " (" + families
                        + (crisis.thirdPersonOnly() ? "; about someone else" : "")
                        + (crisis.callEmergencyFirst() ? "; call 911 first" : "") + ")", CRISIS_SCREEN));
    }

    /** The lead with what screening found: held on crisis, flagged for a person on review. */
    private static LeadState afterScreening(LeadState lead, Event event, Screening screening) {
        if (screening instanceof Screening.Crisis crisis) {
            return lead.withCrisis(lead.crisis().hold(event.timestamp(), lead.stage(), crisis))
                    .withStage(Stage.CRISIS_HOLD);
        }
        if (screening instanceof Screening.Review review) {
            Set<String> reasons = new LinkedHashSet<>();
            review.matches().stream().map(ReviewMatch::reason).sorted()
                    .forEach(reason -> reasons.add(reason.name().toLowerCase(Locale.ROOT)));
            return lead.withCrisis(lead.crisis().flagged(new CrisisRecord.ReviewFlag(event.timestamp(),
                    source(event), review.lowPriority(), reasons)));
        }
        return lead;
    }

    /** Where a text came from, by event kind and name: never what it said. */
    private static String source(Event event) {
        String kind = event.kind().wireName();
        return event.name().isEmpty() ? kind : kind + " '" + event.name() + "'";
    }

    private static CrisisRecord crisisAfter(LeadState lead, List<LeadState> merged) {
        CrisisRecord crisis = lead.crisis();
        for (LeadState other : merged) {
            crisis = crisis.mergedWith(other.crisis());
        }
        return crisis;
    }

    private LeadState create(Identity seed, Event event, List<RuleFailure> failures) {
        LeadId id = LeadId.derivedFrom(workspace, seed);
        for (int attempt = 1; book.exists(id); attempt++) {
            id = LeadId.derivedFrom(workspace, seed, attempt);
        }
        Segment segment = models.defaultSegment();
        ScoringModel model = models.active(segment);
        boolean identified = identifies(event);
        LeadState lead = new LeadState(id, segment, identified ? Stage.LEAD : Stage.SUBSCRIBER, identified,
                LeadTraits.NONE, Optional.empty(), Set.of(), model.version(), LeadScore.empty(model),
                event.timestamp(), event.timestamp(), 0, event.header().receivedAt());
        return scoring.fitWithoutTraits(model, lead, Map.of(), event.timestamp(), failures);
    }

    private static boolean identifies(Event event) {
        if (event.header().userId() != null) {
            return true;
        }
        return event instanceof Identify identify && identify.traits().text("email").flatMap(Identity::email)
                .map(email -> email.kind() == IdentityKind.EMAIL).orElse(false);
    }

    /** The lead's traits once the merged leads' and this event's traits are laid over them, oldest first. */
    private static LeadTraits traitsAfter(LeadState lead, List<LeadState> merged, Event event) {
        LeadTraits traits = lead.traits();
        for (LeadState other : merged) {
            traits = traits.overlaidWith(other.traits().attributes());
        }
        return event instanceof Identify identify ? traits.overlaidWith(identify.traits()) : traits;
    }

    private static Segment segmentOf(LeadTraits traits, Event event, Segment current) {
        Optional<Segment> named = traits.attributes().text("segment").flatMap(Segment::fromWireName);
        if (named.isPresent()) {
            return named.get();
        }
        if (event instanceof Group group) {
            return group.traits().text("segment").flatMap(Segment::fromWireName).orElse(current);
        }
        return current;
    }

    private static Stage furthestStage(LeadState lead, List<LeadState> merged) {
        Stage stage = lead.stage();
        for (LeadState other : merged) {
            if (other.stage().progress() > stage.progress()) {
                stage = other.stage();
            }
        }
        return stage;
    }
}
