package io.attune.store.codec;

import io.attune.core.account.AccountId;
import io.attune.core.account.AccountState;
import io.attune.core.account.AccountTraits;
import io.attune.core.event.Attributes;
import io.attune.core.model.ModelVersion;
import io.attune.core.model.Segment;
import io.attune.core.scoring.FitContribution;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Account states as stored in the {@code accounts.state} column. */
public final class AccountStateCodec {
    private AccountStateCodec() {
    }

    public static String encode(AccountState account) {
        return JsonWriter.write(json -> {
            json.writeStartObject();
            json.writeStringField("id", account.id().value());
            if (account.groupId().isPresent()) {
                json.writeStringField("groupId", account.groupId().get());
            }
            if (account.domain().isPresent()) {
                json.writeStringField("domain", account.domain().get());
            }
            JsonWriter.field(json, "traits", account.traits().attributes().asMap());
            json.writeStringField("segment", account.segment().wireName());
            json.writeStringField("model", account.model().toString());
            ScoreParts.writeFit(json, account.fit(), account.fitContributions());
            ScoreParts.writeValue(json, "engagement", account.engagement());
            json.writeObjectFieldStart("committee");
            for (Map.Entry<String, Instant> role : account.committee().entrySet()) {
                json.writeNumberField(role.getKey(), role.getValue().toEpochMilli());
            }
            json.writeEndObject();
            json.writeBooleanField("mqa", account.mqa());
            json.writeNumberField("contacts", account.contacts());
            json.writeNumberField("updatedAt", account.updatedAt().toEpochMilli());
            json.writeEndObject();
        });
    }

    public static AccountState decode(String text) {
        Map<String, Object> json = Json.read(text);
        List<FitContribution> fit = ScoreParts.readFitContributions(json);
        Map<String, Instant> committee = new LinkedHashMap<>();
        Fields.map(json, "committee").forEach((role, at) -> committee.put(role,
                Instant.ofEpochMilli(((Number) at).longValue())));
        String domain = Fields.optionalText(json, "domain");
        return new AccountState(new AccountId(Fields.text(json, "id")),
                Optional.ofNullable(Fields.optionalText(json, "groupId")), Optional.ofNullable(domain),
                AccountTraits.of(Attributes.of(Fields.map(json, "traits")), domain),
                Segment.fromWireName(Fields.text(json, "segment")).orElseThrow(),
                ModelVersion.parse(Fields.text(json, "model")), Fields.number(json, "fit"), fit,
                ScoreParts.readValue(Fields.map(json, "engagement")), committee,
                Boolean.TRUE.equals(json.get("mqa")), (int) Fields.integer(json, "contacts"),
                Fields.instant(json, "updatedAt"));
    }
}
