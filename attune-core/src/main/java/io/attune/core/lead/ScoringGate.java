package io.attune.core.lead;

import io.attune.core.consent.ConsentLedger;
import io.attune.core.consent.Purpose;
import io.attune.core.event.Event;
import io.attune.core.jurisdiction.HealthDataLaw;
import io.attune.core.jurisdiction.Jurisdiction;
import io.attune.core.jurisdiction.JurisdictionResolver;
import io.attune.core.jurisdiction.UnknownJurisdiction;
import io.attune.core.minors.AgeBand;
import io.attune.core.minors.AgeScreen;
import io.attune.core.model.Segment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Decides, event by event, whether a consumer may be scored (STATE-01/02/05, MINOR-01). A score is
 * consumer health data — an inference about a person's care — so under Washington's, Nevada's and
 * Connecticut's laws it may only be derived with consent to collect ({@code collect_chd}) holding at
 * the time of the event; without it the event earns nothing and the score is cleared, and the lead
 * says why. A child under 13 is never scored. The business segments are about organisations and
 * are not gated.
 *
 * <p>Only consent holding when an event happened lets that event count: data collected before
 * consent was given is not turned into a score afterwards. Which laws apply, though, is judged by
 * everything known now: an anonymous visitor is held to the strictest reading while nothing tells
 * their state, and once an identify says they live where no such law applies, their earlier events
 * count after all (the caller replays them, see {@link Safeguards}).
 */
public final class ScoringGate {
    /** The catalogue's default: where nothing tells a consumer's state, the strictest regime applies. */
    public static final ScoringGate STANDARD = new ScoringGate(UnknownJurisdiction.STRICTEST);

    private final UnknownJurisdiction unknown;
    private final JurisdictionResolver resolver = new JurisdictionResolver();
    private final AgeScreen ages = new AgeScreen();

    public ScoringGate(UnknownJurisdiction unknown) {
        this.unknown = unknown;
    }

    public UnknownJurisdiction unknown() {
        return unknown;
    }

    /**
     * The lead's privacy facts once {@code event} is recorded: where its events were collected,
     * its age band, and whether its score is withheld.
     *
     * @param consents the lead's ledger, including the consents {@code event} carries
     * @param settled the jurisdiction to judge by, when it is already known from later events (a
     *     replay judges every event by what is known now); empty to judge by what the lead shows so far
     */
    public LeadPrivacy check(Segment segment, LeadTraits traits, LeadPrivacy before, Event event,
            Supplier<ConsentLedger> consents, Optional<Jurisdiction> settled) {
        LeadPrivacy facts = collected(before, event);
        AgeBand age = ages.band(traits.attributes(), event.timestamp());
        return new LeadPrivacy(facts.collectedIn(), facts.collectedAbroad(), age, withholdings(segment,
                () -> settled.orElseGet(() -> jurisdiction(traits, facts)), age, consents, event.timestamp()));
    }

    /** Whether a lead may be scored now, with the facts it already has (a consent given or taken away through the API). */
    public LeadPrivacy recheck(Segment segment, LeadTraits traits, LeadPrivacy facts, Supplier<ConsentLedger> consents,
            Instant at) {
        return new LeadPrivacy(facts.collectedIn(), facts.collectedAbroad(), facts.age(),
                withholdings(segment, () -> jurisdiction(traits, facts), facts.age(), consents, at));
    }

    /** Where the lead's data is governed from once {@code event} is recorded, with {@code traits} as they are after it. */
    public Jurisdiction jurisdictionAfter(LeadTraits traits, LeadPrivacy before, Event event) {
        return jurisdiction(traits, collected(before, event));
    }

    public Jurisdiction jurisdiction(LeadTraits traits, LeadPrivacy facts) {
        return resolver.resolve(traits.attributes(), facts.collectedIn(), facts.collectedAbroad());
    }

    /** The consent laws that apply to a consumer of this jurisdiction under the workspace's choice for unknown ones. */
    public Set<HealthDataLaw> laws(Jurisdiction jurisdiction) {
        return jurisdiction.laws(unknown);
    }

    private LeadPrivacy collected(LeadPrivacy before, Event event) {
        Optional<String> state = resolver.collectedIn(event.header().context());
        boolean abroad = before.collectedAbroad() || resolver.collectedAbroad(event.header().context());
        if (abroad == before.collectedAbroad() && state.map(before.collectedIn()::contains).orElse(true)) {
            return before; // most events add no place
        }
        Set<String> states = new TreeSet<>(before.collectedIn());
        state.ifPresent(states::add);
        return new LeadPrivacy(states, abroad, before.age(), before.withheld());
    }

    /** @param jurisdictionNow resolved only for a consumer: other segments are not gated by state law */
    private List<LeadPrivacy.Withholding> withholdings(Segment segment, Supplier<Jurisdiction> jurisdictionNow,
            AgeBand age, Supplier<ConsentLedger> consents, Instant at) {
        if (segment != Segment.CONSUMER) {
            return List.of();
        }
        List<LeadPrivacy.Withholding> withheld = new ArrayList<>(1);
        if (age == AgeBand.UNDER_13) {
            withheld.add(new LeadPrivacy.Withholding("MINOR-01",
                    "under 13: a child is not scored or marketed to; route to a parent or clinical intake"));
        }
        if (consents.get().holds(Purpose.COLLECT_CHD, Optional.empty(), Optional.empty(), at)) {
            return withheld;
        }
        Jurisdiction jurisdiction = jurisdictionNow.get();
        Map<String, List<HealthDataLaw>> byRule = new TreeMap<>();
        for (HealthDataLaw law : jurisdiction.laws(unknown)) {
            byRule.computeIfAbsent(law.rule(), rule -> new ArrayList<>()).add(law);
        }
        String basis = jurisdiction.known() ? "" : " (the consumer's state is unknown, so the strictest law is assumed)";
        byRule.forEach((rule, laws) -> withheld.add(new LeadPrivacy.Withholding(rule,
                laws.stream().map(HealthDataLaw::title).collect(Collectors.joining(" and "))
                        + ": no consent to collect consumer health data (collect_chd), so no score is derived"
                        + basis)));
        return withheld;
    }
}
