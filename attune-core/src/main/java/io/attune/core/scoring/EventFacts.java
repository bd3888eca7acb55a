package io.attune.core.scoring;

import io.attune.core.condition.Facts;
import io.attune.core.event.Attributes;
import io.attune.core.event.Event;
import io.attune.core.event.Page;
import io.attune.core.model.ScoringModel;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The facts one event is scored on. Maps are built only when a condition asks for them, because
 * most events are tested against a handful of rules that read one or two variables.
 */
public final class EventFacts implements Facts {
    private final Event event;
    private final Map<String, Object> lead;
    private final Map<String, Object> account;
    private final LeadScore score;
    private final ScoringModel model;
    private Map<String, Object> eventMap;
    private Map<String, Object> page;
    private Map<String, Object> seen;

    /**
     * @param lead the lead's facts map (its traits with derived keys), see {@code LeadFacts}
     * @param account the account's facts map, empty when the lead has none
     */
    public EventFacts(Event event, Map<String, Object> lead, Map<String, Object> account, LeadScore score,
            ScoringModel model) {
        this.event = event;
        this.lead = lead;
        this.account = account;
        this.score = score;
        this.model = model;
    }

    @Override
    public Map<String, Object> variable(String name) {
        return switch (name) {
            case "event" -> eventMap();
            case "props" -> event.attributes().asMap();
            case "page" -> page();
            case "context" -> event.header().context().asMap();
            case "lead" -> lead;
            case "account" -> account;
            case "seen" -> seen();
            default -> null;
        };
    }

    private Map<String, Object> eventMap() {
        if (eventMap == null) {
            Map<String, Object> map = new HashMap<>(4);
            map.put("kind", event.kind().wireName());
            map.put("name", event.name());
            if (event instanceof Page p) {
                map.put("category", p.category());
            }
            eventMap = map;
        }
        return eventMap;
    }

    private Map<String, Object> page() {
        if (page == null) {
            Attributes contextPage = event.header().context().nested("page").orElse(Attributes.EMPTY);
            page = event instanceof Page p ? contextPage.overlaidWith(p.properties()).asMap() : contextPage.asMap();
        }
        return page;
    }

    private Map<String, Object> seen() {
        if (seen == null) {
            seen = new SeenCounts(score, model);
        }
        return seen;
    }

    /** A read-only view: rule id → how many times that engagement rule scored for the lead. */
    private static final class SeenCounts extends AbstractMap<String, Object> {
        private final LeadScore score;
        private final ScoringModel model;

        SeenCounts(LeadScore score, ScoringModel model) {
            this.score = score;
            this.model = model;
        }

        @Override
        public Object get(Object key) {
            int index = key instanceof String id && io.attune.core.model.RuleId.isValid(id)
                    ? model.engagementIndexOf(new io.attune.core.model.RuleId(id)) : -1;
            return index < 0 ? null : (Object) (long) score.tally(index).count();
        }

        @Override
        public boolean containsKey(Object key) {
            return get(key) != null;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            Map<String, Object> all = new LinkedHashMap<>();
            for (int i = 0; i < model.engagement().size(); i++) {
                all.put(model.engagement().get(i).id().value(), (long) score.tally(i).count());
            }
            return all.entrySet();
        }
    }
}
