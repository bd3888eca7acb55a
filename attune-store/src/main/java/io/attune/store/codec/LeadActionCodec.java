package io.attune.store.codec;

import io.attune.core.identity.LeadId;
import io.attune.core.lifecycle.Actor;
import io.attune.core.lifecycle.Bant;
import io.attune.core.lifecycle.LeadAction;
import io.attune.core.lifecycle.Money;
import io.attune.core.lifecycle.RejectionReason;
import io.attune.core.lifecycle.SalesAction;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Sales actions as stored in the {@code lead_actions} log (the actor and time are columns of their own). */
public final class LeadActionCodec {
    private LeadActionCodec() {
    }

    public static String encode(SalesAction action) {
        return JsonWriter.write(json -> {
            json.writeStartObject();
            json.writeStringField("type", action.wireName());
            if (action instanceof SalesAction.Accept accept) {
                Bant bant = accept.bant();
                json.writeStringField("budget", bant.budget());
                json.writeStringField("authority", bant.authority());
                json.writeStringField("need", bant.need());
                json.writeStringField("timeline", bant.timeline());
            } else if (action instanceof SalesAction.Reject reject) {
                json.writeStringField("reason", reject.reason().wireName());
                if (reject.note().isPresent()) {
                    json.writeStringField("note", reject.note().get());
                }
            } else if (action instanceof SalesAction.ConvertToOpportunity opportunity) {
                writeMoney(json, opportunity.amount());
            } else if (action instanceof SalesAction.Won won) {
                writeMoney(json, won.amount());
            } else if (action instanceof SalesAction.ClearCrisis clear) {
                json.writeStringField("note", clear.note());
            } else if (action instanceof SalesAction.Lost lost && lost.reason().isPresent()) {
                json.writeStringField("reason", lost.reason().get());
            }
            json.writeEndObject();
        });
    }

    private static void writeMoney(com.fasterxml.jackson.core.JsonGenerator json, Optional<Money> money)
            throws java.io.IOException {
        if (money.isPresent()) {
            json.writeStringField("amount", money.get().amount().toPlainString());
            json.writeStringField("currency", money.get().currency());
        }
    }

    public static SalesAction decode(String text) {
        Map<String, Object> json = Json.read(text);
        String type = Fields.text(json, "type");
        return switch (type) {
            case "accept" -> new SalesAction.Accept(new Bant(Fields.text(json, "budget"),
                    Fields.text(json, "authority"), Fields.text(json, "need"), Fields.text(json, "timeline")));
            case "reject" -> new SalesAction.Reject(RejectionReason.fromWireName(Fields.text(json, "reason"))
                    .orElseThrow(() -> new IllegalStateException("stored rejection has an unknown reason")),
                    Optional.ofNullable(Fields.optionalText(json, "note")));
            case "opportunity" -> new SalesAction.ConvertToOpportunity(money(json));
            case "won" -> new SalesAction.Won(money(json));
            case "lost" -> new SalesAction.Lost(Optional.ofNullable(Fields.optionalText(json, "reason")));
            case "crisis_clear" -> new SalesAction.ClearCrisis(Fields.text(json, "note"));
            default -> throw new IllegalStateException("stored sales action has an unknown type " + type);
        };
    }

    static Optional<Money> money(Map<String, Object> json) {
        String amount = Fields.optionalText(json, "amount");
        return amount == null ? Optional.empty()
                : Optional.of(new Money(new BigDecimal(amount), Fields.text(json, "currency")));
    }

    public static LeadAction action(String lead, String action, String actor, long at) {
        return new LeadAction(new LeadId(lead), decode(action), Actor.parse(actor), Instant.ofEpochMilli(at));
    }
}
