package io.attune.cli.demo;

import io.attune.core.model.Segment;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Journeys of people looking for care. Most read a page or two and leave; some subscribe; some
 * compare clinicians, insurance and cost; a few check their insurance and book. Current patients,
 * job seekers, unsubscribers and disposable addresses are the negatives. No message carries free
 * text: forms send structured fields only, so nothing here can read as crisis language.
 */
final class ConsumerJourneys {
    static final List<String> CONDITION_PAGES = List.of("/conditions/anxiety", "/conditions/depression",
            "/conditions/ptsd", "/conditions/trauma", "/conditions/ocd", "/conditions/adhd",
            "/conditions/bipolar-disorder", "/conditions/postpartum-depression", "/conditions/insomnia",
            "/conditions/grief", "/conditions/stress", "/conditions/panic-disorder");
    private static final List<String> ARTICLES = List.of("/blog/how-to-find-the-right-therapist",
            "/blog/what-happens-in-a-first-therapy-session", "/blog/therapy-or-medication",
            "/blog/sleep-and-mood", "/blog/talking-to-your-doctor-about-mental-health",
            "/blog/is-telehealth-therapy-effective", "/blog/burnout-at-work");
    private static final List<String> BROWSING = List.of("/", "/about", "/how-it-works", "/telehealth",
            "/conditions/anxiety", "/conditions/depression", "/blog/how-to-find-the-right-therapist",
            "/blog/sleep-and-mood");
    private static final List<String> CLINICIANS = List.of("maya-chen-lcsw", "daniel-okafor-psyd",
            "sofia-reyes-lmft", "andre-baker-pmhnp", "hana-kim-lpc", "omar-haddad-md");
    private static final List<String> CARRIERS = List.of("Aetna", "Blue Cross Blue Shield", "Cigna",
            "UnitedHealthcare", "Kaiser Permanente", "Medicaid");
    private static final List<String> ASSESSMENT_PAGES = List.of("/insurance", "/cost", "/locations/downtown",
            "/faq", "/what-to-expect");

    private final Names names;

    ConsumerJourneys(Names names) {
        this.names = names;
    }

    void play(DemoPerson person, Journey journey, Dice dice) {
        switch (person.persona()) {
            case SUBSCRIBER -> subscriber(person, journey, dice, false);
            case UNSUBSCRIBER -> subscriber(person, journey, dice, true);
            case RESEARCHER -> researcher(person, journey, dice);
            case BUYER -> buyer(person, journey, dice);
            case EXISTING_CUSTOMER -> patient(journey, dice);
            case JOB_SEEKER -> jobSeeker(person, journey, dice);
            case SPAM -> disposable(journey, dice);
            default -> visitor(person, journey, dice);
        }
    }

    private void visitor(DemoPerson person, Journey journey, Dice dice) {
        journey.session(Duration.ZERO, Arrivals.first(Segment.CONSUMER, person.channel(), dice));
        for (int i = dice.between(0, 2); i > 0; i--) {
            journey.page(dice.pick(BROWSING));
        }
        if (dice.chance(0.25)) {
            journey.session(dice.hours(20, 150), Arrivals.returning(Segment.CONSUMER, dice.pick(ARTICLES), dice));
        }
    }

    private void subscriber(DemoPerson person, Journey journey, Dice dice, boolean unsubscribes) {
        journey.session(Duration.ZERO, Arrivals.first(Segment.CONSUMER, person.channel(), dice));
        journey.page(dice.pick(ARTICLES));
        journey.track("Newsletter Signed Up", Json.object("list", "monthly-wellness"));
        String email = names.personalEmail(names.name(dice), dice);
        journey.identify(Json.object("email", email,
                "state", dice.chance(0.5) ? state(dice) : null));
        int clicks = dice.between(1, 3);
        for (int i = 0; i < clicks; i++) {
            journey.session(dice.hours(48, 200), Arrivals.newsletter(Segment.CONSUMER, dice.pick(ARTICLES)));
            journey.track("Email Link Clicked", Json.object("campaign", "monthly-wellness-newsletter"));
            if (dice.chance(0.3)) {
                journey.page(dice.pick(CONDITION_PAGES));
            }
        }
        if (unsubscribes) {
            journey.track("Unsubscribed", Json.object("list", "monthly-wellness"));
        }
    }

