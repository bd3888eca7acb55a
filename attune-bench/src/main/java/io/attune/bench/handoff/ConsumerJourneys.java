package io.attune.bench.handoff;

import io.attune.core.identity.Identity;
import io.attune.core.identity.IdentityKind;
import io.attune.core.identity.LeadId;
import io.attune.core.workspace.WorkspaceId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The load's people, for a consumer workspace on its starter model: many visits at once, each person
 * sending about one message a second (the load's {@code lanes} people are interleaved, so one batch
 * never holds two messages of one person). A share of them are on a journey that qualifies — a
 * condition page, the insurance page and check, an identify with a licensed state and an in-network
 * plan, intake, booking — and become MQLs on whichever message crosses the threshold; the rest read
 * articles, live out of state, look for a job or are patients already, and never qualify.
 *
 * <p>Each person starts anonymous and identifies part-way, so the lead is keyed by the anonymous id
 * it was first seen with: {@code LeadId.derivedFrom(workspace, anonymous id)}, as {@code RecordEvent}
 * derives it. Every message's event time is its intended send time in milliseconds, so a webhook's
 * CloudEvents {@code time} (the time of the move, which is the time of the event that made it) names
 * the very message that made the MQL.
 */
final class ConsumerJourneys {
    private static final String[] LICENSED = {"CA", "NY", "NJ", "PA", "MA", "IL", "TX", "FL", "WA", "CO"};
    private static final String[] UNLICENSED = {"OH", "GA", "AZ", "MI", "NC"};
    private static final String[] CONDITIONS = {"anxiety", "depression", "ptsd", "insomnia", "grief", "ocd"};
    private static final String[] READING = {"/blog/sleep-and-mood", "/blog/what-is-cbt", "/about", "/cost",
        "/blog/talking-to-your-kids", "/how-it-works", "/therapists", "/blog/seasonal-affective-disorder"};
    /** The messages of a qualifying journey, in order. */
    static final List<String> QUALIFYING_STEPS = List.of("condition page", "insurance page",
            "Insurance Check Completed", "identify", "Intake Started", "booking page", "Appointment Booked",
            "what-to-expect page");
    private static final String[] MAIL = {"gmail.com", "outlook.com", "yahoo.com", "icloud.com"};

    private final WorkspaceId workspace;
    private final String prefix;
    private final double qualifyingShare;
    private final double acceptShare;
    private final SplittableRandom random;
    private final Journey[] lanes;
    private final Map<String, Journey> byLead = new HashMap<>();
    private final List<Journey> all = new ArrayList<>();
    private final StringBuilder body = new StringBuilder(16 * 1024);
    private int people;
    private long messages;

    ConsumerJourneys(WorkspaceId workspace, String prefix, int lanes, double qualifyingShare, double acceptShare,
            long seed) {
        this.workspace = workspace;
        this.prefix = prefix;
        this.qualifyingShare = qualifyingShare;
        this.acceptShare = acceptShare;
        this.random = new SplittableRandom(seed);
        this.lanes = new Journey[lanes];
    }

