package io.attune.store.codec;

import io.attune.core.account.AccountId;
import io.attune.core.account.AccountState;
import io.attune.core.account.AccountTraits;
import io.attune.core.event.Attributes;
import io.attune.core.model.ModelVersion;
import io.attune.core.model.RuleId;
import io.attune.core.model.Segment;
import io.attune.core.scoring.FitContribution;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Account states as stored in the {@code accounts.state} column. */
public final class AccountStateCodec {
    private AccountStateCodec() {
    }

    public static String encode(AccountState account) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", account.id().value());
        account.groupId().ifPresent(id -> json.put("groupId", id));
        account.domain().ifPresent(domain -> json.put("domain", domain));
        json.put("traits", account.traits().attributes().asMap());
        json.put("segment", account.segment().wireName());
        json.put("model", account.model().toString());
        json.put("fit", account.fit());
        List<Map<String, Object>> fit = new ArrayList<>();
        for (FitContribution contribution : account.fitContributions()) {
            fit.add(Map.of("rule", contribution.rule().value(), "points", contribution.points()));
        }
        json.put("fitContributions", fit);
        json.put("engagement", LeadStateCodec.encodeValue(account.engagement()));
        Map<String, Object> committee = new LinkedHashMap<>();
        account.committee().forEach((role, at) -> committee.put(role, at.toEpochMilli()));
        json.put("committee", committee);
        json.put("mqa", account.mqa());
        json.put("contacts", account.contacts());
        json.put("updatedAt", account.updatedAt().toEpochMilli());
        return Json.write(json);
    }

    public static AccountState decode(String text) {
        Map<String, Object> json = Json.read(text);
        List<FitContribution> fit = new ArrayList<>();
        for (Object entry : Fields.list(json, "fitContributions")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> contribution = (Map<String, Object>) entry;
            fit.add(new FitContribution(new RuleId(Fields.text(contribution, "rule")),
                    Fields.number(contribution, "points")));
        }
        Map<String, Instant> committee = new LinkedHashMap<>();
        Fields.map(json, "committee").forEach((role, at) -> committee.put(role,
                Instant.ofEpochMilli(((Number) at).longValue())));
        String domain = Fields.optionalText(json, "domain");
        return new AccountState(new AccountId(Fields.text(json, "id")),
                Optional.ofNullable(Fields.optionalText(json, "groupId")), Optional.ofNullable(domain),
                AccountTraits.of(Attributes.of(Fields.map(json, "traits")), domain),
                Segment.fromWireName(Fields.text(json, "segment")).orElseThrow(),
                ModelVersion.parse(Fields.text(json, "model")), Fields.number(json, "fit"), fit,
                LeadStateCodec.decodeValue(Fields.map(json, "engagement")), committee,
                Boolean.TRUE.equals(json.get("mqa")), (int) Fields.integer(json, "contacts"),
                Fields.instant(json, "updatedAt"));
    }
}