    /** Compares clinicians, insurance and cost over a few visits, without checking eligibility or booking. */
    private void researcher(DemoPerson person, Journey journey, Dice dice) {
        journey.session(Duration.ZERO, Arrivals.first(Segment.CONSUMER, person.channel(), dice));
        journey.page(dice.pick(CONDITION_PAGES));
        if (dice.chance(0.7)) {
            journey.page(dice.pick(List.of("/therapists", "/find-a-therapist")));
            for (int i = dice.between(0, 2); i > 0; i--) {
                journey.track("Therapist Profile Viewed", Json.object("clinician", dice.pick(CLINICIANS)));
            }
        }
        if (dice.chance(0.4)) {
            journey.page("/how-it-works");
        }
        journey.session(dice.hours(6, 120), Arrivals.returning(Segment.CONSUMER, dice.pick(CONDITION_PAGES), dice));
        journey.page(dice.pick(ASSESSMENT_PAGES));
        if (dice.chance(0.5)) {
            journey.page(dice.pick(ASSESSMENT_PAGES));
        }
        if (dice.chance(0.65)) {
            journey.signIn("usr_" + dice.hex(12));
            journey.track("Account Created", Json.object("method", "email"));
            journey.identify(Json.object(
                    "email", names.personalEmail(names.name(dice), dice),
                    "state", state(dice),
                    "age", age(dice),
                    "serviceInterest", dice.chance(0.6) ? serviceInterest(dice) : null,
                    "preferredLanguage", dice.chance(0.3) ? language(dice) : null));
        }
        if (dice.chance(0.35)) {
            journey.session(dice.hours(24, 200), Arrivals.returning(Segment.CONSUMER, dice.pick(ARTICLES), dice));
            journey.page(dice.pick(CONDITION_PAGES));
        }
    }

    /**
     * Checks insurance and books, often across a phone and a laptop (joined by an email identify) or
     * in the mobile app (joined by the app's identify, or by an alias when the app made a new account).
     */
    private void buyer(DemoPerson person, Journey journey, Dice dice) {
        journey.session(Duration.ZERO, Arrivals.first(Segment.CONSUMER, person.channel(), dice));
        for (int i = dice.between(1, 2); i > 0; i--) {
            journey.page(dice.pick(List.of(dice.pick(CONDITION_PAGES), "/therapists", "/how-it-works", "/insurance")));
        }
        Journey.Device firstDevice = journey.device();
        boolean secondDevice = dice.chance(0.25);
        if (secondDevice) {
            journey.use(journey.webDevice());
        }
        journey.session(dice.hours(4, 72), Arrivals.returning(Segment.CONSUMER, dice.pick(CONDITION_PAGES), dice));
        journey.page("/therapists");
        for (int i = dice.between(1, 2); i > 0; i--) {
            journey.track("Therapist Profile Viewed", Json.object("clinician", dice.pick(CLINICIANS)));
        }
        journey.page("/insurance");
        String userId = "usr_" + dice.hex(12);
        String email = names.personalEmail(names.name(dice), dice);
        journey.signIn(userId);
        journey.track("Account Created", Json.object("method", "email"));
        boolean inNetwork = dice.chance(0.75);
        journey.identify(careTraits(email, inNetwork, dice));
        journey.track("Insurance Check Completed", Json.object("inNetwork", inNetwork));
        if (dice.chance(0.4)) {
            journey.page("/cost");
        }
        int variant = dice.between(1, 100);
        if (variant <= 20) {
            bookInApp(journey, email, userId, dice, variant <= 7);
        } else {
            journey.session(dice.hours(2, 96), Arrivals.returning(Segment.CONSUMER, "/what-to-expect", dice));
            journey.page(dice.pick(List.of("/book", "/schedule")));
            if (dice.chance(0.7)) {
                journey.track("Intake Started", Json.object("visitType", dice.chance(0.6) ? "telehealth" : "in_person"));
            }
            if (dice.chance(0.45)) {
                journey.track("Appointment Booked", Json.object("visitType", "first_session"));
            } else if (dice.chance(0.3)) {
                journey.track("Callback Requested", Json.object("preferredTime", dice.pick(List.of("morning", "evening"))));
            }
        }
        if (secondDevice) {
            journey.use(firstDevice);
            journey.session(dice.hours(12, 96), Arrivals.returning(Segment.CONSUMER, "/locations", dice));
            journey.identify(Json.object("email", email));
        }
    }

    private static void bookInApp(Journey journey, String email, String webUserId, Dice dice, boolean newAccount) {
        journey.use(journey.appDevice());
        journey.pause(dice.hours(2, 72));
        journey.screen("Home");
        if (newAccount) {
            // The app signed the person up again under a new id; the app then tells us both ids are one person.
            journey.signIn("usr_" + dice.hex(12));
            journey.identify(Json.object("email", email));
            journey.alias(webUserId);
        } else {
            journey.signIn(webUserId);
            journey.identify(Json.object("email", email));
        }
        journey.screen("Book Appointment");
        journey.track("Appointment Booked", Json.object("visitType", "first_session", "channel", "app"));
    }

