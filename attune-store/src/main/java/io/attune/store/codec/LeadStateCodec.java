package io.attune.store.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import io.attune.core.account.AccountId;
import io.attune.core.event.Attributes;
import io.attune.core.identity.LeadId;
import io.attune.core.lead.CrisisRecord;
import io.attune.core.lead.LeadPrivacy;
import io.attune.core.lead.LeadState;
import io.attune.core.lead.LeadTraits;
import io.attune.core.lead.SalesRecord;
import io.attune.core.lifecycle.Bant;
import io.attune.core.lifecycle.Money;
import io.attune.core.lifecycle.RejectionReason;
import io.attune.core.lifecycle.Stage;
import io.attune.core.model.ModelVersion;
import io.attune.core.model.RuleId;
import io.attune.core.model.ScoringModel;
import io.attune.core.model.Segment;
import io.attune.core.scoring.Disqualification;
import io.attune.core.scoring.FitContribution;
import io.attune.core.scoring.LeadScore;
import io.attune.core.scoring.RuleTally;
import java.io.IOException;
import java.time.Instant;
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
        return JsonWriter.write(json -> {
            json.writeStartObject();
            json.writeStringField("id", lead.id().value());
            json.writeStringField("segment", lead.segment().wireName());
            json.writeStringField("stage", lead.stage().wireName());
            json.writeBooleanField("identified", lead.identified());
            if (lead.account().isPresent()) {
                json.writeStringField("account", lead.account().get().value());
            }
            json.writeArrayFieldStart("roles");
            for (String role : lead.roles()) {
                json.writeString(role);
            }
            json.writeEndArray();
            json.writeStringField("model", lead.model().toString());
            JsonWriter.field(json, "traits", lead.traits().attributes().asMap());
            json.writeFieldName("score");
            writeScore(json, lead.score(), model);
            json.writeNumberField("firstSeen", lead.firstSeen().toEpochMilli());
            json.writeNumberField("lastSeen", lead.lastSeen().toEpochMilli());
            json.writeNumberField("events", lead.events());
            json.writeNumberField("updatedAt", lead.updatedAt().toEpochMilli());
            if (!lead.sales().equals(SalesRecord.NONE)) {
                json.writeFieldName("sales");
                writeSales(json, lead.sales());
            }
            if (!lead.crisis().equals(CrisisRecord.NONE)) {
                json.writeFieldName("crisis");
                CrisisCodec.write(json, lead.crisis());
            }
            if (!lead.privacy().equals(LeadPrivacy.NONE)) {
                json.writeFieldName("privacy");
                PrivacyCodec.write(json, lead.privacy());
            }
            json.writeEndObject();
        });
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
                Fields.instant(json, "lastSeen"), Fields.integer(json, "events"), Fields.instant(json, "updatedAt"),
                readSales(Fields.map(json, "sales")), CrisisCodec.read(Fields.map(json, "crisis")),
                PrivacyCodec.read(Fields.map(json, "privacy")));
    }

    private static void writeScore(JsonGenerator json, LeadScore score, ScoringModel model) throws IOException {
        json.writeStartObject();
        ScoreParts.writeFit(json, score.fit(), score.fitContributions());
        ScoreParts.writeValue(json, "engagement", score.engagement());
        json.writeObjectFieldStart("tallies");
        for (Map.Entry<RuleId, RuleTally> entry : score.tallies(model).entrySet()) {
            RuleTally tally = entry.getValue();
            json.writeObjectFieldStart(entry.getKey().value());
            json.writeNumberField("value", tally.value().value());
            json.writeNumberField("asOf", tally.value().asOfMillis());
            json.writeNumberField("count", tally.count());
            json.writeNumberField("earned", tally.earned());
            json.writeArrayFieldStart("recent");
            for (long time : tally.recent()) {
                json.writeNumber(time);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndObject();
        if (score.attributeDisqualification().isPresent()) {
            json.writeFieldName("disqualifiedByAttributes");
            writeDisqualification(json, score.attributeDisqualification().get());
        }
        if (score.eventDisqualification().isPresent()) {
            json.writeFieldName("disqualifiedByEvent");
            writeDisqualification(json, score.eventDisqualification().get());
        }
        json.writeEndObject();
    }

    private static LeadScore decodeScore(Map<String, Object> json, ScoringModel model) {
        List<FitContribution> fit = ScoreParts.readFitContributions(json);
        Map<RuleId, RuleTally> tallies = new LinkedHashMap<>();
        Fields.map(json, "tallies").forEach((rule, value) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> tally = (Map<String, Object>) value;
            List<Object> recentList = Fields.list(tally, "recent");
            long[] recent = new long[recentList.size()];
            for (int i = 0; i < recent.length; i++) {
                recent[i] = ((Number) recentList.get(i)).longValue();
            }
            tallies.put(new RuleId(rule), new RuleTally(ScoreParts.readValue(tally), (int) Fields.integer(tally, "count"),
                    Fields.number(tally, "earned"), recent));
        });
        return LeadScore.restore(model, Fields.number(json, "fit"), fit, ScoreParts.readValue(Fields.map(json, "engagement")),
                tallies, decodeDisqualification(Fields.map(json, "disqualifiedByAttributes")),
                decodeDisqualification(Fields.map(json, "disqualifiedByEvent")));
    }

    private static void writeSales(JsonGenerator json, SalesRecord sales) throws IOException {
        json.writeStartObject();
        if (sales.bant().isPresent()) {
            Bant bant = sales.bant().get();
            json.writeObjectFieldStart("bant");
            json.writeStringField("budget", bant.budget());
            json.writeStringField("authority", bant.authority());
            json.writeStringField("need", bant.need());
            json.writeStringField("timeline", bant.timeline());
            json.writeEndObject();
        }
        if (sales.rejection().isPresent()) {
            json.writeStringField("rejection", sales.rejection().get().wireName());
        }
        if (sales.note().isPresent()) {
            json.writeStringField("note", sales.note().get());
        }
        if (sales.recycledAt().isPresent()) {
            json.writeNumberField("recycledAt", sales.recycledAt().get().toEpochMilli());
        }
        ScoreParts.writeValue(json, "recycleDiscount", sales.recycleDiscount());
        writeMoney(json, "opportunity", sales.opportunity());
        writeMoney(json, "won", sales.won());
        json.writeEndObject();
    }

    private static void writeMoney(JsonGenerator json, String field, Optional<Money> money) throws IOException {
        if (money.isPresent()) {
            json.writeObjectFieldStart(field);
            json.writeStringField("amount", money.get().amount().toPlainString());
            json.writeStringField("currency", money.get().currency());
            json.writeEndObject();
        }
    }

    private static SalesRecord readSales(Map<String, Object> json) {
        if (json.isEmpty()) {
            return SalesRecord.NONE;
        }
        Map<String, Object> bant = Fields.map(json, "bant");
        Object recycledAt = json.get("recycledAt");
        return new SalesRecord(
                bant.isEmpty() ? Optional.empty() : Optional.of(new Bant(Fields.text(bant, "budget"),
                        Fields.text(bant, "authority"), Fields.text(bant, "need"), Fields.text(bant, "timeline"))),
                Optional.ofNullable(Fields.optionalText(json, "rejection")).flatMap(RejectionReason::fromWireName),
                Optional.ofNullable(Fields.optionalText(json, "note")),
                recycledAt instanceof Number at ? Optional.of(Instant.ofEpochMilli(at.longValue())) : Optional.empty(),
                ScoreParts.readValue(Fields.map(json, "recycleDiscount")),
                LeadActionCodec.money(Fields.map(json, "opportunity")),
                LeadActionCodec.money(Fields.map(json, "won")));
    }

    private static void writeDisqualification(JsonGenerator json, Disqualification disqualification)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("rule", disqualification.rule().value());
        json.writeStringField("reason", disqualification.reason());
        json.writeNumberField("at", disqualification.at().toEpochMilli());
        json.writeEndObject();
    }

    private static Optional<Disqualification> decodeDisqualification(Map<String, Object> json) {
        if (json.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Disqualification(new RuleId(Fields.text(json, "rule")), Fields.text(json, "reason"),
                Instant.ofEpochMilli(Fields.integer(json, "at"))));
    }
}
