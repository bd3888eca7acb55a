package io.attune.core.egress;

import io.attune.core.egress.OutboundPayload.Field;
import io.attune.core.handoff.HandOffData;
import io.attune.core.handoff.OutboundMessage;
import io.attune.core.privacy.DataClass;
import io.attune.core.privacy.DataDictionary;
import io.attune.core.scoring.TopReasons;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A hand-off as the egress filter sees it: its envelope — {@value #LEAD}, {@value #ACCOUNT},
 * {@value #SEGMENT}, {@value #STAGE}, {@value #FROM}, {@value #CAUSE}, {@value #ACTOR}, {@value #MODEL},
 * {@value #SCORE} ({@code fit}, {@code engagement}, {@code total}, and {@code learned} when the model's
 * learned term adds points) and {@value #REASONS} (rule, points,
 * kind) — and the lead's fields by their trait names, classified by the dictionary. The envelope
 * names are properties like any other: a destination receives those it allow-lists. The egress
 * filter adds {@value #PART2_NOTICE} ({@link Part2Notice}) to a disclosure of Part 2 data; it is never
 * taken from the lead's traits.
 */
public final class HandOffPayloads {
    public static final String LEAD = "handoff.lead";
    public static final String ACCOUNT = "handoff.account";
    public static final String SEGMENT = "handoff.segment";
    public static final String STAGE = "handoff.stage";
    public static final String FROM = "handoff.from";
    public static final String CAUSE = "handoff.cause";
    public static final String ACTOR = "handoff.actor";
    public static final String MODEL = "handoff.model";
    public static final String SCORE = "handoff.score";
    public static final String REASONS = "handoff.reasons";
    public static final String PART2_NOTICE = "handoff.part2Notice";
    /** Every envelope name. */
    public static final Set<String> ENVELOPE = Set.of(LEAD, ACCOUNT, SEGMENT, STAGE, FROM, CAUSE, ACTOR, MODEL,
            SCORE, REASONS, PART2_NOTICE);

    private HandOffPayloads() {
    }

    /**
     * The payload of one outbox message. {@code substanceUse}: whether the lead has substance-use data,
     * from all its traits ({@link DataDictionary#revealsSubstanceUse}), not only the fields handed off.
     */
    public static OutboundPayload of(OutboundMessage message, DataDictionary dictionary, boolean substanceUse) {
        HandOffData data = message.data();
        List<Field> fields = new ArrayList<>();
        fields.add(new Field(LEAD, DataClass.IDENTIFIER, data.lead()));
        data.account().ifPresent(account -> fields.add(new Field(ACCOUNT, DataClass.BUSINESS_CONTACT, account)));
        fields.add(new Field(SEGMENT, DataClass.TECHNICAL, data.segment().wireName()));
        fields.add(new Field(STAGE, DataClass.SCORE, data.stage().wireName()));
        fields.add(new Field(FROM, DataClass.SCORE, data.from().wireName()));
        fields.add(new Field(CAUSE, DataClass.SCORE, data.cause()));
        fields.add(new Field(ACTOR, DataClass.SCORE, data.actor()));
        fields.add(new Field(MODEL, DataClass.TECHNICAL, data.model().toString()));
        fields.add(new Field(SCORE, DataClass.SCORE, score(data)));
        fields.add(new Field(REASONS, DataClass.SCORE, reasons(data.reasons())));
        data.fields().asMap().forEach((name, value) -> {
            if (!ENVELOPE.contains(name)) {
                fields.add(new Field(name, dictionary.classify(name, value, data.segment()), value));
            }
        });
        return new OutboundPayload(FlowKind.HAND_OFF, message.type().wireName(), data.segment(), substanceUse,
                Optional.empty(), message.at(), fields);
    }

    private static List<Map<String, Object>> reasons(List<TopReasons.Reason> reasons) {
        List<Map<String, Object>> list = new ArrayList<>(reasons.size());
        for (TopReasons.Reason reason : reasons) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("rule", reason.rule().value());
            entry.put("points", reason.value());
            entry.put("kind", reason.fit() ? "fit" : "engagement");
            list.add(entry);
        }
        return list;
    }

    /** The score parts; {@code learned} only when the model has a learned term, so other hand-offs read as before. */
    private static Map<String, Object> score(HandOffData data) {
        return data.learned() == 0
                ? Map.of("fit", data.fit(), "engagement", data.engagement(), "total", data.total())
                : Map.of("fit", data.fit(), "engagement", data.engagement(), "learned", data.learned(),
                        "total", data.total());
    }
}
