package io.attune.server.delivery;

import io.attune.core.audit.AuditAction;
import io.attune.core.audit.AuditDetails;
import io.attune.core.audit.AuditLog;
import io.attune.core.audit.AuditRecord;
import io.attune.core.audit.AuditSubject;
import io.attune.core.channels.ChannelRules;
import io.attune.core.consent.ConsentLedger;
import io.attune.core.consent.Consents;
import io.attune.core.consent.Recipient;
import io.attune.core.egress.DestinationKind;
import io.attune.core.egress.EgressConsents;
import io.attune.core.egress.EgressDecision;
import io.attune.core.egress.EgressFilter;
import io.attune.core.egress.EgressLog;
import io.attune.core.egress.EgressRecord;
import io.attune.core.egress.EgressRule;
import io.attune.core.egress.HandOffPayloads;
import io.attune.core.egress.LeadChecks;
import io.attune.core.egress.MarketingAuthorisation;
import io.attune.core.egress.LedgerConsents;
import io.attune.core.egress.OutboundPayload;
import io.attune.core.egress.Redaction;
import io.attune.core.handoff.Destination;
import io.attune.core.handoff.HandOffType;
import io.attune.core.handoff.OutboundMessage;
import io.attune.core.handoff.PendingDelivery;
import io.attune.core.identity.LeadId;
import io.attune.core.jurisdiction.HealthDataLaw;
import io.attune.core.jurisdiction.JurisdictionResolver;
import io.attune.core.lead.LeadState;
import io.attune.core.lead.ScoringGate;
import io.attune.core.lifecycle.Actor;
import io.attune.core.model.Segment;
import io.attune.core.privacy.PrivacyClassification;
import io.attune.core.privacy.PrivacyClassifications;
import io.attune.core.privacy.PrivacyKeys;
import io.attune.core.privacy.PrivacyRules;
import io.attune.core.privacy.Pseudonyms;
import io.attune.core.query.LeadQueries;
import io.attune.core.workspace.WorkspaceId;
import io.attune.core.workspace.Workspaces;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Applies a destination's egress policy to one outbox message at the moment it is sent, with the
 * policy, the lead's traits and the lead's consents as they are then: a narrowed allow-list, a revoked
 * consent or substance-use data learned since the move stops the very next send. The decision is
 * recorded before anything leaves — in the egress log and, as {@code egress.decided}, in the audit
 * log — and when it cannot be recorded this throws, so that nothing is sent unrecorded.
 *
 * <p>The payload is the hand-off as {@link HandOffPayloads} describes it; whether the lead has
 * substance-use data is read from all of its traits, not only the fields handed off. Consents are
 * the lead's ledger, asked for a grant naming the destination by its id or its name. A lead that can
 * no longer be read is treated as having substance-use data and no consents: when unsure, block.
 *
 * <p>Fields, terms and pages are classified by the workspace's classification as it is stored at the
 * moment of the send ({@link PrivacyClassification}: the defaults and the workspace's additions).
 *
 * <p>Before the payload is filtered, the lead itself is checked ({@link LeadChecks}: crisis hold,
 * minors) and, for SMS and email destinations, the channel rules ({@link ChannelRules}: consent to
 * texts naming the organisation, quiet hours and the daily cap — a hold, not a block — and email
 * opt-outs).
 */
public final class EgressGate {
    /** How long a pseudonym stays the same for one destination (TRK-05 "rotating" ids). */
    static final Duration PSEUDONYM_ROTATION = Duration.ofDays(30);
    private static final Actor DISPATCHER = new Actor.System("dispatcher");

    private final LeadQueries leads;
    private final Workspaces workspaces;
    private final Consents consents;
    private final PrivacyKeys keys;
    private final PrivacyClassifications classifications;
    private final EgressLog log;
    private final AuditLog audit;
    private final Map<WorkspaceId, Rules> rules = new ConcurrentHashMap<>();
    private final ChannelRules channelRules = new ChannelRules();
    private final MarketingAuthorisation marketing = new MarketingAuthorisation();
    private final JurisdictionResolver jurisdictions = new JurisdictionResolver();

    /** A workspace's rules with the classification they were built from, to tell when they are stale. */
    private record Rules(PrivacyClassification classification, PrivacyRules privacy, EgressFilter filter) {
    }

    public EgressGate(LeadQueries leads, Workspaces workspaces, Consents consents, PrivacyKeys keys,
            PrivacyClassifications classifications, EgressLog log, AuditLog audit) {
        this.leads = Objects.requireNonNull(leads, "leads");
        this.workspaces = Objects.requireNonNull(workspaces, "workspaces");
        this.consents = Objects.requireNonNull(consents, "consents");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.classifications = Objects.requireNonNull(classifications, "classifications");
        this.log = Objects.requireNonNull(log, "log");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /** The decision for attempt {@code attempt} at the message, taken and recorded at {@code at}. */
    public EgressDecision decide(PendingDelivery delivery, Destination destination, int attempt, Instant at) {
        WorkspaceId workspace = delivery.workspace();
        OutboundMessage message = delivery.message();
        Rules workspaceRules = rulesOf(workspace);
        Optional<LeadState> lead = lead(workspace, message.subject());
        // An erased lead's deletion request carries only what the destination already received, and its
        // traits and consents are gone: it discloses nothing new, so it is not held back as if it did.
        boolean erasure = message.type() == HandOffType.LEAD_DELETED;
        boolean substanceUse = !erasure && lead.map(state -> workspaceRules.privacy().dictionary()
                .revealsSubstanceUse(state.traits().attributes(), message.data().segment())).orElse(true);
        OutboundPayload payload = HandOffPayloads.of(message, workspaceRules.privacy().dictionary(), substanceUse);
        Optional<ConsentLedger> ledger = lead.map(state -> consents.ledger(workspace, state.id()));
        EgressConsents consented = erasure ? EgressConsents.of(true, true) : ledger.<EgressConsents>map(entries ->
                new LedgerConsents(entries, recipients(destination), at, hipaaRecipient(destination)))
                .orElse(EgressConsents.NONE);
        DestinationKind kind = destination.egressPolicy().kind();
        LeadChecks leadChecks = new LeadChecks(workspaces.settings(workspace).privacy().crisisCoolDown());
        EgressDecision decision = leadChecks.check(lead, message.type(), message.data().segment(), kind, at)
                .<EgressDecision>map(blocked -> blocked)
                .or(() -> lead.filter(state -> message.data().segment() == Segment.CONSUMER)
                        .flatMap(state -> marketing.check(state.traits().attributes(), kind, ledger.orElseThrow(),
                                sellers(workspace, destination), at)))
                .or(() -> lead.flatMap(state -> channelRules.check(new ChannelRules.Context(kind,
                        state.traits().attributes(), jurisdictions.resolve(state.traits().attributes(),
                                state.privacy().collectedIn(), state.privacy().collectedAbroad()),
                        ledger.orElseThrow(), sellers(workspace, destination),
                        kind == DestinationKind.SMS ? log.firstReleases(workspace, state.id().value(), kind,
                                at.minus(Duration.ofHours(24)), message.id()) : List.of(), at))))
                .orElseGet(() -> citingStateLaw(workspaceRules.filter().decide(destination.id(),
                        destination.egressPolicy(), payload, consented), workspace, lead));
        EgressRecord record = EgressRecord.of(workspace, message, attempt, at, decision);
        log.record(record);
        audit.append(AuditRecord.of(workspace, record.at(), DISPATCHER, AuditAction.EGRESS_DECIDED,
                subject(message), details(record)));
        return decision;
    }

    /**
     * The workspace's rules under its classification as stored now: a change applies from the next
     * send. Building them parses every term and rule, so they are kept until the classification differs.
     */
    private Rules rulesOf(WorkspaceId workspace) {
        PrivacyClassification classification = classifications.classification(workspace);
        Rules known = rules.get(workspace);
        if (known != null && known.classification().equals(classification)) {
            return known;
        }
        PrivacyKeys.Keys workspaceKeys = keys.of(workspace);
        PrivacyRules privacy = classification.rules(workspaceKeys.contentGroups());
        Rules built = new Rules(classification, privacy, new EgressFilter(privacy,
                new Pseudonyms(workspaceKeys.pseudonyms(), PSEUDONYM_ROTATION)));
        rules.put(workspace, built);
        return built;
    }

    /** The lead the message is about, or the lead it was merged into since. */
    private Optional<LeadState> lead(WorkspaceId workspace, String subject) {
        if (!LeadId.isValid(subject)) {
            return Optional.empty();
        }
        return leads.survivorOf(workspace, new LeadId(subject)).flatMap(survivor -> leads.lead(workspace, survivor));
    }

    /**
     * A consumer under a consumer-health-data law needs a consent to share naming the third party
     * (STATE-03): the same share_chd grant USE-02 asks for, so a block for its want cites both.
     */
    private EgressDecision citingStateLaw(EgressDecision decision, WorkspaceId workspace,
            Optional<LeadState> lead) {
        if (!(decision instanceof EgressDecision.Blocked blocked) || !blocked.rules().contains(EgressRule.USE_02)
                || lead.isEmpty() || lead.get().segment() != Segment.CONSUMER) {
            return decision;
        }
        ScoringGate gate = workspaces.settings(workspace).privacy().scoringGate();
        Set<HealthDataLaw> laws = gate.laws(gate.jurisdiction(lead.get().traits(), lead.get().privacy()));
        if (laws.isEmpty()) {
            return decision;
        }
        Set<EgressRule> rules = EnumSet.copyOf(blocked.rules());
        rules.add(EgressRule.STATE_03);
        return new EgressDecision.Blocked(rules, blocked.reason() + "; "
                + laws.stream().map(HealthDataLaw::title).sorted().collect(Collectors.joining(" and "))
                + " asks for that consent to share, separate from the consent to collect (STATE-03)");
    }

    /** Who a consent to marketing texts must name (TCPA-01): the organisation, by its workspace's name or the destination's. */
    private List<Recipient> sellers(WorkspaceId workspace, Destination destination) {
        List<Recipient> sellers = new ArrayList<>();
        workspaces.workspace(workspace).ifPresent(found -> sellers.add(new Recipient(found.name())));
        sellers.addAll(recipients(destination));
        return sellers;
    }

    /**
     * Whether the destination is a HIPAA covered entity or business associate, to whom a Part 2 consent
     * must carry the redisclosure statement (SUD-02): one with a BAA is a business associate, and a
     * provider's intake is a covered entity whether or not it signed one.
     */
    private static boolean hipaaRecipient(Destination destination) {
        return destination.egressPolicy().baaSigned() || destination.egressPolicy().kind() == DestinationKind.INTAKE;
    }

    private static List<Recipient> recipients(Destination destination) {
        return List.of(new Recipient(destination.id().value()), new Recipient(destination.name()));
    }

    private static AuditSubject subject(OutboundMessage message) {
        return LeadId.isValid(message.subject()) ? AuditSubject.lead(new LeadId(message.subject()))
                : AuditSubject.message(message.id());
    }

    /** Ids, the outcome, rule ids and redacted field names with their treatment: never a value. */
    private static AuditDetails details(EgressRecord record) {
        return AuditDetails.of("destination", record.destination().value())
                .and("message", record.messageId())
                .and("type", record.type().wireName())
                .and("attempt", Integer.toString(record.attempt()))
                .and("outcome", record.outcome().wireName())
                .and("rules", record.ruleIds())
                .and("redacted", record.redactions().stream().map(EgressGate::redacted).toList());
    }

    private static String redacted(Redaction redaction) {
        return redaction.field() + ":" + redaction.treatment().name().toLowerCase(Locale.ROOT);
    }
}
