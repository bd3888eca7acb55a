package io.attune.server.webhook;

import io.attune.core.egress.HandOffPayloads;
import io.attune.core.event.Attributes;
import io.attune.core.handoff.DestinationId;
import io.attune.core.handoff.HandOffData;
import io.attune.core.handoff.HandOffType;
import io.attune.core.handoff.OutboundMessage;
import io.attune.core.lifecycle.Stage;
import io.attune.core.model.ModelVersion;
import io.attune.core.model.RuleId;
import io.attune.core.model.Segment;
import io.attune.core.privacy.DataDictionary;
import io.attune.core.scoring.TopReasons.Reason;
import io.attune.core.workspace.WorkspaceId;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Hand-offs for the webhook tests: an employer benefits leader who became an MQL, and variations. */
final class HandOffs {
    static final WorkspaceId WORKSPACE = new WorkspaceId("acme-health");
    static final Instant AT = Instant.parse("2026-03-02T15:04:05.123Z");
    static final ModelVersion MODEL = new ModelVersion("employer-starter", 3);
    static final String LEAD = "ld_0123456789abcdef01234567";
    static final String ACCOUNT = "ac_89abcdef0123456789abcdef";
    static final List<Reason> REASONS = List.of(new Reason(new RuleId("demo_request"), 30, false),
            new Reason(new RuleId("title_benefits_leader"), 25, true),
            new Reason(new RuleId("pricing_page"), 14.567, false));
    static final RuleDescriber DESCRIPTIONS = (workspace, model, rule) -> switch (rule.value()) {
        case "demo_request" -> "Requested a demo";
        case "title_benefits_leader" -> "Director, head or VP of benefits";
        default -> "";
    };
    static final Map<String, Object> TRAITS = Map.of("email", "dana@example.com", "firstName", "Dana",
            "lastName", "Reyes", "title", "VP Benefits", "company", Map.of("name", "Initech", "employees", 4200L),
            "state", "CA", "diagnosis", "generalized anxiety disorder", "phone", "+1 555 0100");

    private HandOffs() {
    }

    static HandOffData data(Stage stage, Stage from, double fit, double engagement, Segment segment,
            Map<String, Object> traits) {
        return new HandOffData(LEAD, segment, stage, from, "score 110.5 reached threshold 95", "model:" + MODEL, MODEL,
                fit, engagement, 0, REASONS, Optional.of(ACCOUNT), Attributes.of(traits));
    }

    static HandOff handOff(HandOffType type, HandOffData data) {
        return new HandOff(WORKSPACE, new WebhookId("msg_0f1e2d3c4b5a69788796a5b4c3d2e1f0"), type, AT, data.lead(),
                data);
    }

    /** A benefits leader (fit 45) who engaged enough (65.5) to become an MQL under the employer model. */
    static HandOff mql() {
        return handOff(HandOffType.LEAD_MQL, data(Stage.MQL, Stage.LEAD, 45, 65.5, Segment.EMPLOYER, TRAITS));
    }

    static HandOff inStage(HandOffType type, Stage stage, double total, Segment segment) {
        return handOff(type, data(stage, Stage.MQL, total / 2, total / 2, segment, TRAITS));
    }

    /**
     * What a destination whose egress policy releases the whole envelope and the traits it lists gets
     * of the hand-off, as the core describes it (the dispatcher renders exactly such attributes).
     */
    static Attributes released(HandOff handOff, Collection<String> traits) {
        OutboundMessage message = new OutboundMessage(handOff.id().value(), new DestinationId("crm"), handOff.subject(),
                handOff.type(), handOff.time(), handOff.data());
        Map<String, Object> released = new LinkedHashMap<>();
        HandOffPayloads.of(message, DataDictionary.defaults(), false).attributes().asMap().forEach((name, value) -> {
            if (HandOffPayloads.ENVELOPE.contains(name) || traits.contains(name)) {
                released.put(name, value);
            }
        });
        return Attributes.of(released);
    }
}
