package io.attune.core.account;

import io.attune.core.model.ModelVersion;
import io.attune.core.model.Segment;
import io.attune.core.scoring.DecayingValue;
import io.attune.core.scoring.FitContribution;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An organisation as the projection of its contacts' events: traits from group calls, fit under
 * its segment's account model, the contacts' engagement rolled up (one decaying value: the sum of
 * the contacts' engagement), and when each buying-committee role last engaged. {@code mqa} says
 * whether it is a marketing qualified account.
 */
public record AccountState(
        AccountId id, Optional<String> groupId, Optional<String> domain, AccountTraits traits, Segment segment,
        ModelVersion model, double fit, List<FitContribution> fitContributions, DecayingValue engagement,
        Map<String, Instant> committee, boolean mqa, int contacts, Instant updatedAt) {

    public AccountState {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(traits, "traits");
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(engagement, "engagement");
        Objects.requireNonNull(updatedAt, "updatedAt");
        fitContributions = List.copyOf(fitContributions);
        committee = java.util.Collections.unmodifiableMap(new TreeMap<>(committee));
    }

    public AccountState with(AccountTraits traits, double fit, List<FitContribution> fitContributions) {
        return new AccountState(id, groupId, domain, traits, segment, model, fit, fitContributions, engagement,
                committee, mqa, contacts, updatedAt);
    }

    public AccountState withEngagement(DecayingValue engagement, Map<String, Instant> committee, Instant updatedAt) {
        return new AccountState(id, groupId, domain, traits, segment, model, fit, fitContributions, engagement,
                committee, mqa, contacts, updatedAt.isAfter(this.updatedAt) ? updatedAt : this.updatedAt);
    }

    public AccountState withMqa(boolean mqa) {
        return new AccountState(id, groupId, domain, traits, segment, model, fit, fitContributions, engagement,
                committee, mqa, contacts, updatedAt);
    }

    public AccountState withContacts(int contacts) {
        return new AccountState(id, groupId, domain, traits, segment, model, fit, fitContributions, engagement,
                committee, mqa, contacts, updatedAt);
    }

    public AccountState withDomain(String domain) {
        return new AccountState(id, groupId, Optional.of(domain), AccountTraits.of(traits.attributes(), domain),
                segment, model, fit, fitContributions, engagement, committee, mqa, contacts, updatedAt);
    }
}