    /**
     * The next {@code size} messages as one Segment batch body, meant to leave at {@code intendedNanos}
     * with event time {@code timestampMillis}; journeys whose last message is in it are added to
     * {@code finished}.
     */
    byte[] batch(int batch, int size, long intendedNanos, long timestampMillis, List<Journey> finished) {
        body.setLength(0);
        body.append("{\"batch\":[");
        for (int i = 0; i < size; i++) {
            int lane = (int) (messages++ % lanes.length);
            if (lanes[lane] == null || lanes[lane].finished()) {
                lanes[lane] = start();
            }
            Journey journey = lanes[lane];
            int step = journey.markSent(intendedNanos, timestampMillis, batch);
            if (i > 0) {
                body.append(',');
            }
            message(journey, step, Instant.ofEpochMilli(timestampMillis));
            if (journey.finished()) {
                finished.add(journey);
            }
        }
        body.append("]}");
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    Optional<Journey> journey(String lead) {
        return Optional.ofNullable(byLead.get(lead));
    }

    Collection<Journey> journeys() {
        return all;
    }

    private Journey start() {
        int number = people++;
        Journey.Shape shape;
        if (random.nextDouble() < qualifyingShare) {
            shape = Journey.Shape.QUALIFYING;
        } else {
            double roll = random.nextDouble();
            shape = roll < 0.6 ? Journey.Shape.READER : roll < 0.8 ? Journey.Shape.OUT_OF_AREA
                    : roll < 0.9 ? Journey.Shape.JOB_SEEKER : Journey.Shape.PATIENT;
        }
        int length = switch (shape) {
            case QUALIFYING -> 8;
            case READER -> 3 + random.nextInt(6);
            case OUT_OF_AREA -> 6;
            case JOB_SEEKER, PATIENT -> 4;
        };
        LeadId lead = LeadId.derivedFrom(workspace, new Identity(IdentityKind.ANONYMOUS_ID, anonymousId(number)));
        Optional<LeadId> seededByUser = shape == Journey.Shape.READER ? Optional.empty()
                : Optional.of(LeadId.derivedFrom(workspace, new Identity(IdentityKind.USER_ID, userId(number))));
        Journey journey = new Journey(number, lead, seededByUser, shape, length,
                shape == Journey.Shape.QUALIFYING && random.nextDouble() < acceptShare);
        journey.leads().forEach(id -> byLead.put(id.value(), journey));
        all.add(journey);
        return journey;
    }

    private String anonymousId(int number) {
        return "anon-" + prefix + "-" + number;
    }

    private String userId(int number) {
        return "user-" + prefix + "-" + number;
    }

    private void message(Journey journey, int step, Instant at) {
        int number = journey.number();
        boolean identified = switch (journey.shape()) {
            case QUALIFYING -> step >= 3;
            case OUT_OF_AREA -> step >= 4;
            case JOB_SEEKER, PATIENT -> step >= 1;
            case READER -> false;
        };
        body.append("{\"messageId\":\"").append(prefix).append('-').append(messages).append("\",\"anonymousId\":\"")
                .append(anonymousId(number)).append('"');
        if (identified) {
            body.append(",\"userId\":\"").append(userId(number)).append('"');
        }
        body.append(",\"timestamp\":\"").append(at).append("\",\"context\":{\"library\":{\"name\":\"analytics.js\",")
                .append("\"version\":\"4.1.0\"},\"userAgent\":\"Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X)\"},");
        switch (journey.shape()) {
            case QUALIFYING -> qualifying(number, step);
            case READER -> page(READING[random.nextInt(READING.length)], null);
            case OUT_OF_AREA -> outOfArea(number, step);
            case JOB_SEEKER -> jobSeeker(number, step);
            case PATIENT -> patient(number, step);
        }
        body.append('}');
    }

    private void qualifying(int number, int step) {
        switch (step) {
            case 0 -> page("/conditions/" + CONDITIONS[random.nextInt(CONDITIONS.length)],
                    random.nextBoolean() ? "https://www.google.com/" : null);
            case 1 -> page("/insurance", null);
            case 2 -> track("Insurance Check Completed", "{\"plan\":\"PPO\"}");
            case 3 -> {
                boolean inNetwork = random.nextInt(4) > 0;
                identify(number, LICENSED[random.nextInt(LICENSED.length)], (inNetwork ? ",\"insuranceInNetwork\":true"
                        : ",\"paymentMethod\":\"self_pay\"") + (random.nextBoolean() ? ",\"serviceInterest\":\"therapy\"" : ""));
            }
            case 4 -> track("Intake Started", "{}");
            case 5 -> page("/book", null);
            case 6 -> track("Appointment Booked", "{\"visit\":\"video\"}");
            default -> page("/what-to-expect", null);
        }
    }

    private void outOfArea(int number, int step) {
        switch (step) {
            case 0 -> page("/conditions/" + CONDITIONS[random.nextInt(CONDITIONS.length)], "https://www.bing.com/");
            case 1 -> page("/cost", null);
            case 2 -> page("/insurance", null);
            case 3 -> track("Insurance Check Completed", "{\"plan\":\"HMO\"}");
            case 4 -> identify(number, UNLICENSED[random.nextInt(UNLICENSED.length)], ",\"insuranceInNetwork\":false");
            default -> page("/locations", null);
        }
    }

    private void jobSeeker(int number, int step) {
        switch (step) {
            case 0 -> page("/careers", null);
            case 1 -> identify(number, LICENSED[random.nextInt(LICENSED.length)], "");
            case 2 -> page("/join-our-team", null);
            default -> page("/about", null);
        }
    }

    private void patient(int number, int step) {
        switch (step) {
            case 0 -> page("/portal", null);
            case 1 -> identify(number, LICENSED[random.nextInt(LICENSED.length)], ",\"isPatient\":true");
            case 2 -> page("/pay-my-bill", null);
            default -> page("/book", null);
        }
    }

    private void page(String path, String referrer) {
        body.append("\"type\":\"page\",\"name\":\"").append(path).append("\",\"properties\":{\"path\":\"").append(path)
                .append("\",\"url\":\"https://care.example-health.com").append(path).append('"');
        if (referrer != null) {
            body.append(",\"referrer\":\"").append(referrer).append('"');
        }
        body.append(",\"title\":\"Lakeside Counseling\"}");
    }

    private void track(String event, String properties) {
        body.append("\"type\":\"track\",\"event\":\"").append(event).append("\",\"properties\":").append(properties);
    }

    private void identify(int number, String state, String extraTraits) {
        body.append("\"type\":\"identify\",\"traits\":{\"email\":\"person").append(number).append('.').append(prefix)
                .append('@').append(MAIL[number % MAIL.length]).append("\",\"state\":\"").append(state)
                .append("\",\"age\":").append(18 + random.nextInt(50)).append(",\"preferredLanguage\":\"en\"")
                .append(extraTraits).append('}');
    }
}
