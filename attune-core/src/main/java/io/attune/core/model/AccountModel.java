package io.attune.core.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a B2B model scores the account as a whole: fit over the account's traits, the contacts'
 * engagement rolled up, and points per buying-committee role that engaged within
 * {@code coverageWindow}. The account is a marketing qualified account (MQA) when its fit is at
 * least {@code fitMin}, its score at least {@code threshold}, and at least {@code minRoles}
 * committee roles engaged within the window (one interested contact is not a buying committee).
 */
public record AccountModel(
        double fitMin, double threshold, List<FitRule> fit, List<CommitteeRole> committee, Duration coverageWindow,
        int minRoles) {

    public static final Duration DEFAULT_COVERAGE = Duration.ofDays(90);

    public AccountModel {
        fit = List.copyOf(fit);
        committee = List.copyOf(committee);
        Objects.requireNonNull(coverageWindow, "coverageWindow");
        ModelChecks.finite(fitMin, "fitMin");
        ModelChecks.finite(threshold, "threshold");
        if (coverageWindow.isNegative() || coverageWindow.isZero()) {
            throw new IllegalArgumentException("the coverage window must be positive");
        }
        if (minRoles < 0 || minRoles > committee.size()) {
            throw new IllegalArgumentException("minRoles must be between 0 and the number of committee roles ("
                    + committee.size() + ")");
        }
    }
}
