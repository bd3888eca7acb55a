package io.attune.server.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.attune.core.egress.EgressRecord;
import io.attune.core.egress.EgressRule;
import io.attune.core.egress.Redaction;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The JSON of recorded egress decisions: ids, outcome, rule ids and redacted field names, never a value. */
final class EgressBodies {
    private EgressBodies() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DecisionBody(Instant at, String message, String destination, String lead, String type, int attempt,
            String outcome, List<String> rules, List<RedactionBody> redactions, String reason) {

        static DecisionBody of(EgressRecord record) {
            return new DecisionBody(record.at(), record.messageId(), record.destination().value(), record.lead(),
                    record.type().wireName(), record.attempt(), record.outcome().wireName(), record.ruleIds(),
                    record.redactions().stream().map(RedactionBody::of).toList(), record.reason().orElse(null));
        }
    }

    record RedactionBody(String field, String dataClass, String treatment, List<String> rules) {
        static RedactionBody of(Redaction redaction) {
            return new RedactionBody(redaction.field(), redaction.dataClass().wireName(),
                    redaction.treatment().name().toLowerCase(Locale.ROOT),
                    redaction.rules().stream().sorted().map(EgressRule::id).toList());
        }
    }
}
