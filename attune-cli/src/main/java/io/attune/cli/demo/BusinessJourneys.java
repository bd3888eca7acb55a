package io.attune.cli.demo;

import io.attune.core.model.Segment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Journeys of employer, payer, referral and community people, written once over a {@link Playbook}.
 * People start anonymous; those who identify do so through a gated offer or a form, naming their
 * segment, title and company, and most then {@code group} with their organisation. The segment
 * travels on the group call too, so an account is attached even if a sender's group arrives first.
 */
final class BusinessJourneys {
    private static final Pattern CLINICIAN = Pattern.compile("(?i)physician|nurse practitioner|medical director");

    private final Names names;

    BusinessJourneys(Names names) {
        this.names = names;
    }

    /**
     * One person's journey. A member of an in-market account's buying committee plays its role; the
     * {@code champion} among them plays the buyer's journey, the others a colleague's.
     */
    void play(DemoPerson person, Organisation organisation, boolean champion, Journey journey, Dice dice) {
        Playbook playbook = Playbooks.of(person.segment());
        Contact contact = contact(person, organisation, person.role().orElse(""), playbook, dice);
        switch (person.persona()) {
            case SUBSCRIBER -> subscriber(person, contact, playbook, journey, dice);
            case RESEARCHER -> researcher(person, contact, playbook, journey, dice, false);
            case UNSUBSCRIBER -> researcher(person, contact, playbook, journey, dice, true);
            case BUYER -> buyer(person, contact, playbook, journey, dice);
            case COMMITTEE -> {
                if (champion) {
                    buyer(person, contact, playbook, journey, dice);
                } else {
                    committeeMember(contact, playbook, journey, dice);
                }
            }
            case EXISTING_CUSTOMER -> customer(contact, playbook, journey, dice);
            case JOB_SEEKER -> jobSeeker(person, contact, playbook, journey, dice);
            case STUDENT, COMPETITOR -> evaluator(person, contact, playbook, journey, dice);
            case VENDOR -> vendor(person, contact, playbook, journey, dice);
            case DONOR -> donor(person, contact, journey, dice);
            case SELF_REFERRAL -> selfReferral(contact, journey, dice);
            default -> visitor(person, playbook, journey, dice);
        }
    }

    /** Who the person says they are when they fill in a form. */
    private record Contact(Organisation organisation, String email, Map<String, Object> traits) {
    }

    private void visitor(DemoPerson person, Playbook playbook, Journey journey, Dice dice) {
        journey.session(Duration.ZERO, Arrivals.first(person.segment(), person.channel(), dice));
        for (int i = dice.between(0, 2); i > 0; i--) {
            journey.page(dice.pick(dice.chance(0.6) ? playbook.readingPages() : playbook.interestPages()));
        }
        if (dice.chance(0.2)) {
            journey.session(dice.hours(24, 240),
                    Arrivals.returning(person.segment(), dice.pick(playbook.readingPages()), dice));
        }
    }

    private void subscriber(DemoPerson person, Contact contact, Playbook playbook, Journey journey, Dice dice) {
        journey.session(Duration.ZERO, Arrivals.first(person.segment(), person.channel(), dice));
        journey.page(dice.pick(playbook.readingPages()));
        journey.track("Newsletter Signed Up", Json.object("list", person.segment().wireName() + "-insights"));
        journey.identify(Json.object("email", contact.email(), "company", contact.organisation().name(),
                "segment", person.segment().wireName()));
        for (int i = dice.between(1, 2); i > 0; i--) {
            journey.session(dice.hours(48, 240), Arrivals.newsletter(person.segment(), dice.pick(playbook.readingPages())));
            journey.track("Email Link Clicked", Json.object("campaign", person.segment().wireName() + "-nurture"));
        }
    }

    /** Reads, then trades an email for one offer; some keep clicking the nurture emails, a few unsubscribe. */
    private void researcher(DemoPerson person, Contact contact, Playbook playbook, Journey journey, Dice dice,
            boolean unsubscribes) {
        journey.session(Duration.ZERO, Arrivals.first(person.segment(), person.channel(), dice));
        if (dice.chance(0.4)) {
            journey.page(dice.pick(playbook.readingPages()));
        }
        Playbook.Step offer = dice.weighted(playbook.offers());
        if (dice.chance(0.65)) {
            journey.session(dice.hours(24, 170), Arrivals.returning(person.segment(), offer.page(), dice));
        } else {
            journey.page(offer.page());
        }
        identify(contact, journey, dice.chance(0.8));
        journey.track(offer.event(), offer.properties());
        if (dice.chance(0.3) || unsubscribes) {
            journey.session(dice.hours(48, 240), Arrivals.newsletter(person.segment(), dice.pick(playbook.readingPages())));
            journey.track("Email Link Clicked", Json.object("campaign", person.segment().wireName() + "-nurture"));
            if (unsubscribes) {
                journey.track("Unsubscribed", Json.object("list", person.segment().wireName() + "-nurture"));
            }
        }
    }

