package io.attune.core.account;

import io.attune.core.model.AccountModel;
import io.attune.core.model.CommitteeRole;
import io.attune.core.model.Decay;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An account's score at an instant: fit + rolled-up engagement + points for each committee role
 * that engaged within the coverage window. It qualifies (MQA) when fit ≥ fitMin, the total
 * reaches the account threshold and at least minRoles roles engaged.
 */
public record AccountScore(double fit, double engagement, double coverage, List<String> rolesEngaged,
        List<String> rolesMissing, boolean qualifies) {

    public double total() {
        return fit + engagement + coverage;
    }

    public static AccountScore of(AccountModel model, Decay decay, AccountState account, Instant at) {
        double engagement = Math.max(0, account.engagement().at(at.toEpochMilli(), decay));
        Instant since = at.minus(model.coverageWindow());
        double coverage = 0;
        List<String> engaged = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (CommitteeRole role : model.committee()) {
            Instant last = account.committee().get(role.role());
            if (last != null && !last.isBefore(since)) {
                coverage += role.points();
                engaged.add(role.role());
            } else {
                missing.add(role.role());
            }
        }
        double fit = account.fit();
        boolean qualifies = fit >= model.fitMin() && fit + engagement + coverage >= model.threshold()
                && engaged.size() >= model.minRoles();
        return new AccountScore(fit, engagement, coverage, engaged, missing, qualifies);
    }
}
