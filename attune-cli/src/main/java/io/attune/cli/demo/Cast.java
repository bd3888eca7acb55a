package io.attune.cli.demo;

import io.attune.core.model.Segment;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Who is in the demo: how many people of each segment and persona, where each first came from,
 * which organisation each B2B person works at, and which organisations are in market with a
 * buying committee. Counts are apportioned exactly (largest remainder), so proportions hold for
 * any number of people; only the order and the details are left to chance.
 */
final class Cast {
    /** Consumers are the majority; the B2B segments are what a multi-service organisation's site sees. */
    static final Map<Segment, Double> SEGMENT_SHARES = Map.of(
            Segment.CONSUMER, 0.70, Segment.EMPLOYER, 0.10, Segment.PAYER, 0.05,
            Segment.REFERRAL, 0.09, Segment.COMMUNITY, 0.06);

    /** One cast member and everything the journey writers need to know about them. */
    record Member(DemoPerson person, Optional<Organisation> organisation, boolean champion) {
    }

    private final Dice dice;

    Cast(Dice dice) {
        this.dice = dice;
    }

    List<Member> of(int people) {
        Map<Segment, Integer> bySegment = apportion(people, SEGMENT_SHARES);
        List<Member> members = new ArrayList<>(people);
        for (Segment segment : Segment.values()) {
            members.addAll(segment == Segment.CONSUMER
                    ? consumers(bySegment.get(segment))
                    : business(segment, bySegment.get(segment)));
        }
        shuffle(members);
        List<Member> keyed = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            Member member = members.get(i);
            DemoPerson person = member.person();
            keyed.add(new Member(new DemoPerson(String.format(Locale.ROOT, "person-%05d", i + 1),
                    person.segment(), person.persona(), person.channel(), person.organisation(), person.role()),
                    member.organisation(), member.champion()));
        }
        return keyed;
    }

    private List<Member> consumers(int count) {
        Map<Persona, Integer> personas = apportion(count, Map.of(
                Persona.VISITOR, 52.0, Persona.SUBSCRIBER, 13.0, Persona.RESEARCHER, 17.0, Persona.BUYER, 5.5,
                Persona.EXISTING_CUSTOMER, 5.0, Persona.JOB_SEEKER, 4.0, Persona.UNSUBSCRIBER, 2.5, Persona.SPAM, 1.0));
        List<Member> members = new ArrayList<>(count);
        personas.forEach((persona, n) -> {
            for (int i = 0; i < n; i++) {
                members.add(new Member(new DemoPerson("", Segment.CONSUMER, persona, consumerChannel(persona),
                        Optional.empty(), Optional.empty()), Optional.empty(), false));
            }
        });
        return members;
    }

    private Channel consumerChannel(Persona persona) {
        return switch (persona) {
            case EXISTING_CUSTOMER, SPAM -> Channel.DIRECT;
            case JOB_SEEKER -> dice.chance(0.6) ? Channel.ORGANIC_SEARCH : Channel.LINKEDIN;
            default -> dice.weighted(List.of(Dice.Weighted.of(Channel.ORGANIC_SEARCH, 40),
                    Dice.Weighted.of(Channel.PAID_SEARCH, 14), Dice.Weighted.of(Channel.PAID_SOCIAL, 8),
                    Dice.Weighted.of(Channel.ASSOCIATION_PARTNER, 9), Dice.Weighted.of(Channel.EAP_MANAGED_CARE, 9),
                    Dice.Weighted.of(Channel.REFERRAL_NETWORK, 8), Dice.Weighted.of(Channel.EMAIL, 4),
                    Dice.Weighted.of(Channel.DIRECT, 8)));
        };
    }

    private List<Member> business(Segment segment, int count) {
        Playbook playbook = Playbooks.of(segment);
        List<Organisation> prospects = prospects(segment, count);
        List<Organisation> inMarket = inMarket(prospects, count < 40 ? 0 : Math.max(1, Math.round(count / 110f)));
        List<Member> members = new ArrayList<>(count);
        for (Organisation account : inMarket) {
            boolean champion = true;
            for (String role : playbook.committee().keySet()) {
                members.add(new Member(new DemoPerson("", segment, Persona.COMMITTEE,
                        champion ? businessChannel(segment) : Channel.DIRECT, Optional.of(account.name()),
                        Optional.of(role)), Optional.of(account), champion));
                champion = false;
            }
        }
        Map<Persona, Integer> personas = apportion(count - members.size(), businessPersonas(segment));
        List<Organisation> brokerages = segment == Segment.EMPLOYER ? Organisations.brokerages(dice) : List.of();
        personas.forEach((persona, n) -> {
            for (int i = 0; i < n; i++) {
                Organisation organisation = organisationFor(segment, persona, prospects, brokerages);
                Channel channel = switch (persona) {
                    case EXISTING_CUSTOMER -> Channel.DIRECT;
                    case SELF_REFERRAL -> Channel.ORGANIC_SEARCH;
                    default -> businessChannel(segment);
                };
                members.add(new Member(new DemoPerson("", segment, persona, channel,
                        Optional.of(organisation.name()), Optional.empty()), Optional.of(organisation), false));
            }
        });
        return members;
    }

    private Organisation organisationFor(Segment segment, Persona persona, List<Organisation> prospects,
            List<Organisation> brokerages) {
        return switch (persona) {
            case STUDENT -> dice.pick(Organisations.universities(segment));
            case COMPETITOR -> dice.pick(Organisations.competitors(segment));
            case VENDOR -> dice.pick(Organisations.vendors(segment));
            default -> !brokerages.isEmpty() && persona != Persona.EXISTING_CUSTOMER && dice.chance(0.18)
                    ? dice.pick(brokerages)
                    : dice.pick(prospects);
        };
    }

    private List<Organisation> prospects(Segment segment, int people) {
        return switch (segment) {
            case EMPLOYER -> Organisations.employers(dice, Math.max(8, people * 2 / 5));
            case PAYER -> Organisations.payers(dice, Math.max(8, people / 4));
            case REFERRAL -> Organisations.practices(dice, Math.max(8, people * 2 / 5));
            case COMMUNITY -> Organisations.communityOrganisations(dice, Math.max(6, people * 2 / 5));
            case CONSUMER -> List.of();
        };
    }

    private List<Organisation> inMarket(List<Organisation> prospects, int accounts) {
        List<Organisation> strong = new ArrayList<>(prospects.stream().filter(Organisation::strongFit).toList());
        shuffle(strong);
        return strong.subList(0, Math.min(accounts, strong.size()));
    }

    private static Map<Persona, Double> businessPersonas(Segment segment) {
        Map<Persona, Double> weights = new EnumMap<>(Persona.class);
        weights.put(Persona.VISITOR, 39.5);
        weights.put(Persona.SUBSCRIBER, 10.0);
        weights.put(Persona.RESEARCHER, 28.0);
        weights.put(Persona.BUYER, 4.0);
        weights.put(Persona.JOB_SEEKER, 3.0);
        weights.put(Persona.STUDENT, 3.0);
        weights.put(Persona.VENDOR, 3.0);
        weights.put(Persona.UNSUBSCRIBER, 3.0);
        switch (segment) {
            case EMPLOYER -> {
                weights.put(Persona.COMPETITOR, 3.0);
                weights.put(Persona.EXISTING_CUSTOMER, 3.0);
            }
            case PAYER -> {
                // The payer model's grade matrix lets an A-grade researcher with a report and a few pages in,
                // so fewer buyers keep payer MQLs in line with the other segments.
                weights.put(Persona.COMPETITOR, 3.0);
                weights.put(Persona.BUYER, 3.0);
                weights.put(Persona.VISITOR, 40.5);
            }
            case REFERRAL -> weights.put(Persona.SELF_REFERRAL, 4.0);
            case COMMUNITY -> weights.put(Persona.DONOR, 5.0);
            case CONSUMER -> throw new IllegalArgumentException("consumers are cast separately");
        }
        return weights;
    }

    private Channel businessChannel(Segment segment) {
        List<Dice.Weighted<Channel>> weights = switch (segment) {
            case EMPLOYER -> List.of(Dice.Weighted.of(Channel.LINKEDIN, 32), Dice.Weighted.of(Channel.HR_PUBLICATION, 24),
                    Dice.Weighted.of(Channel.ORGANIC_SEARCH, 14), Dice.Weighted.of(Channel.EVENTS_AND_WEBINARS, 8),
                    Dice.Weighted.of(Channel.EMAIL, 8), Dice.Weighted.of(Channel.PAID_SEARCH, 6),
                    Dice.Weighted.of(Channel.DIRECT, 8));
            case PAYER -> List.of(Dice.Weighted.of(Channel.EAP_MANAGED_CARE, 38), Dice.Weighted.of(Channel.LINKEDIN, 20),
                    Dice.Weighted.of(Channel.ORGANIC_SEARCH, 12), Dice.Weighted.of(Channel.EVENTS_AND_WEBINARS, 12),
                    Dice.Weighted.of(Channel.EMAIL, 8), Dice.Weighted.of(Channel.DIRECT, 10));
            case REFERRAL -> List.of(Dice.Weighted.of(Channel.REFERRAL_NETWORK, 45),
                    Dice.Weighted.of(Channel.ORGANIC_SEARCH, 18), Dice.Weighted.of(Channel.EVENTS_AND_WEBINARS, 10),
                    Dice.Weighted.of(Channel.EMAIL, 12), Dice.Weighted.of(Channel.DIRECT, 15));
            case COMMUNITY -> List.of(Dice.Weighted.of(Channel.ASSOCIATION_PARTNER, 30),
                    Dice.Weighted.of(Channel.GRANTS_AND_CONTRACTS, 25), Dice.Weighted.of(Channel.ORGANIC_SEARCH, 15),
                    Dice.Weighted.of(Channel.EVENTS_AND_WEBINARS, 12), Dice.Weighted.of(Channel.EMAIL, 8),
                    Dice.Weighted.of(Channel.DIRECT, 10));
            case CONSUMER -> throw new IllegalArgumentException("consumers are cast separately");
        };
        return dice.weighted(weights);
    }

    /**
     * Splits {@code total} in proportion to {@code weights}, rounding so the parts add up exactly;
     * iterates keys in enum order so the result does not depend on the map's own order.
     */
    static <K extends Enum<K>> Map<K, Integer> apportion(int total, Map<K, Double> weights) {
        List<K> keys = weights.keySet().stream().sorted().toList();
        double sum = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<K, Integer> parts = new java.util.LinkedHashMap<>();
        List<Map.Entry<K, Double>> remainders = new ArrayList<>();
        int assigned = 0;
        for (K key : keys) {
            double exact = total * weights.get(key) / sum;
            int part = (int) Math.floor(exact);
            parts.put(key, part);
            assigned += part;
            remainders.add(Map.entry(key, exact - part));
        }
        remainders.sort(Map.Entry.<K, Double>comparingByValue().reversed());
        for (int i = 0; i < total - assigned; i++) {
            K key = remainders.get(i).getKey();
            parts.put(key, parts.get(key) + 1);
        }
        return parts;
    }

    private <T> void shuffle(List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = dice.between(0, i);
            T swap = list.get(i);
            list.set(i, list.get(j));
            list.set(j, swap);
        }
    }
}
