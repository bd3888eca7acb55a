package io.attune.core.account;

import static io.attune.core.TestModels.account;
import static io.attune.core.TestModels.role;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.attune.core.TestEvents;
import io.attune.core.TestModels;
import io.attune.core.event.Attributes;
import io.attune.core.model.AccountModel;
import io.attune.core.model.Decay;
import io.attune.core.model.ScoringModel;
import io.attune.core.model.Segment;
import io.attune.core.scoring.DecayingValue;
import io.attune.core.workspace.WorkspaceId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccountScoreTest {
    private static final Instant T0 = TestEvents.T0;

    private final ScoringModel model = TestModels.model("accounts", Segment.EMPLOYER).threshold(50)
            .account(account().fitMin(10).threshold(100).coverageDays(30).committee(
                    role("benefits_leader").when("true").points(20),
                    role("finance").when("true").points(15),
                    role("broker").when("true").points(10)))
            .compile();
    private final AccountModel accountModel = model.account().orElseThrow();

    @Test
    void the_score_adds_fit_decayed_engagement_and_the_roles_engaged_within_the_window() {
        AccountState account = state(30, new DecayingValue(80, T0.toEpochMilli()),
                Map.of("benefits_leader", T0, "finance", T0.minus(Duration.ofDays(31))));

        AccountScore score = AccountScore.of(accountModel, model.decay(), account, T0.plus(Duration.ofDays(10)));

        assertThat(score.engagement()).isCloseTo(80 * Math.pow(0.75, 10 * 86_400_000.0 / Decay.QUARTER.toMillis()),
                within(1e-9));
        assertThat(score.rolesEngaged()).containsExactly("benefits_leader");
        assertThat(score.rolesMissing()).containsExactly("finance", "broker");
        assertThat(score.coverage()).isEqualTo(20);
        assertThat(score.fit()).isEqualTo(30);
    }

    @Test
    void one_engaged_contact_is_not_a_buying_committee_when_two_roles_are_required() {
        ScoringModel committee = TestModels.model("committee", Segment.EMPLOYER).threshold(50)
                .account(account().threshold(60).minRoles(2).committee(
                        role("benefits_leader").when("true").points(20),
                        role("finance").when("true").points(15)))
                .compile();
        AccountModel rules = committee.account().orElseThrow();
        AccountState oneRole = state(30, new DecayingValue(200, T0.toEpochMilli()), Map.of("benefits_leader", T0));
        AccountState twoRoles = state(30, new DecayingValue(20, T0.toEpochMilli()),
                Map.of("benefits_leader", T0, "finance", T0));

        assertThat(AccountScore.of(rules, committee.decay(), oneRole, T0).qualifies()).isFalse();
        assertThat(AccountScore.of(rules, committee.decay(), twoRoles, T0).qualifies()).isTrue();
    }

    @Test
    void a_role_engaged_exactly_at_the_start_of_the_window_counts() {
        AccountState account = state(30, new DecayingValue(50, T0.toEpochMilli()),
                Map.of("benefits_leader", T0.minus(Duration.ofDays(30)), "finance", T0));

        AccountScore score = AccountScore.of(accountModel, model.decay(), account, T0);

        assertThat(score.rolesEngaged()).containsExactly("benefits_leader", "finance");
        assertThat(score.total()).isEqualTo(30 + 50 + 35);
        assertThat(score.qualifies()).isTrue();
    }

    @Test
    void an_account_below_its_fit_min_is_no_mqa_however_engaged() {
        AccountScore score = AccountScore.of(accountModel, model.decay(),
                state(5, new DecayingValue(500, T0.toEpochMilli()), Map.of()), T0);

        assertThat(score.qualifies()).isFalse();
    }

    @Test
    void negative_rolled_up_engagement_counts_as_zero() {
        AccountScore score = AccountScore.of(accountModel, model.decay(),
                state(30, new DecayingValue(-40, T0.toEpochMilli()), Map.of()), T0);

        assertThat(score.engagement()).isZero();
    }

    private AccountState state(double fit, DecayingValue engagement, Map<String, Instant> committee) {
        AccountId id = AccountId.ofGroup(new WorkspaceId("ws"), "g-acme");
        return new AccountState(id, Optional.of("g-acme"), Optional.empty(), AccountTraits.of(Attributes.EMPTY, null),
                Segment.EMPLOYER, model.version(), fit, List.of(), engagement, committee, false, 2, T0);
    }
}