    /**
     * Evaluates over one to three weeks: a solution page, then an offer, then pricing or contracting
     * pages with a first buying action, and for most the request for a conversation.
     */
    private void buyer(DemoPerson person, Contact contact, Playbook playbook, Journey journey, Dice dice) {
        journey.session(Duration.ZERO, Arrivals.first(person.segment(), person.channel(), dice));
        journey.page(dice.pick(playbook.interestPages()));
        Playbook.Step offer = dice.weighted(playbook.offers());
        journey.session(dice.hours(24, 96), Arrivals.returning(person.segment(), dice.pick(playbook.intentPages()), dice));
        journey.page(offer.page());
        identify(contact, journey, true);
        journey.track(offer.event(), offer.properties());
        List<Playbook.Step> conversions = playbook.conversions();
        journey.session(dice.hours(24, 120), Arrivals.returning(person.segment(), dice.pick(playbook.intentPages()), dice));
        step(conversions.get(0), journey);
        if (dice.chance(0.4)) {
            step(conversions.get(1), journey);
        }
        if (dice.chance(0.65)) {
            journey.session(dice.hours(24, 120),
                    Arrivals.returning(person.segment(), dice.pick(playbook.intentPages()), dice));
            step(conversions.get(dice.chance(0.7) ? 2 : 3), journey);
        }
    }

    /** A colleague of an in-market buyer: forwarded a link, reads the late-stage pages, takes one or two actions. */
    private void committeeMember(Contact contact, Playbook playbook, Journey journey, Dice dice) {
        journey.session(Duration.ZERO, Arrival.direct(dice.pick(playbook.intentPages())));
        journey.page(dice.pick(playbook.interestPages()));
        identify(contact, journey, true);
        for (int i = dice.between(1, 2); i > 0; i--) {
            step(dice.pick(playbook.memberActions()), journey);
        }
    }

    private void customer(Contact contact, Playbook playbook, Journey journey, Dice dice) {
        journey.session(Duration.ZERO, Arrival.direct("/login"));
        journey.signIn("cust_" + dice.hex(10));
        identify(contact, journey, true);
        journey.page("/support");
        if (dice.chance(0.5)) {
            journey.page(dice.pick(playbook.readingPages()));
        }
    }

    /** Identifies through an offer like a researcher, then turns out to be looking for a job. */
    private void jobSeeker(DemoPerson person, Contact contact, Playbook playbook, Journey journey, Dice dice) {
        journey.session(Duration.ZERO, Arrivals.first(person.segment(), person.channel(), dice));
        Playbook.Step offer = dice.weighted(playbook.offers());
        journey.page(offer.page());
        identify(contact, journey, false);
        journey.track(offer.event(), offer.properties());
        journey.session(dice.hours(24, 200), Arrival.direct("/careers"));
        journey.page("/careers/" + person.segment().wireName() + "-partnerships-coordinator");
        journey.track("Job Application Submitted", Json.object("role", "Partnerships Coordinator"));
    }

    /** Students and competitors read widely, pricing included, and download; neither will buy. */
    private void evaluator(DemoPerson person, Contact contact, Playbook playbook, Journey journey, Dice dice) {
        journey.session(Duration.ZERO, Arrivals.first(person.segment(), person.channel(), dice));
        for (int i = dice.between(1, 3); i > 0; i--) {
            journey.page(dice.pick(dice.chance(0.5) ? playbook.interestPages() : playbook.intentPages()));
        }
        Playbook.Step offer = dice.weighted(playbook.offers());
        journey.page(offer.page());
        identify(contact, journey, false);
        journey.track(offer.event(), offer.properties());
        if (dice.chance(0.5)) {
            journey.session(dice.hours(24, 200), Arrival.direct(dice.pick(playbook.intentPages())));
            journey.page(dice.pick(playbook.intentPages()));
        }
    }

