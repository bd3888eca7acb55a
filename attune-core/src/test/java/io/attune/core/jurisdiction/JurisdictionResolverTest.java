package io.attune.core.jurisdiction;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.core.event.Attributes;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JurisdictionResolverTest {
    private final JurisdictionResolver resolver = new JurisdictionResolver();

    private Jurisdiction of(Map<String, ?> traits) {
        return resolver.resolve(Attributes.of(traits), Set.of(), false);
    }

    @Test
    void states_are_read_by_code_or_name_from_the_traits_and_the_address() {
        assertThat(of(Map.of("state", "wa")).states()).containsExactly("WA");
        assertThat(of(Map.of("address", Map.of("state", "Connecticut"))).states()).containsExactly("CT");
        assertThat(of(Map.of("region", "New York")).states()).containsExactly("NY");
        assertThat(of(Map.of("state", "Oz")).known()).isFalse();
    }

    @Test
    void every_signal_adds_its_state_because_residence_and_collection_each_bring_a_law() {
        Jurisdiction both = resolver.resolve(Attributes.of(Map.of("state", "OR", "phone", "206-555-0100")),
                Set.of("NV"), false);

        assertThat(both.states()).containsExactly("NV", "OR", "WA");
        assertThat(both.laws(UnknownJurisdiction.STRICTEST)).containsExactlyInAnyOrder(
                HealthDataLaw.WASHINGTON_MHMDA, HealthDataLaw.NEVADA_SB370);
        assertThat(both.signals()).containsExactly("event location", "state", "phone area code");
    }

    @Test
    void a_phone_outside_north_america_or_an_area_code_without_such_a_law_says_nothing() {
        assertThat(of(Map.of("phone", "+44 20 7946 0958")).known()).isFalse();
        assertThat(of(Map.of("phone", "(512) 555-0100")).known()).isFalse();
        assertThat(of(Map.of("phone", "1-860-555-0100")).states()).containsExactly("CT");
    }

    @Test
    void unknown_means_every_law_under_the_strictest_reading_and_none_when_the_workspace_chooses() {
        assertThat(Jurisdiction.UNKNOWN.laws(UnknownJurisdiction.STRICTEST)).isEqualTo(HealthDataLaw.all());
        assertThat(Jurisdiction.UNKNOWN.laws(UnknownJurisdiction.NOT_COVERED)).isEmpty();
    }

    @Test
    void a_country_outside_the_us_is_known_and_brings_no_state_law() {
        Jurisdiction abroad = of(Map.of("country", "Canada"));

        assertThat(abroad.known()).isTrue();
        assertThat(abroad.laws(UnknownJurisdiction.STRICTEST)).isEmpty();
    }

    @Test
    void an_event_is_collected_in_the_us_state_of_its_location() {
        assertThat(resolver.collectedIn(Attributes.of(Map.of("location", Map.of("region", "WA"))))).contains("WA");
        assertThat(resolver.collectedIn(Attributes.of(Map.of("location", Map.of("region", "Washington",
                "country", "Mexico"))))).isEmpty();
        assertThat(resolver.collectedAbroad(Attributes.of(Map.of("location", Map.of("country", "Mexico")))))
                .isTrue();
    }
}
