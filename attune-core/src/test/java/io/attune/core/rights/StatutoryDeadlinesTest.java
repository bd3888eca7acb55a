package io.attune.core.rights;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.core.jurisdiction.Jurisdiction;
import io.attune.core.jurisdiction.UnknownJurisdiction;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StatutoryDeadlinesTest {
    private static final Instant RECEIVED = Instant.parse("2026-03-02T15:30:00Z");
    private static final Instant IN_45_DAYS = Instant.parse("2026-04-16T15:30:00Z");

    private static Jurisdiction of(String... states) {
        return new Jurisdiction(Set.of(states), true, List.of("state"));
    }

    @Test
    void each_state_with_a_law_answers_deletion_and_access_within_45_days_extendable_once_by_45() {
        for (String state : List.of("WA", "NV", "CT", "CA")) {
            Deadline deadline = StatutoryDeadlines.STANDARD.of(RequestKind.DELETION, of(state), RECEIVED);

            assertThat(deadline.law().jurisdiction()).isEqualTo(state);
            assertThat(deadline.due()).isEqualTo(IN_45_DAYS);
            assertThat(deadline.extensionDays()).isEqualTo(45);
        }
        assertThat(StatutoryDeadlines.STANDARD.of(RequestKind.ACCESS, of("CA"), RECEIVED).law())
                .isEqualTo(PrivacyLaw.CALIFORNIA_CCPA);
    }

    @Test
    void a_state_without_such_a_law_gets_the_common_45_day_default() {
        Deadline deadline = StatutoryDeadlines.STANDARD.of(RequestKind.DELETION, of("TX"), RECEIVED);

        assertThat(deadline.law()).isEqualTo(PrivacyLaw.OTHER_STATES);
        assertThat(deadline.due()).isEqualTo(IN_45_DAYS);
    }

    @Test
    void of_several_states_washington_sets_the_clock_on_a_tie_and_an_unknown_state_is_held_to_every_law() {
        assertThat(StatutoryDeadlines.STANDARD.of(RequestKind.DELETION, of("CA", "TX", "WA"), RECEIVED).law())
                .isEqualTo(PrivacyLaw.WASHINGTON_MHMDA);
        assertThat(StatutoryDeadlines.STANDARD.of(RequestKind.DELETION, Jurisdiction.UNKNOWN, RECEIVED).law())
                .isEqualTo(PrivacyLaw.WASHINGTON_MHMDA);
        assertThat(new StatutoryDeadlines(UnknownJurisdiction.NOT_COVERED)
                .of(RequestKind.DELETION, Jurisdiction.UNKNOWN, RECEIVED).law()).isEqualTo(PrivacyLaw.OTHER_STATES);
    }

    @Test
    void a_consent_withdrawal_is_due_the_moment_it_is_received_and_cannot_be_extended() {
        Deadline deadline = StatutoryDeadlines.STANDARD.of(RequestKind.CONSENT_WITHDRAWAL, of("WA"), RECEIVED);

        assertThat(deadline.due()).isEqualTo(RECEIVED);
        assertThat(deadline.extensionDays()).isZero();
    }
}
