package io.attune.store.codec;

import io.attune.core.account.AccountId;
import io.attune.core.event.Attributes;
import io.attune.core.identity.LeadId;
import io.attune.core.lead.LeadState;
import io.attune.core.lead.LeadTraits;
import io.attune.core.lifecycle.Stage;
import io.attune.core.model.ModelVersion;
import io.attune.core.model.RuleId;
import io.attune.core.model.ScoringModel;
import io.attune.core.model.Segment;
import io.attune.core.scoring.DecayingValue;
import io.attune.core.scoring.Disqualification;
import io.attune.core.scoring.FitContribution;
import io.attune.core.scoring.LeadScore;
import io.attune.core.scoring.RuleTally;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Lead states as stored in the {@code leads.state} column. Decoding needs the model the score was made with. */
public final class LeadStateCodec {
    private LeadStateCodec() {
    }

    public static String encode(LeadState lead, ScoringModel model) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", lead.id().value());
        json.put("segment", lead.segment().wireName());
        json.put("stage", lead.stage().wireName());
        json.put("identified", lead.identified());
        lead.account().ifPresent(account -> json.put("account", account.value()));
        json.put("roles", List.copyOf(lead.roles()));
        json.put("model", lead.model().toString());
        json.put("traits", lead.traits().attributes().asMap());
        json.put("score", encodeScore(lead.score(), model));
        json.put("firstSeen", lead.firstSeen().toEpochMilli());
        json.put("lastSeen", lead.lastSeen().toEpochMilli());
        json.put("events", lead.events());
        json.put("updatedAt", lead.updatedAt().toEpochMilli());
        return Json.write(json);
    }

    /** Decodes a stored lead; {@code models} finds the model version named in the record. */
    public static LeadState decode(String text, Function<ModelVersion, ScoringModel> models) {
        Map<String, Object> json = Json.read(text);
        ModelVersion version = ModelVersion.parse(Fields.text(json, "model"));
        ScoringModel model = models.apply(version);
        Set<String> roles = new LinkedHashSet<>();
        Fields.list(json, "roles").forEach(role -> roles.add((String) role));
        String account = Fields.optionalText(json, "account");
        return new LeadState(new LeadId(Fields.text(json, "id")),
                Segment.fromWireName(Fields.text(json, "segment")).orElseThrow(),
                Stage.fromWireName(Fields.text(json, "stage")).orElseThrow(),
                Boolean.TRUE.equals(json.get("identified")),
                LeadTraits.of(Attributes.of(Fields.map(json, "traits"))),
                Optional.ofNullable(account).map(AccountId::new), roles, version,
                decodeScore(Fields.map(json, "score"), model), Fields.instant(json, "firstSeen"),
                Fields.instant(json, "lastSeen"), Fields.integer(json, "events"), Fields.instant(json, "updatedAt"));
    }

    private static Map<String, Object> encodeScore(LeadScore score, ScoringModel model) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("fit", score.fit());
        List<Map<String, Object>> fit = new ArrayList<>();
        for (FitContribution contribution : score.fitContributions()) {
            fit.add(Map.of("rule", contribution.rule().value(), "points", contribution.points()));
        }
        json.put("fitContributions", fit);
        json.put("engagement", encodeValue(score.engagement()));
        Map<String, Object> tallies = new LinkedHashMap<>();
        score.tallies(model).forEach((rule, tally) -> {
            Map<String, Object> entry = new LinkedHashMap<>(encodeValue(tally.value()));
            entry.put("count", tally.count());
            entry.put("earned", tally.earned());
            List<Long> recent = new ArrayList<>();
            for (long time : tally.recent()) {
                recent.add(time);
            }
            entry.put("recent", recent);
            tallies.put(rule.value(), entry);
        });
        json.put("tallies", tallies);
        score.attributeDisqualification().ifPresent(d -> json.put("disqualifiedByAttributes", encode(d)));
        score.eventDisqualification().ifPresent(d -> json.put("disqualifiedByEvent", encode(d)));
        return json;
    }

    private static LeadScore decodeScore(Map<String, Object> json, ScoringModel model) {
        List<FitContribution> fit = new ArrayList<>();
        for (Object entry : Fields.list(json, "fitContributions")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> contribution = (Map<String, Object>) entry;
            fit.add(new FitContribution(new RuleId(Fields.text(contribution, "rule")),
                    Fields.number(contribution, "points")));
        }
        Map<RuleId, RuleTally> tallies = new LinkedHashMap<>();
        Fields.map(json, "tallies").forEach((rule, value) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> tally = (Map<String, Object>) value;
            List<Object> recentList = Fields.list(tally, "recent");
            long[] recent = new long[recentList.size()];
            for (int i = 0; i < recent.length; i++) {
                recent[i] = ((Number) recentList.get(i)).longValue();
            }
            tallies.put(new RuleId(rule), new RuleTally(decodeValue(tally), (int) Fields.integer(tally, "count"),
                    Fields.number(tally, "earned"), recent));
        });
        return LeadScore.restore(model, Fields.number(json, "fit"), fit, decodeValue(Fields.map(json, "engagement")),
                tallies, decodeDisqualification(Fields.map(json, "disqualifiedByAttributes")),
                decodeDisqualification(Fields.map(json, "disqualifiedByEvent")));
    }

    static Map<String, Object> encodeValue(DecayingValue value) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("value", value.value());
        json.put("asOf", value.asOfMillis());
        return json;
    }

    static DecayingValue decodeValue(Map<String, Object> json) {
        return new DecayingValue(Fields.number(json, "value"), Fields.integer(json, "asOf"));
    }

    private static Map<String, Object> encode(Disqualification disqualification) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rule", disqualification.rule().value());
        json.put("reason", disqualification.reason());
        json.put("at", disqualification.at().toEpochMilli());
        return json;
    }

    private static Optional<Disqualification> decodeDisqualification(Map<String, Object> json) {
        if (json.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Disqualification(new RuleId(Fields.text(json, "rule")), Fields.text(json, "reason"),
                Instant.ofEpochMilli(Fields.integer(json, "at"))));
    }
}
