package io.attune.core.channels;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The time zones of each US state, all of them for a state that spans two (TCPA-02 asks for the
 * window in every candidate zone, so a Texan could be in El Paso).
 */
final class UsTimeZones {
    private static final String EASTERN = "America/New_York";
    private static final String CENTRAL = "America/Chicago";
    private static final String MOUNTAIN = "America/Denver";
    private static final String PACIFIC = "America/Los_Angeles";

    /** Where nothing tells: every zone of the states, so the window is their intersection. */
    static final Set<ZoneId> ALL = Set.of(ZoneId.of(EASTERN), ZoneId.of(CENTRAL), ZoneId.of(MOUNTAIN),
            ZoneId.of("America/Phoenix"), ZoneId.of(PACIFIC), ZoneId.of("America/Anchorage"),
            ZoneId.of("Pacific/Honolulu"));

    private static final Map<String, List<String>> BY_STATE = Map.ofEntries(
            Map.entry("AL", List.of(CENTRAL)), Map.entry("AK", List.of("America/Anchorage", "America/Adak")),
            Map.entry("AZ", List.of("America/Phoenix", MOUNTAIN)), Map.entry("AR", List.of(CENTRAL)),
            Map.entry("CA", List.of(PACIFIC)), Map.entry("CO", List.of(MOUNTAIN)), Map.entry("CT", List.of(EASTERN)),
            Map.entry("DE", List.of(EASTERN)), Map.entry("DC", List.of(EASTERN)),
            Map.entry("FL", List.of(EASTERN, CENTRAL)), Map.entry("GA", List.of(EASTERN)),
            Map.entry("HI", List.of("Pacific/Honolulu")), Map.entry("ID", List.of("America/Boise", PACIFIC)),
            Map.entry("IL", List.of(CENTRAL)), Map.entry("IN", List.of("America/Indiana/Indianapolis", CENTRAL)),
            Map.entry("IA", List.of(CENTRAL)), Map.entry("KS", List.of(CENTRAL, MOUNTAIN)),
            Map.entry("KY", List.of(EASTERN, CENTRAL)), Map.entry("LA", List.of(CENTRAL)),
            Map.entry("ME", List.of(EASTERN)), Map.entry("MD", List.of(EASTERN)), Map.entry("MA", List.of(EASTERN)),
            Map.entry("MI", List.of("America/Detroit", CENTRAL)), Map.entry("MN", List.of(CENTRAL)),
            Map.entry("MS", List.of(CENTRAL)), Map.entry("MO", List.of(CENTRAL)), Map.entry("MT", List.of(MOUNTAIN)),
            Map.entry("NE", List.of(CENTRAL, MOUNTAIN)), Map.entry("NV", List.of(PACIFIC, MOUNTAIN)),
            Map.entry("NH", List.of(EASTERN)), Map.entry("NJ", List.of(EASTERN)), Map.entry("NM", List.of(MOUNTAIN)),
            Map.entry("NY", List.of(EASTERN)), Map.entry("NC", List.of(EASTERN)),
            Map.entry("ND", List.of(CENTRAL, MOUNTAIN)), Map.entry("OH", List.of(EASTERN)),
            Map.entry("OK", List.of(CENTRAL)), Map.entry("OR", List.of(PACIFIC, "America/Boise")),
            Map.entry("PA", List.of(EASTERN)), Map.entry("RI", List.of(EASTERN)), Map.entry("SC", List.of(EASTERN)),
            Map.entry("SD", List.of(CENTRAL, MOUNTAIN)), Map.entry("TN", List.of(EASTERN, CENTRAL)),
            Map.entry("TX", List.of(CENTRAL, MOUNTAIN)), Map.entry("UT", List.of(MOUNTAIN)),
            Map.entry("VT", List.of(EASTERN)), Map.entry("VA", List.of(EASTERN)), Map.entry("WA", List.of(PACIFIC)),
            Map.entry("WV", List.of(EASTERN)), Map.entry("WI", List.of(CENTRAL)), Map.entry("WY", List.of(MOUNTAIN)));

    private UsTimeZones() {
    }

    static List<ZoneId> of(String state) {
        return BY_STATE.getOrDefault(state, List.of()).stream().map(ZoneId::of).toList();
    }
}
