package io.attune.store.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import io.attune.core.model.RuleId;
import io.attune.core.scoring.DecayingValue;
import io.attune.core.scoring.FitContribution;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The parts leads and accounts store alike: fit contributions and decaying values. */
final class ScoreParts {
    private ScoreParts() {
    }

    static void writeFit(JsonGenerator json, double fit, List<FitContribution> contributions) throws IOException {
        json.writeNumberField("fit", fit);
        json.writeArrayFieldStart("fitContributions");
        for (FitContribution contribution : contributions) {
            json.writeStartObject();
            json.writeStringField("rule", contribution.rule().value());
            json.writeNumberField("points", contribution.points());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    static List<FitContribution> readFitContributions(Map<String, Object> json) {
        List<FitContribution> fit = new ArrayList<>();
        for (Object entry : Fields.list(json, "fitContributions")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> contribution = (Map<String, Object>) entry;
            fit.add(new FitContribution(new RuleId(Fields.text(contribution, "rule")),
                    Fields.number(contribution, "points")));
        }
        return fit;
    }

    static void writeValue(JsonGenerator json, String field, DecayingValue value) throws IOException {
        json.writeObjectFieldStart(field);
        json.writeNumberField("value", value.value());
        json.writeNumberField("asOf", value.asOfMillis());
        json.writeEndObject();
    }

    static DecayingValue readValue(Map<String, Object> json) {
        return new DecayingValue(Fields.number(json, "value"), Fields.integer(json, "asOf"));
    }
}