    /** Sellers ask for a meeting to pitch; the model's title rules keep them out of the queue. */
    private void vendor(DemoPerson person, Contact contact, Playbook playbook, Journey journey, Dice dice) {
        journey.session(Duration.ZERO, Arrivals.first(person.segment(), person.channel(), dice));
        journey.page(dice.pick(playbook.interestPages()));
        journey.page(dice.pick(playbook.intentPages()));
        identify(contact, journey, true);
        if (dice.chance(0.5)) {
            step(playbook.conversions().get(2), journey);
        }
    }

    private void donor(DemoPerson person, Contact contact, Journey journey, Dice dice) {
        journey.session(Duration.ZERO, Arrivals.first(person.segment(), person.channel(), dice));
        journey.page(dice.pick(List.of("/impact", "/annual-report")));
        journey.page("/donate");
        identify(contact, journey, false);
        journey.track("Donation Completed", Json.object("frequency", dice.chance(0.3) ? "monthly" : "one_time"));
    }

    /** Someone looking for care who took the clinicians' referral form for the way in. */
    private void selfReferral(Contact contact, Journey journey, Dice dice) {
        journey.session(Duration.ZERO, new Arrival("/refer", "https://www.google.com/",
                Json.object("source", "google", "medium", "organic", "term", "how to get a therapy referral"), ""));
        journey.track("Referral Form Started", Json.object("form", "clinician-referral"));
        identify(contact, journey, false);
        journey.track("Referral Submitted", Json.object("referrerType", "self", "urgency", "routine"));
        if (dice.chance(0.5)) {
            journey.page("/insurance");
        }
    }

    private static void step(Playbook.Step step, Journey journey) {
        journey.page(step.page());
        journey.track(step.event(), step.properties());
    }

    private static void identify(Contact contact, Journey journey, boolean group) {
        journey.identify(contact.traits());
        Organisation organisation = contact.organisation();
        if (group && !organisation.traits().isEmpty()) {
            journey.group(organisation.groupId(), organisation.traits());
        }
    }

    private Contact contact(DemoPerson person, Organisation organisation, String role, Playbook playbook, Dice dice) {
        Names.Name name = names.name(dice);
        String title = title(person.persona(), organisation, role, playbook, dice);
        boolean personal = person.persona() == Persona.DONOR || person.persona() == Persona.SELF_REFERRAL
                || organisation.personalMailboxes() && dice.chance(0.5);
        String email = personal ? names.personalEmail(name, dice) : names.workEmail(name, organisation.domain());
        Map<String, Object> traits = Json.object(
                "email", email,
                "firstName", name.first(),
                "lastName", name.last(),
                "title", title,
                "company", companyOf(person, organisation),
                "segment", person.segment().wireName());
        if (organisation.isProspect()) {
            switch (person.segment()) {
                case EMPLOYER -> {
                    traits.put("employees", organisation.trait("employees"));
                    if (organisation.trait("selfInsured") != null) {
                        traits.put("selfInsured", organisation.trait("selfInsured"));
                    }
                }
                case PAYER -> traits.put("planLives", organisation.trait("planLives"));
                case REFERRAL -> {
                    if (title != null && CLINICIAN.matcher(title).find()) {
                        traits.put("specialty", organisation.trait("specialty"));
                    }
                }
                default -> {
                }
            }
        }
        return new Contact(organisation, email, traits);
    }

    /** People who write as private persons name no company. */
    private static String companyOf(DemoPerson person, Organisation organisation) {
        return person.persona() == Persona.DONOR || person.persona() == Persona.SELF_REFERRAL ? null : organisation.name();
    }

    private static String title(Persona persona, Organisation organisation, String role, Playbook playbook, Dice dice) {
        Playbook.Titles titles = playbook.titles();
        return switch (persona) {
            case COMMITTEE -> dice.pick(playbook.committee().get(role));
            case STUDENT -> dice.pick(titles.student());
            case VENDOR -> dice.pick(titles.vendor());
            case COMPETITOR -> dice.pick(titles.competitor());
            case JOB_SEEKER -> dice.pick(titles.jobSeeker());
            case DONOR -> dice.pick(List.of("Board Member", "Volunteer", "Retired Teacher"));
            case SELF_REFERRAL -> null;
            default -> {
                if (organisation.type().equals("brokerage")) {
                    yield dice.pick(List.of("Benefits Broker", "Senior Benefits Consultant", "Employee Benefits Advisor"));
                }
                double strong = persona == Persona.BUYER ? 0.85 : 0.4;
                yield dice.pick(dice.chance(strong) ? titles.strong() : titles.other());
            }
        };
    }
}
