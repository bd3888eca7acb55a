package io.attune.core.channels;

import io.attune.core.event.Attributes;
import io.attune.core.jurisdiction.Jurisdiction;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every time zone a person might be in (TCPA-02): a zone they gave ({@code timezone},
 * {@code timeZone}, {@code time_zone}), and the zones of every state their jurisdiction points to
 * (address, phone area code, where their events were collected). Nothing known: every US zone, so
 * the window is the strictest intersection.
 */
public final class CandidateZones {
    private static final List<String> ZONE_TRAITS = List.of("timezone", "timeZone", "time_zone");

    public Set<ZoneId> of(Attributes traits, Jurisdiction jurisdiction) {
        Set<ZoneId> zones = new LinkedHashSet<>();
        for (String name : ZONE_TRAITS) {
            traits.text(name).flatMap(CandidateZones::zone).ifPresent(zones::add);
        }
        for (String state : jurisdiction.states()) {
            zones.addAll(UsTimeZones.of(state));
        }
        return zones.isEmpty() ? UsTimeZones.ALL : Set.copyOf(zones);
    }

    private static Optional<ZoneId> zone(String text) {
        try {
            return Optional.of(ZoneId.of(text.strip()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
