package io.attune.core.jurisdiction;

import io.attune.core.event.Attributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Resolves a consumer's {@link Jurisdiction} (STATE-01): a resident of a state, or anyone whose data
 * is collected there, is covered by its law, so every signal adds its state and none is preferred
 * over another. Signals: the state of the traits ({@code state}, {@code region}, {@code address.state},
 * {@code address.region}), the area code of a US phone number in a state with a consumer-health-data
 * law (area codes move with people, so they only ever add a state), and the states events were
 * collected in ({@code context.location.region} of a US event). A country outside the US, in the
 * traits or an event's location, makes the jurisdiction known without adding a state. IP addresses
 * are not geolocated: that needs a location database this engine does not ship.
 */
public final class JurisdictionResolver {
    private static final List<String> STATE_TRAITS = List.of("state", "region");
    private static final Map<String, String> AREA_CODES = areaCodes();

    /** The state an event was collected in, from its {@code context.location}; empty when it does not say or is not in the US. */
    public Optional<String> collectedIn(Attributes context) {
        Optional<Attributes> location = context.nested("location");
        if (location.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> country = location.get().text("country");
        if (country.isPresent() && !UsStates.isUnitedStates(country.get())) {
            return Optional.empty();
        }
        return location.get().text("region").flatMap(UsStates::code);
    }

    /** Whether an event's location names a country outside the US. */
    public boolean collectedAbroad(Attributes context) {
        return context.nested("location").flatMap(location -> location.text("country"))
                .map(country -> !UsStates.isUnitedStates(country)).orElse(false);
    }

    /**
     * @param collectedIn the states the lead's events were collected in
     * @param collectedAbroad whether any event was collected outside the US
     */
    public Jurisdiction resolve(Attributes traits, Set<String> collectedIn, boolean collectedAbroad) {
        Set<String> states = new TreeSet<>(collectedIn);
        List<String> signals = new ArrayList<>();
        if (!collectedIn.isEmpty()) {
            signals.add("event location");
        }
        boolean known = !collectedIn.isEmpty() || collectedAbroad;
        if (collectedAbroad) {
            signals.add("event location outside the US");
        }
        Attributes address = traits.nested("address").orElse(Attributes.EMPTY);
        for (Attributes place : List.of(traits, address)) {
            String prefix = place == traits ? "" : "address.";
            Optional<String> country = place.text("country");
            boolean abroad = country.isPresent() && !UsStates.isUnitedStates(country.get());
            if (abroad) {
                known = true;
                signals.add(prefix + "country outside the US");
                continue;
            }
            for (String name : STATE_TRAITS) {
                Optional<String> state = place.text(name).flatMap(UsStates::code);
                if (state.isPresent()) {
                    states.add(state.get());
                    known = true;
                    signals.add(prefix + name);
                }
            }
        }
        areaCode(traits).map(AREA_CODES::get).ifPresent(state -> {
            states.add(state);
            signals.add("phone area code");
        });
        return new Jurisdiction(states, known || !states.isEmpty(), signals);
    }

    /** The area code of a North American number: ten digits, or eleven with the country code 1. */
    private static Optional<String> areaCode(Attributes traits) {
        Optional<String> phone = traits.text("phone");
        if (phone.isEmpty()) {
            return Optional.empty();
        }
        String text = phone.get().strip();
        String digits = text.replaceAll("[^0-9]", "");
        if (text.startsWith("+") && !digits.startsWith("1")) {
            return Optional.empty();
        }
        if (digits.length() == 11 && digits.startsWith("1")) {
            digits = digits.substring(1);
        }
        return digits.length() == 10 ? Optional.of(digits.substring(0, 3)) : Optional.empty();
    }

    private static Map<String, String> areaCodes() {
        return Map.ofEntries(
                Map.entry("206", "WA"), Map.entry("253", "WA"), Map.entry("360", "WA"), Map.entry("425", "WA"),
                Map.entry("509", "WA"), Map.entry("564", "WA"),
                Map.entry("702", "NV"), Map.entry("725", "NV"), Map.entry("775", "NV"),
                Map.entry("203", "CT"), Map.entry("475", "CT"), Map.entry("860", "CT"), Map.entry("959", "CT"));
    }
}