    /** Current patients sign in to the portal; a follow-up booking by them is care, not a lead. */
    private void patient(Journey journey, Dice dice) {
        journey.session(Duration.ZERO, Arrival.direct("/"));
        journey.page("/portal");
        journey.signIn("usr_" + dice.hex(12));
        journey.identify(Json.object("email", names.personalEmail(names.name(dice), dice), "isPatient", true,
                "state", state(dice)));
        if (dice.chance(0.4)) {
            journey.page("/pay-my-bill");
        }
        if (dice.chance(0.3)) {
            journey.session(dice.hours(24, 240), Arrival.direct("/schedule"));
            journey.track("Appointment Booked", Json.object("visitType", "follow_up"));
        }
    }

    private void jobSeeker(DemoPerson person, Journey journey, Dice dice) {
        Arrival arrival = person.channel() == Channel.ORGANIC_SEARCH
                ? new Arrival("/careers", "https://www.google.com/",
                        Json.object("source", "google", "medium", "organic", "term",
                                dice.pick(List.of("therapist jobs near me", "lcsw jobs hiring", "psychiatric np jobs"))), "")
                : new Arrival("/careers/licensed-therapist", "https://www.linkedin.com/",
                        Json.object("source", "linkedin", "medium", "social", "name", "clinician-recruiting"),
                        "?utm_source=linkedin&utm_medium=social&utm_campaign=clinician-recruiting");
        journey.session(Duration.ZERO, arrival);
        journey.page(dice.pick(List.of("/join-our-team", "/for-clinicians", "/about")));
        journey.page("/careers/licensed-therapist");
        if (dice.chance(0.45)) {
            journey.identify(Json.object("email", names.personalEmail(names.name(dice), dice)));
            journey.track("Job Application Submitted", Json.object("role", "Licensed Therapist"));
        }
    }

    private void disposable(Journey journey, Dice dice) {
        journey.session(Duration.ZERO, Arrival.direct("/contact"));
        String domain = dice.pick(List.of("mailinator.com", "yopmail.com", "guerrillamail.com"));
        journey.identify(Json.object("email", names.personalEmail(names.name(dice), dice, domain), "state", state(dice)));
        journey.track("Callback Requested", Json.object("preferredTime", "morning"));
    }

    private static Map<String, Object> careTraits(String email, boolean inNetwork, Dice dice) {
        String payment = inNetwork ? "insurance"
                : dice.weighted(List.of(Dice.Weighted.of("self_pay", 45), Dice.Weighted.of("hsa_fsa", 10),
                        Dice.Weighted.of("insurance", 45)));
        return Json.object(
                "email", email,
                "state", state(dice),
                "age", age(dice),
                "insuranceCarrier", payment.equals("insurance") ? dice.pick(CARRIERS) : null,
                "insuranceInNetwork", inNetwork,
                "paymentMethod", payment,
                "serviceInterest", serviceInterest(dice),
                "preferredLanguage", dice.chance(0.5) ? language(dice) : null,
                "nearestClinicMiles", dice.chance(0.35) ? dice.between(1, 60) : null);
    }

    static String state(Dice dice) {
        return dice.chance(0.88) ? dice.pick(Organisations.LICENSED_STATES) : dice.pick(Organisations.OTHER_STATES);
    }

    /** Adults only: the demo sends no minors, whose data the age gate would have to drop. */
    private static int age(Dice dice) {
        return dice.weighted(List.of(Dice.Weighted.of(dice.between(18, 24), 15), Dice.Weighted.of(dice.between(25, 34), 35),
                Dice.Weighted.of(dice.between(35, 44), 25), Dice.Weighted.of(dice.between(45, 54), 15),
                Dice.Weighted.of(dice.between(55, 76), 10)));
    }

    private static String serviceInterest(Dice dice) {
        return dice.weighted(List.of(Dice.Weighted.of("therapy", 50), Dice.Weighted.of("psychiatry", 14),
                Dice.Weighted.of("medication_management", 10), Dice.Weighted.of("couples_therapy", 8),
                Dice.Weighted.of("teletherapy", 10), Dice.Weighted.of("iop", 4), Dice.Weighted.of("residential", 4)));
    }

    private static String language(Dice dice) {
        return dice.weighted(List.of(Dice.Weighted.of("en", 80), Dice.Weighted.of("es", 15), Dice.Weighted.of("vi", 5)));
    }
}
