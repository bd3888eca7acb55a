package io.attune.store.codec;

import io.attune.core.event.Attributes;
import io.attune.core.handoff.HandOffData;
import io.attune.core.lifecycle.Stage;
import io.attune.core.model.ModelVersion;
import io.attune.core.model.RuleId;
import io.attune.core.model.Segment;
import io.attune.core.scoring.TopReasons;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a hand-off says, as stored in the outbox's {@code data} column. */
public final class HandOffCodec {
    private HandOffCodec() {
    }

    public static String encode(HandOffData data) {
        return JsonWriter.write(json -> {
            json.writeStartObject();
            json.writeStringField("lead", data.lead());
            json.writeStringField("segment", data.segment().wireName());
            json.writeStringField("stage", data.stage().wireName());
            json.writeStringField("from", data.from().wireName());
            json.writeStringField("cause", data.cause());
            json.writeStringField("actor", data.actor());
            json.writeStringField("model", data.model().toString());
            json.writeNumberField("fit", data.fit());
            json.writeNumberField("engagement", data.engagement());
            if (data.learned() != 0) {
                json.writeNumberField("learned", data.learned());
            }
            json.writeArrayFieldStart("reasons");
            for (TopReasons.Reason reason : data.reasons()) {
                json.writeStartObject();
                json.writeStringField("rule", reason.rule().value());
                json.writeNumberField("value", reason.value());
                json.writeBooleanField("fit", reason.fit());
                json.writeEndObject();
            }
            json.writeEndArray();
            if (data.account().isPresent()) {
                json.writeStringField("account", data.account().get());
            }
            JsonWriter.field(json, "fields", data.fields().asMap());
            json.writeEndObject();
        });
    }

    public static HandOffData decode(String text) {
        Map<String, Object> json = Json.read(text);
        List<TopReasons.Reason> reasons = new ArrayList<>();
        for (Object entry : Fields.list(json, "reasons")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> reason = (Map<String, Object>) entry;
            reasons.add(new TopReasons.Reason(new RuleId(Fields.text(reason, "rule")), Fields.number(reason, "value"),
                    Boolean.TRUE.equals(reason.get("fit"))));
        }
        return new HandOffData(Fields.text(json, "lead"), Segment.fromWireName(Fields.text(json, "segment")).orElseThrow(),
                Stage.fromWireName(Fields.text(json, "stage")).orElseThrow(),
                Stage.fromWireName(Fields.text(json, "from")).orElseThrow(), Fields.text(json, "cause"),
                Fields.text(json, "actor"), ModelVersion.parse(Fields.text(json, "model")), Fields.number(json, "fit"),
                Fields.number(json, "engagement"),
                // hand-offs stored before models had a learned term have none
                json.get("learned") instanceof Number learned ? learned.doubleValue() : 0, reasons, Optional.ofNullable(Fields.optionalText(json, "account")),
                Attributes.of(Fields.map(json, "fields")));
    }
}
