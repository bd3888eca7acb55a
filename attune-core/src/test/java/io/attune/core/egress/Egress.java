package io.attune.core.egress;

import io.attune.core.event.Attributes;
import io.attune.core.handoff.DestinationId;
import io.attune.core.handoff.HandOffData;
import io.attune.core.handoff.HandOffType;
import io.attune.core.handoff.OutboundMessage;
import io.attune.core.lifecycle.Stage;
import io.attune.core.model.ModelVersion;
import io.attune.core.model.RuleId;
import io.attune.core.model.Segment;
import io.attune.core.scoring.TopReasons;
import io.attune.core.privacy.KeyedHash;
import io.attune.core.privacy.PrivacyRules;
import io.attune.core.privacy.Pseudonyms;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The filter and the payloads the egress tests share. */
final class Egress {
    static final Instant AT = Instant.parse("2025-03-03T10:15:30Z");
    static final KeyedHash GROUP_KEY = KeyedHash.of("content-group-secret-0123");
    static final PrivacyRules PRIVACY = PrivacyRules.defaults(GROUP_KEY);
    static final Pseudonyms PSEUDONYMS = new Pseudonyms(KeyedHash.of("pseudonym-secret-0123456"), Duration.ofDays(30));
    static final EgressFilter FILTER = new EgressFilter(PRIVACY, PSEUDONYMS);
    static final DestinationId META = new DestinationId("meta-capi");
    static final DestinationId GA = new DestinationId("ga4");
    static final DestinationId CRM = new DestinationId("crm");
    static final DestinationId PARTNER = new DestinationId("partner");

    private Egress() {
    }

    static EgressPolicy policy(DestinationKind kind, boolean baa, String... allowed) {
        return new EgressPolicy(kind, baa, false, Remuneration.NONE, Set.of(allowed));
    }

    /** A tracked event: {@code page} holds the page context (url, title, referrer, search). */
    static OutboundPayload event(Segment segment, String name, Map<String, ?> properties, Map<String, ?> page) {
        return OutboundPayload.of(FlowKind.EVENT, name, segment, false, AT, Attributes.of(properties),
                Attributes.of(page), PRIVACY.dictionary());
    }

    static OutboundPayload flow(FlowKind flow, Segment segment, boolean substanceUse, String name,
            Map<String, ?> properties) {
        return OutboundPayload.of(flow, name, segment, substanceUse, AT, Attributes.of(properties), Attributes.EMPTY,
                PRIVACY.dictionary());
    }

    /** An MQL hand-off of lead {@code lead-1} carrying {@code fields}, as the planner writes it to the outbox. */
    static OutboundMessage mql(DestinationId destination, Segment segment, Map<String, ?> fields) {
        HandOffData data = new HandOffData("lead-1", segment, Stage.MQL, Stage.LEAD, "qualified by the model",
                "model " + segment.wireName() + "-starter@1", new ModelVersion(segment.wireName() + "-starter", 1), 30,
                45.5, 0, List.of(new TopReasons.Reason(new RuleId("booking_page"), 40, false)),
                segment.isBusiness() ? Optional.of("acct-9") : Optional.empty(), Attributes.of(fields));
        return new OutboundMessage("msg_1", destination, "lead-1", HandOffType.LEAD_MQL, AT, data);
    }

    static EgressDecision decide(DestinationId destination, EgressPolicy policy, OutboundPayload payload) {
        return FILTER.decide(destination, policy, payload, EgressConsents.NONE);
    }
}
