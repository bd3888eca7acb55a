package io.attune.store.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import io.attune.core.crisis.PhraseFamily;
import io.attune.core.lead.CrisisRecord;
import io.attune.core.lifecycle.Stage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A lead's crisis record inside the {@code leads.state} column; it holds no text a person wrote. */
final class CrisisCodec {
    private CrisisCodec() {
    }

    static void write(JsonGenerator json, CrisisRecord crisis) throws IOException {
        json.writeStartObject();
        if (crisis.held()) {
            json.writeNumberField("heldSince", crisis.heldSince().get().toEpochMilli());
            json.writeStringField("heldFrom", crisis.heldFrom().get().wireName());
        }
        json.writeArrayFieldStart("families");
        for (PhraseFamily family : PhraseFamily.values()) {
            if (crisis.families().contains(family)) {
                json.writeString(family.wireName());
            }
        }
        json.writeEndArray();
        if (crisis.clearedAt().isPresent()) {
            json.writeNumberField("clearedAt", crisis.clearedAt().get().toEpochMilli());
        }
        json.writeBooleanField("thirdPersonOnly", crisis.thirdPersonOnly());
        json.writeBooleanField("emergencyFirst", crisis.emergencyFirst());
        json.writeArrayFieldStart("reviews");
        for (CrisisRecord.ReviewFlag flag : crisis.reviews()) {
            json.writeStartObject();
            json.writeNumberField("at", flag.at().toEpochMilli());
            json.writeStringField("source", flag.source());
            json.writeBooleanField("lowPriority", flag.lowPriority());
            json.writeArrayFieldStart("reasons");
            for (String reason : flag.reasons().stream().sorted().toList()) {
                json.writeString(reason);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    static CrisisRecord read(Map<String, Object> json) {
        if (json.isEmpty()) {
            return CrisisRecord.NONE;
        }
        Set<PhraseFamily> families = EnumSet.noneOf(PhraseFamily.class);
        Fields.list(json, "families").forEach(name -> families.add(PhraseFamily.fromWireName((String) name)));
        List<CrisisRecord.ReviewFlag> reviews = new ArrayList<>();
        for (Object item : Fields.list(json, "reviews")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> flag = (Map<String, Object>) item;
            Set<String> reasons = new LinkedHashSet<>();
            Fields.list(flag, "reasons").forEach(reason -> reasons.add((String) reason));
            reviews.add(new CrisisRecord.ReviewFlag(Fields.instant(flag, "at"), Fields.text(flag, "source"),
                    Boolean.TRUE.equals(flag.get("lowPriority")), reasons));
        }
        Object since = json.get("heldSince");
        Optional<Instant> heldSince = since instanceof Number at ? Optional.of(Instant.ofEpochMilli(at.longValue()))
                : Optional.empty();
        Optional<Stage> heldFrom = Optional.ofNullable(Fields.optionalText(json, "heldFrom"))
                .flatMap(Stage::fromWireName);
        Object cleared = json.get("clearedAt");
        Optional<Instant> clearedAt = cleared instanceof Number at ? Optional.of(Instant.ofEpochMilli(at.longValue()))
                : Optional.empty();
        return new CrisisRecord(heldSince, heldFrom, families, Boolean.TRUE.equals(json.get("thirdPersonOnly")),
                Boolean.TRUE.equals(json.get("emergencyFirst")), reviews, clearedAt);
    }
}
