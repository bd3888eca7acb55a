package io.attune.server.accounts;

import io.attune.core.account.AccountScore;
import io.attune.core.account.AccountState;
import io.attune.core.model.AccountModel;
import io.attune.core.model.ScoringModel;
import io.attune.server.accounts.AccountBodies.AccountSummary;
import io.attune.server.accounts.AccountBodies.Committee;
import io.attune.server.accounts.AccountBodies.EngagedRole;
import io.attune.server.accounts.AccountBodies.Score;
import io.attune.server.http.Numbers;
import java.time.Instant;
import java.util.Optional;

/** Reads a stored account as of an instant, decaying its rolled-up engagement at read time. */
final class AccountViews {
    private AccountViews() {
    }

    static Optional<AccountScore> scoreOf(AccountState account, ScoringModel model, Instant now) {
        return model.account().map(accountModel -> AccountScore.of(accountModel, model.decay(), account, now));
    }

    static Score score(AccountScore score, AccountModel model) {
        return new Score(Numbers.round(score.fit()), Numbers.round(score.engagement()), Numbers.round(score.coverage()),
                Numbers.round(score.total()), score.qualifies(), model.fitMin(), model.threshold());
    }

    static Score score(AccountState account, ScoringModel model, Instant now) {
        return scoreOf(account, model, now).map(score -> score(score, model.account().orElseThrow())).orElse(null);
    }

    static Committee committee(AccountState account, AccountScore score) {
        return new Committee(score.rolesEngaged().stream()
                .map(role -> new EngagedRole(role, account.committee().get(role))).toList(), score.rolesMissing());
    }

    static String name(AccountState account) {
        return account.traits().attributes().text("name").orElse(null);
    }

    static AccountSummary summary(AccountState account, ScoringModel model, Instant now) {
        return new AccountSummary(account.id().value(), name(account), account.groupId().orElse(null),
                account.domain().orElse(null), account.segment().wireName(), account.model().toString(), account.mqa(),
                account.contacts(), score(account, model, now), account.updatedAt());
    }
}
