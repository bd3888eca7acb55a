package io.attune.store.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import io.attune.core.lead.LeadPrivacy;
import io.attune.core.minors.AgeBand;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** A lead's privacy findings inside the {@code leads.state} column: states and an age band, never a birth date. */
final class PrivacyCodec {
    private PrivacyCodec() {
    }

    static void write(JsonGenerator json, LeadPrivacy privacy) throws IOException {
        json.writeStartObject();
        json.writeArrayFieldStart("collectedIn");
        for (String state : privacy.collectedIn()) {
            json.writeString(state);
        }
        json.writeEndArray();
        json.writeBooleanField("collectedAbroad", privacy.collectedAbroad());
        json.writeStringField("age", privacy.age().wireName());
        json.writeArrayFieldStart("withheld");
        for (LeadPrivacy.Withholding withholding : privacy.withheld()) {
            json.writeStartObject();
            json.writeStringField("rule", withholding.rule());
            json.writeStringField("reason", withholding.reason());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    static LeadPrivacy read(Map<String, Object> json) {
        if (json.isEmpty()) {
            return LeadPrivacy.NONE;
        }
        Set<String> states = new TreeSet<>();
        Fields.list(json, "collectedIn").forEach(state -> states.add((String) state));
        String age = Fields.text(json, "age");
        AgeBand band = Arrays.stream(AgeBand.values()).filter(value -> value.wireName().equals(age)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown age band " + age));
        List<LeadPrivacy.Withholding> withheld = new ArrayList<>();
        for (Object item : Fields.list(json, "withheld")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> entry = (Map<String, Object>) item;
            withheld.add(new LeadPrivacy.Withholding(Fields.text(entry, "rule"), Fields.text(entry, "reason")));
        }
        return new LeadPrivacy(states, Boolean.TRUE.equals(json.get("collectedAbroad")), band, withheld);
    }
}
