package io.attune.bench;

import io.attune.core.event.Event;
import io.attune.core.event.EventHeader;
import io.attune.core.event.Group;
import io.attune.core.event.Identify;
import io.attune.core.event.MessageId;
import io.attune.core.event.Page;
import io.attune.core.event.Track;
import io.attune.core.lead.LeadTraits;
import io.attune.core.privacy.DataDictionary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A synthetic employer-segment event stream, built once before measuring: every event of every
 * lead in one time order, each event's lead and its position in that lead's history, and each
 * lead's facts ({@code lead} and {@code account} maps as scoring sees them). The same seed gives
 * the same stream.
 */
public final class EmployerWorkload {
    private final Event[] events;
    private final int[] leadOf;
    private final int[] positionOf;
    private final Event[][] histories;
    private final List<Map<String, Object>> leadFacts;
    private final List<Map<String, Object>> accountFacts;

    private EmployerWorkload(Event[] events, int[] leadOf, int[] positionOf, Event[][] histories,
            List<Map<String, Object>> leadFacts, List<Map<String, Object>> accountFacts) {
        this.events = events;
        this.leadOf = leadOf;
        this.positionOf = positionOf;
        this.histories = histories;
        this.leadFacts = leadFacts;
        this.accountFacts = accountFacts;
    }

    /**
     * @param leads how many leads; they work at {@code leads / 5} employers
     * @param meanEventsPerLead the mean of a geometric distribution of events per lead
     */
    public static EmployerWorkload generate(int leads, double meanEventsPerLead, long seed) {
        EmployerEventGenerator generator = new EmployerEventGenerator(seed, Math.max(1, leads / 5), meanEventsPerLead);
        Event[][] histories = new Event[leads][];
        List<Map<String, Object>> leadFacts = new ArrayList<>(leads);
        List<Map<String, Object>> accountFacts = new ArrayList<>(leads);
        int total = 0;
        for (int lead = 0; lead < leads; lead++) {
            EmployerEventGenerator.GeneratedLead generated = generator.lead(lead);
            histories[lead] = generated.events().toArray(Event[]::new);
            leadFacts.add(LeadTraits.of(generated.traits()).facts(DataDictionary.defaults()));
            accountFacts.add(generated.accountFacts());
            total += histories[lead].length;
        }
        long[] order = new long[total];
        int next = 0;
        for (int lead = 0; lead < leads; lead++) {
            for (int position = 0; position < histories[lead].length; position++) {
                order[next++] = (long) lead << 32 | position;
            }
        }
        Long[] boxed = Arrays.stream(order).boxed().toArray(Long[]::new);
        Arrays.sort(boxed, Comparator.comparing((Long key) -> eventAt(histories, key).timestamp())
                .thenComparingLong(key -> key));
        Event[] events = new Event[total];
        int[] leadOf = new int[total];
        int[] positionOf = new int[total];
        for (int i = 0; i < total; i++) {
            long key = boxed[i];
            leadOf[i] = (int) (key >>> 32);
            positionOf[i] = (int) key;
            // allocated again in stream order, as a parser would, so that scoring reads events from
            // memory the way it would read them just after parsing rather than scattered by lead
            events[i] = inStreamOrder(histories[leadOf[i]][positionOf[i]]);
            histories[leadOf[i]][positionOf[i]] = events[i];
        }
        return new EmployerWorkload(events, leadOf, positionOf, histories, List.copyOf(leadFacts),
                List.copyOf(accountFacts));
    }

    private static Event inStreamOrder(Event event) {
        EventHeader h = event.header();
        EventHeader header = new EventHeader(new MessageId(h.messageId().value()), h.userId(), h.anonymousId(),
                Instant.ofEpochMilli(h.timestamp().toEpochMilli()), Instant.ofEpochMilli(h.receivedAt().toEpochMilli()),
                h.context());
        if (event instanceof Page page) {
            return new Page(header, page.name(), page.category(), page.properties());
        }
        if (event instanceof Track track) {
            return new Track(header, track.event(), track.properties());
        }
        if (event instanceof Identify identify) {
            return new Identify(header, identify.traits());
        }
        if (event instanceof Group group) {
            return new Group(header, group.groupId(), group.traits());
        }
        throw new IllegalArgumentException("the generator makes no " + event.kind().wireName() + " events");
    }

    private static Event eventAt(Event[][] histories, long key) {
        return histories[(int) (key >>> 32)][(int) key];
    }

    /** How many events, all leads together. */
    public int size() {
        return events.length;
    }

    public int leads() {
        return histories.length;
    }

    /** The {@code index}th event in time order. */
    public Event event(int index) {
        return events[index];
    }

    /** The lead of the {@code index}th event. */
    public int leadOf(int index) {
        return leadOf[index];
    }

    /** Where the {@code index}th event falls in its lead's history (0 for the lead's first event). */
    public int positionOf(int index) {
        return positionOf[index];
    }

    /** All of one lead's events in time order; the caller must not modify it. */
    public Event[] history(int lead) {
        return histories[lead];
    }

    /** The lead's facts map after all its identify calls (empty for a lead who never identified). */
    public Map<String, Object> leadFacts(int lead) {
        return leadFacts.get(lead);
    }

    /** The lead's account facts map, empty for a lead without an account. */
    public Map<String, Object> accountFacts(int lead) {
        return accountFacts.get(lead);
    }
}
