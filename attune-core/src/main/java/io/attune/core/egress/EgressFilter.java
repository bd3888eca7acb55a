package io.attune.core.egress;

import io.attune.core.egress.EgressDecision.Blocked;
import io.attune.core.egress.EgressDecision.Redacted;
import io.attune.core.egress.EgressDecision.Sent;
import io.attune.core.egress.OutboundPayload.Field;
import io.attune.core.egress.Redaction.Treatment;
import io.attune.core.handoff.DestinationId;
import io.attune.core.model.Segment;
import io.attune.core.privacy.DataClass;
import io.attune.core.privacy.DataDictionary;
import io.attune.core.privacy.PageClass;
import io.attune.core.privacy.PageFields;
import io.attune.core.privacy.PrivacyRules;
import io.attune.core.privacy.Pseudonyms;
import io.attune.core.privacy.TermClass;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies a destination's {@link EgressPolicy} to one outbound payload. Pure: the same payload,
 * policy and consents give the same decision.
 *
 * <p>First the flow as a whole, where any of these blocks it (all that apply are named):
 * an audience export to an ad platform (TRK-07); a consumer's hand-off or audience to advertising or
 * analytics (USE-01, and TRK-08 for a hand-off: a consumer's stage and score are health inferences);
 * a lead with substance-use data to advertising or analytics (USE-01, SUD-01); a consumer lead to a
 * destination without a BAA (TRK-02); a lead with substance-use data without a Part 2 consent that
 * covers this disclosure (SUD-01), or to a destination paid by volume (SUD-04); any lead to a
 * destination declared with remuneration (USE-04); a referral partner without the lead's consent to
 * share (USE-02); a health-describing event name where health may not go (TRK-06); an event from an
 * authenticated or health-intent page to advertising or analytics (TRK-03).
 *
 * <p>Then each field: it leaves only if allow-listed (TRK-01) and under the destination's ceiling
 * ({@link EgressPolicy#barring}); substance-use fields also need the Part 2 consent (SUD-01); from a
 * health-educational page, advertising and analytics get no identifiers or click ids at all (TRK-03,
 * TRK-05); parameters whose name or text holds a health term never reach them (TRK-06). A user id
 * barred only as an identifier leaves as a rotating pseudonym (TRK-05). Page context leaves as a
 * content group wherever health may not go (TRK-04), and the allow-listed click ids of its URL are
 * kept as fields of their own.
 *
 * <p>A payload that leaves with substance-use data — only ever under a Part 2 consent, to a
 * destination that is not advertising or analytics — is a disclosure of Part 2 records, and carries
 * the §2.32 notice ({@link Part2Notice}) whatever the destination allow-lists (SUD-02).
 */
public final class EgressFilter {
    private final PrivacyRules privacy;
    private final Pseudonyms pseudonyms;

    public EgressFilter(PrivacyRules privacy, Pseudonyms pseudonyms) {
        this.privacy = Objects.requireNonNull(privacy, "privacy");
        this.pseudonyms = Objects.requireNonNull(pseudonyms, "pseudonyms");
    }

    /** The decision for sending {@code payload} to {@code destination} under {@code policy}. */
    public EgressDecision decide(DestinationId destination, EgressPolicy policy, OutboundPayload payload,
            EgressConsents consents) {
        EgressTarget target = new EgressTarget(destination, policy.kind(), payload.flow());
        Optional<PageClass> page = pageClass(payload);
        Map<EgressRule, String> blocks = blocks(policy, payload, page, consents, target);
        if (!blocks.isEmpty()) {
            return new Blocked(blocks.keySet(), blocks.entrySet().stream()
                    .map(block -> block.getValue() + " (" + block.getKey().id() + ")")
                    .collect(Collectors.joining("; ")));
        }
        return new FieldPass(destination, policy, payload, page, consents.coversPart2(target),
                substanceUse(payload)).run();
    }

    private Map<EgressRule, String> blocks(EgressPolicy policy, OutboundPayload payload, Optional<PageClass> page,
            EgressConsents consents, EgressTarget target) {
        Map<EgressRule, String> blocks = new EnumMap<>(EgressRule.class);
        DestinationKind kind = policy.kind();
        boolean tracking = kind.isTracking();
        boolean consumer = payload.segment() == Segment.CONSUMER;
        boolean substanceUse = substanceUse(payload);
        if (payload.flow() == FlowKind.AUDIENCE_EXPORT && kind == DestinationKind.AD_PLATFORM) {
            blocks.put(EgressRule.TRK_07, "leads are never uploaded to an ad platform as an audience");
        }
        if (tracking && consumer && payload.flow() != FlowKind.EVENT) {
            blocks.put(EgressRule.USE_01, "a consumer lead's status is health information, never sent to"
                    + " advertising or analytics");
            if (payload.flow() == FlowKind.HAND_OFF) {
                blocks.put(EgressRule.TRK_08, "a lead's stage and score never feed advertising or analytics");
            }
        }
        if (tracking && substanceUse) {
            blocks.putIfAbsent(EgressRule.USE_01, "substance-use data never reaches advertising or analytics");
            blocks.put(EgressRule.SUD_01, "the lead has substance-use data, walled off from advertising and analytics");
        }
        if (consumer && !tracking && !policy.receivesPhi()) {
            blocks.put(EgressRule.TRK_02, "a consumer lead is PHI and the destination has no BAA");
        }
        if (substanceUse && !tracking && !consents.coversPart2(target)) {
            blocks.put(EgressRule.SUD_01, "the lead has substance-use data and no Part 2 consent covers this"
                    + " disclosure");
        }
        if (substanceUse && policy.remuneration().byVolume()) {
            blocks.put(EgressRule.SUD_04, "a lead with substance-use data never goes to a destination paid per lead,"
                    + " call, admission or revenue share");
        }
        if (policy.remuneration() != Remuneration.NONE) {
            blocks.put(EgressRule.USE_04, "lead data is not sold or exchanged, and the destination is declared with"
                    + " remuneration " + policy.remuneration().wireName());
        }
        if (kind == DestinationKind.REFERRAL_PARTNER && !consents.coversSharing(target)) {
            blocks.put(EgressRule.USE_02, "sharing with a referral partner needs the lead's affirmative express"
                    + " consent");
        }
        if ((tracking || consumer && !policy.receivesPhi()) && privacy.terms().mentionsHealth(payload.eventName())) {
            blocks.put(EgressRule.TRK_06, "the event name describes a health service, condition or level of care");
        }
        if (tracking && page.filter(PageClass::closedToThirdPartyTracking).isPresent()) {
            blocks.put(EgressRule.TRK_03, "nothing from " + page.get().wireName().replace('_', '-')
                    + " pages reaches advertising or analytics");
        }
        return blocks;
    }

    /**
     * Whether the flow concerns substance use: the lead's own flag, or for a consumer a substance-use
     * field or a substance-use term in the event name or page context.
     */
    private boolean substanceUse(OutboundPayload payload) {
        if (payload.substanceUse()) {
            return true;
        }
        if (payload.segment() != Segment.CONSUMER) {
            return false;
        }
        if (privacy.terms().classify(payload.eventName()) == TermClass.SUBSTANCE_USE) {
            return true;
        }
        for (Field field : payload.fields()) {
            if (field.dataClass() == DataClass.SUBSTANCE_USE || field.dataClass() == DataClass.PAGE
                    && privacy.dictionary().mentions("", field.value()) == TermClass.SUBSTANCE_USE) {
                return true;
            }
        }
        return false;
    }

    /** The class ingestion decided, else the class of the page's own URL, if the payload has one. */
    private Optional<PageClass> pageClass(OutboundPayload payload) {
        if (payload.pageClass().isPresent()) {
            return payload.pageClass();
        }
        return payload.fields().stream()
                .filter(field -> field.dataClass() == DataClass.PAGE && PageFields.isPageLocation(field.name())
                        && field.value() instanceof String)
                .findFirst()
                .map(field -> privacy.pages().classify((String) field.value()));
    }

    /** One pass over the fields of a payload that may leave. */
    private final class FieldPass {
        private final DestinationId destination;
        private final EgressPolicy policy;
        private final OutboundPayload payload;
        private final Optional<PageClass> page;
        private final boolean part2Consent;
        private final boolean part2Disclosure;
        private final Set<String> given = new HashSet<>();
        private final List<Field> kept = new ArrayList<>();
        private final List<Redaction> redactions = new ArrayList<>();

        FieldPass(DestinationId destination, EgressPolicy policy, OutboundPayload payload, Optional<PageClass> page,
                boolean part2Consent, boolean part2Disclosure) {
            this.destination = destination;
            this.policy = policy;
            this.payload = payload;
            this.page = page;
            this.part2Consent = part2Consent;
            this.part2Disclosure = part2Disclosure;
            payload.fields().forEach(field -> given.add(field.name()));
        }

        EgressDecision run() {
            for (Field field : payload.fields()) {
                if (field.name().equals(Part2Notice.FIELD)) {
                    continue; // the filter's to add, never the sender's
                }
                filter(field, true);
                if (field.dataClass() == DataClass.PAGE && PageFields.isPageLocation(field.name())
                        && !policy.receivesPhi() && field.value() instanceof String url) {
                    keepClickIds(url);
                }
            }
            if (part2Disclosure) {
                kept.add(new Field(Part2Notice.FIELD, DataClass.TECHNICAL, Part2Notice.TEXT));
            }
            OutboundPayload out = payload.withFields(kept);
            return redactions.isEmpty() ? new Sent(out) : new Redacted(out, redactions);
        }

        /** The query is dropped with the URL; its click ids may still leave as fields of their own. */
        private void keepClickIds(String url) {
            privacy.contentGroups().clickIds(url).forEach((name, value) -> {
                if (given.add(name)) {
                    filter(new Field(name, DataClass.CLICK_ID, value), false);
                }
            });
        }

        /** Keeps, transforms or drops one field; {@code recorded}: whether a redaction of it is recorded. */
        private void filter(Field field, boolean recorded) {
            Set<EgressRule> rules = barred(field);
            if (isPseudonymisable(field, rules)) {
                kept.add(new Field(field.name(), DataClass.IDENTIFIER,
                        pseudonyms.of(destination.value(), String.valueOf(field.value()), payload.at())));
                redact(field, Treatment.PSEUDONYMISED, rules, recorded);
            } else if (!rules.isEmpty()) {
                redact(field, Treatment.REMOVED, rules, recorded);
            } else if (field.dataClass() == DataClass.PAGE && !policy.receivesPhi()) {
                generalise(field, recorded);
            } else if (policy.kind().isTracking() && mentionsHealth(field.value())) {
                redact(field, Treatment.REMOVED, EnumSet.of(EgressRule.TRK_06), recorded);
            } else {
                kept.add(field);
            }
        }

        private Set<EgressRule> barred(Field field) {
            Set<EgressRule> rules = EnumSet.noneOf(EgressRule.class);
            if (!policy.allows(field.name())) {
                rules.add(EgressRule.TRK_01);
            }
            rules.addAll(policy.barring(field.dataClass(), payload.segment()));
            if (field.dataClass() == DataClass.SUBSTANCE_USE && !part2Consent) {
                rules.add(EgressRule.SUD_01);
            }
            boolean tracking = policy.kind().isTracking();
            if (tracking && page.filter(PageClass.HEALTH_EDUCATIONAL::equals).isPresent()
                    && (field.dataClass() == DataClass.IDENTIFIER || field.dataClass() == DataClass.CLICK_ID)) {
                rules.add(EgressRule.TRK_03);
                rules.add(EgressRule.TRK_05);
            }
            if (tracking && privacy.terms().mentionsHealth(field.name())) {
                rules.add(EgressRule.TRK_06);
            }
            return rules;
        }

        private boolean isPseudonymisable(Field field, Set<EgressRule> rules) {
            return field.dataClass() == DataClass.IDENTIFIER && rules.equals(EnumSet.of(EgressRule.TRK_05))
                    && privacy.dictionary().isUserId(field.name())
                    && (field.value() instanceof String || field.value() instanceof Long);
        }

        private void generalise(Field field, boolean recorded) {
            if (field.value() instanceof String text) {
                kept.add(new Field(field.name(), DataClass.PAGE,
                        privacy.contentGroups().generalise(field.name(), text)));
                redact(field, Treatment.GENERALISED, EnumSet.of(EgressRule.TRK_04), recorded);
            } else {
                redact(field, Treatment.REMOVED, EnumSet.of(EgressRule.TRK_04), recorded);
            }
        }

        private boolean mentionsHealth(Object value) {
            return DataDictionary.texts(value).stream().anyMatch(privacy.terms()::mentionsHealth);
        }

        private void redact(Field field, Treatment treatment, Set<EgressRule> rules, boolean recorded) {
            if (recorded) {
                redactions.add(new Redaction(field.name(), field.dataClass(), treatment, rules));
            }
        }
    }
}
