package io.attune.cli.demo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How one session begins: the landing page, the page the visitor came from, and the campaign
 * parameters on the landing URL.
 *
 * @param referrer the referring page, empty for direct and most email and app traffic
 * @param campaign Segment's {@code context.campaign} ({@code source}, {@code medium}, {@code name},
 *     {@code term}, {@code content}); empty when the landing URL carries none
 * @param search the landing URL's query string, {@code ""} or starting with {@code ?}
 */
record Arrival(String landingPath, String referrer, Map<String, Object> campaign, String search) {
    Arrival {
        Objects.requireNonNull(landingPath, "landingPath");
        Objects.requireNonNull(referrer, "referrer");
        // insertion order, not Map.copyOf's per-JVM order, so that a seed gives the same bytes on every run
        campaign = Collections.unmodifiableMap(new LinkedHashMap<>(campaign));
        Objects.requireNonNull(search, "search");
    }

    static Arrival direct(String landingPath) {
        return new Arrival(landingPath, "", Map.of(), "");
    }
}
