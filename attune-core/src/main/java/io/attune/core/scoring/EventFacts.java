package io.attune.core.scoring;

import io.attune.core.condition.Facts;
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
            Object contextPage = event.header().context().get("page");
            @SuppressWarnings("unchecked")
            Map<String, Object> fromContext = contextPage instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
            page = event instanceof Page p ? new Overlay(p.properties().asMap(), fromContext) : fromContext;
        }
        return page;
    }

    /**
     * A page event's properties over its {@code context.page}, read through rather than copied:
     * analytics.js sends the same keys in both, and a copy per page view was a tenth of scoring.
     */
    private static final class Overlay extends AbstractMap<String, Object> {
        private final Map<String, Object> top;
        private final Map<String, Object> under;

        Overlay(Map<String, Object> top, Map<String, Object> under) {
            this.top = top;
            this.under = under;
        }

        @Override
        public Object get(Object key) {
            Object value = top.get(key);
            return value != null ? value : under.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return top.containsKey(key) || under.containsKey(key);
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            Map<String, Object> merged = new LinkedHashMap<>(under);
            merged.putAll(top);
            return merged.entrySet();
        }
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
