package io.attune.core.ingest;

import io.attune.core.account.AccountId;
import io.attune.core.account.AccountScore;
import io.attune.core.account.AccountState;
import io.attune.core.account.AccountTraits;
import io.attune.core.account.AccountTransition;
import io.attune.core.account.FreeMailDomains;
import io.attune.core.condition.ConditionFailure;
import io.attune.core.event.Attributes;
import io.attune.core.event.Event;
import io.attune.core.event.Group;
import io.attune.core.identity.Identity;
import io.attune.core.lead.LeadState;
import io.attune.core.lead.LeadTraits;
import io.attune.core.lifecycle.Actor;
import io.attune.core.model.AccountModel;
import io.attune.core.model.FitRule;
import io.attune.core.model.ModelCatalog;
import io.attune.core.model.ScoringModel;
import io.attune.core.scoring.AttributeFacts;
import io.attune.core.scoring.DecayingValue;
import io.attune.core.scoring.FitContribution;
import io.attune.core.scoring.RuleFailure;
import io.attune.core.workspace.WorkspaceId;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps accounts in step with their contacts. An account's engagement is the sum of its contacts'
 * engagement, so a recording first takes the lead's engagement out of its account ({@link #detach})
 * and puts the new engagement back in ({@link #attach}); decaying values add and subtract exactly,
 * so merges, moves and replays never double-count.
 */
final class AccountRollup {
    private final WorkspaceId workspace;
    private final ModelCatalog models;
    private final LeadBook book;

    AccountRollup(WorkspaceId workspace, ModelCatalog models, LeadBook book) {
        this.workspace = workspace;
        this.models = models;
        this.book = book;
    }

    /** Which account the lead belongs to after this event, and whether that account's traits changed. */
    record Membership(Optional<AccountId> account, boolean traitsChanged) {
    }

    void detach(LeadState lead) {
        lead.account().flatMap(book::account).ifPresent(account -> {
            DecayingValue engagement = account.engagement()
                    .plus(lead.score().engagement().negated(), decayOf(account));
            book.save(account.withEngagement(engagement, account.committee(), account.updatedAt())
                    .withContacts(Math.max(0, account.contacts() - 1)));
        });
    }

    Membership resolve(LeadState lead, LeadTraits traits, Event event, ScoringModel model, List<RuleFailure> failures) {
        if (model.account().isEmpty()) {
            return new Membership(Optional.empty(), lead.account().isPresent());
        }
        if (event instanceof Group group) {
            AccountId id = AccountId.ofGroup(workspace, group.groupId());
            AccountState account = book.account(id).orElseGet(() -> create(id, Optional.of(group.groupId()),
                    domainOf(group.traits()), model, event.header().receivedAt()));
            Attributes merged = account.traits().attributes().overlaidWith(group.traits());
            boolean changed = !merged.equals(account.traits().attributes()) || book.account(id).isEmpty();
            if (changed) {
                String domain = account.domain().or(() -> domainOf(merged)).orElse(null);
                account = refit(account, AccountTraits.of(merged, domain), failures);
            }
            book.save(account);
            return new Membership(Optional.of(id), changed || !lead.account().equals(Optional.of(id)));
        }
        if (lead.account().isPresent()) {
            return new Membership(lead.account(), false);
        }
        Optional<String> domain = traits.email().flatMap(Identity::emailDomain)
                .filter(d -> !FreeMailDomains.contains(d));
        if (domain.isEmpty()) {
            return new Membership(Optional.empty(), false);
        }
        AccountId id = book.accountOfDomain(domain.get()).orElseGet(() -> {
            AccountId created = AccountId.ofDomain(workspace, domain.get());
            if (book.account(created).isEmpty()) {
                AccountState account = create(created, Optional.empty(), domain, model, event.header().receivedAt());
                book.save(refit(account, account.traits(), failures));
            }
            return created;
        });
        return new Membership(Optional.of(id), true);
    }

    /** Adds the lead's engagement back to its account, notes which committee roles engaged, checks MQA. */
    Optional<AccountTransition> attach(LeadState lead, boolean engagedNow, Instant at) {
        if (lead.account().isEmpty()) {
            return Optional.empty();
        }
        AccountState account = book.account(lead.account().get()).orElseThrow();
        Map<String, Instant> committee = new HashMap<>(account.committee());
        long lastEngaged = lead.score().engagement().asOfMillis();
        if (lead.score().engagement().value() > 0 && lastEngaged > 0) {
            Instant when = engagedNow ? at : Instant.ofEpochMilli(lastEngaged);
            for (String role : lead.roles()) {
                committee.merge(role, when, (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        DecayingValue engagement = account.engagement().plus(lead.score().engagement(), decayOf(account));
        account = account.withEngagement(engagement, committee, lead.updatedAt()).withContacts(account.contacts() + 1);
        Optional<AccountTransition> transition = Optional.empty();
        ScoringModel model = models.active(account.segment());
        if (!account.mqa() && model.account().isPresent()) {
            AccountScore score = AccountScore.of(model.account().get(), model.decay(), account, at);
            if (score.qualifies()) {
                account = account.withMqa(true);
                transition = Optional.of(new AccountTransition(account.id(), true, at, "account score "
                        + Math.round(score.total()) + " reached threshold " + Math.round(model.account().get().threshold())
                        + "; roles engaged " + score.rolesEngaged(), new Actor.Model(model.version())));
            }
        }
        book.save(account);
        return transition;
    }

    Map<String, Object> facts(Optional<AccountId> account) {
        return account.flatMap(book::account).map(a -> a.traits().facts()).orElse(Map.of());
    }

    private AccountState create(AccountId id, Optional<String> groupId, Optional<String> domain, ScoringModel model,
            Instant at) {
        return new AccountState(id, groupId, domain, AccountTraits.of(Attributes.EMPTY, domain.orElse(null)),
                model.segment(), model.version(), 0, List.of(), DecayingValue.ZERO, Map.of(), false, 0, at);
    }

    private AccountState refit(AccountState account, AccountTraits traits, List<RuleFailure> failures) {
        Optional<AccountModel> model = models.active(account.segment()).account();
        double fit = 0;
        List<FitContribution> contributions = new ArrayList<>();
        AttributeFacts facts = new AttributeFacts(Map.of(), traits.facts());
        for (FitRule rule : model.map(AccountModel::fit).orElse(List.of())) {
            try {
                if (rule.when().test(facts)) {
                    fit += rule.points();
                    contributions.add(new FitContribution(rule.id(), rule.points()));
                }
            } catch (ConditionFailure failure) {
                failures.add(new RuleFailure(rule.id(), failure.getMessage()));
            }
        }
        AccountState updated = account.with(traits, fit, contributions);
        return traits.facts().get("domain") instanceof String domain && account.domain().isEmpty()
                ? updated.withDomain(domain) : updated;
    }

    private io.attune.core.model.Decay decayOf(AccountState account) {
        return models.active(account.segment()).decay();
    }

    /** The organisation's web domain from {@code domain} or {@code website} traits, without "www.". */
    static Optional<String> domainOf(Attributes traits) {
        Optional<String> raw = traits.text("domain").or(() -> traits.text("website"));
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        String text = raw.get().trim().toLowerCase(Locale.ROOT);
        try {
            String host = text.contains("://") ? URI.create(text).getHost() : URI.create("https://" + text).getHost();
            if (host == null || !host.contains(".")) {
                return Optional.empty();
            }
            return Optional.of(host.startsWith("www.") ? host.substring(4) : host);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
