package io.attune.core.handoff;

import io.attune.core.egress.EgressDeclaration;
import io.attune.core.egress.EgressPolicy;
import io.attune.core.model.Segment;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where hand-offs of a workspace go: a webhook URL, the event types it takes, the segments and
 * states (territory) it serves (empty: all), its {@link Routing} (lead owners, round-robin pool), and
 * the lead fields it may receive — nothing else of the lead ever leaves for it. {@code preset} names
 * a CRM mapping (hubspot-contact, salesforce-lead). {@code egress} is what it declares for the egress
 * policy — its kind, agreements and remuneration — which with {@code fields} decides, at every send,
 * what of a hand-off it receives ({@link #egressPolicy()}). {@code template} is the message an SMS or
 * email destination delivers (see {@link MessageTemplate}).
 */
public record Destination(DestinationId id, String name, URI url, Set<HandOffType> types, Set<Segment> segments,
        Set<String> states, Set<String> fields, Optional<String> preset, int maxConcurrency, int maxAttempts,
        boolean enabled, Routing routing, EgressDeclaration egress, MessageTemplate template) {

    /** A destination without a message template. */
    public Destination(DestinationId id, String name, URI url, Set<HandOffType> types, Set<Segment> segments,
            Set<String> states, Set<String> fields, Optional<String> preset, int maxConcurrency, int maxAttempts,
            boolean enabled, Routing routing, EgressDeclaration egress) {
        this(id, name, url, types, segments, states, fields, preset, maxConcurrency, maxAttempts, enabled, routing,
                egress, MessageTemplate.NONE);
    }

    /** A destination for every owner, in no pool. */
    public Destination(DestinationId id, String name, URI url, Set<HandOffType> types, Set<Segment> segments,
            Set<String> states, Set<String> fields, Optional<String> preset, int maxConcurrency, int maxAttempts,
            boolean enabled, EgressDeclaration egress) {
        this(id, name, url, types, segments, states, fields, preset, maxConcurrency, maxAttempts, enabled,
                Routing.NONE, egress);
    }

    public Destination {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(routing, "routing");
        Objects.requireNonNull(egress, "egress");
        Objects.requireNonNull(template, "template");
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("a destination name is 1-100 characters");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || url.getHost() == null) {
            throw new IllegalArgumentException("a destination url is an absolute http(s) URL");
        }
        types = Set.copyOf(types);
        if (types.isEmpty()) {
            throw new IllegalArgumentException("a destination takes at least one event type");
        }
        segments = Set.copyOf(segments);
        states = Set.copyOf(states);
        fields = Set.copyOf(fields);
        if (maxConcurrency < 1 || maxConcurrency > 64) {
            throw new IllegalArgumentException("maxConcurrency must be between 1 and 64");
        }
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new IllegalArgumentException("maxAttempts must be between 1 and 100");
        }
    }

    /**
     * Whether a hand-off of this type, about a lead of this segment in this state with this owner, is
     * for this destination (its pool, if it has one, then decides which of the pool's gets it).
     */
    public boolean takes(HandOffType type, Segment segment, Optional<String> state, Optional<String> owner) {
        return enabled && types.contains(type) && (segments.isEmpty() || segments.contains(segment))
                && (states.isEmpty() || state.map(s -> states.contains(s.toUpperCase(Locale.ROOT))).orElse(false))
                && routing.serves(owner);
    }

    /** What the destination may receive: its declaration over its fields (and the envelope, where implied). */
    public EgressPolicy egressPolicy() {
        return egress.policy(fields);
    }
}
