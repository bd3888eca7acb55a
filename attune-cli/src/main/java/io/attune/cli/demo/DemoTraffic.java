package io.attune.cli.demo;

import io.attune.core.model.Segment;
import io.attune.server.ingest.SegmentLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Generates the realistic synthetic traffic of {@code attune demo}: a few thousand people across the
 * five segments, each arriving through a channel of the lead source taxonomy and following a
 * journey of Segment Tracking API messages (page, track, screen, identify, group, alias) spread
 * over the weeks before {@code now}, cut into {@code POST /v1/batch} bodies within Segment's limits.
 *
 * <p>Deterministic: the same settings give the same people, message ids and batches, byte for byte.
 * Most people never qualify (they read and leave, or subscribe, or compare); a few per cent show
 * real intent; job seekers, students, competitors, sellers, current patients, unsubscribes and
 * disposable addresses are there for the models to keep out. Some people use two devices, later
 * joined by an email identify or an alias, and some messages are sent twice with the same id.
 */
public final class DemoTraffic {
    /** About one message in seventy is resent, enough to show deduplication without crowding the stream. */
    private static final double RESEND_SHARE = 0.015;

    private final Settings settings;

    public DemoTraffic(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * @param seed the seed of every random choice
     * @param people how many people to generate
     * @param now the end of the traffic: every event happens in the {@code window} before it
     * @param window how far back journeys begin; long enough for decay to show
     * @param lanes how many independent sender queues the batches are cut for, see {@link DemoBatch#lane()}
     * @param maxBatchMessages the most messages in one batch
     * @param maxBatchBytes the largest batch body, in bytes
     */
    public record Settings(long seed, int people, Instant now, Duration window, int lanes, int maxBatchMessages,
            int maxBatchBytes) {
        public static final long DEFAULT_SEED = 20_240_917L;
        public static final int DEFAULT_PEOPLE = 3_000;
        public static final Duration DEFAULT_WINDOW = Duration.ofDays(21);
        public static final int DEFAULT_LANES = 4;
        /** Well inside Segment's 2,500 messages and 500 KB, so that one request never takes long to commit. */
        public static final int DEFAULT_BATCH_MESSAGES = 500;
        public static final int DEFAULT_BATCH_BYTES = 400 * 1024;

        public Settings {
            Objects.requireNonNull(now, "now");
            Objects.requireNonNull(window, "window");
            SegmentLimits limits = SegmentLimits.DEFAULT;
            requireArgument(people >= 1 && people <= 1_000_000, "people must be between 1 and 1,000,000");
            requireArgument(window.compareTo(Duration.ofDays(1)) >= 0 && window.compareTo(Duration.ofDays(365)) <= 0,
                    "the window must be between 1 and 365 days");
            requireArgument(lanes >= 1 && lanes <= 64, "lanes must be between 1 and 64");
            requireArgument(maxBatchMessages >= 1 && maxBatchMessages <= limits.maxMessagesPerBatch(),
                    "a batch may hold 1 to " + limits.maxMessagesPerBatch() + " messages");
            requireArgument(maxBatchBytes >= limits.maxMessageBytes() + DemoBatch.ENVELOPE_BYTES
                    && maxBatchBytes <= limits.maxBatchBytes(),
                    "the batch byte budget must be between one full message and " + limits.maxBatchBytes() + " bytes");
        }

        /** The defaults: {@value #DEFAULT_PEOPLE} people over {@link #DEFAULT_WINDOW} ending at {@code now}. */
        public static Settings defaults(Instant now) {
            return new Settings(DEFAULT_SEED, DEFAULT_PEOPLE, now, DEFAULT_WINDOW, DEFAULT_LANES,
                    DEFAULT_BATCH_MESSAGES, DEFAULT_BATCH_BYTES);
        }

        public Settings withSeed(long otherSeed) {
            return new Settings(otherSeed, people, now, window, lanes, maxBatchMessages, maxBatchBytes);
        }

        public Settings withPeople(int otherPeople) {
            return new Settings(seed, otherPeople, now, window, lanes, maxBatchMessages, maxBatchBytes);
        }

        private static void requireArgument(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }

    public Settings settings() {
        return settings;
    }

    public SyntheticTraffic generate() {
        Dice dice = new Dice(settings.seed());
        Names names = new Names();
        ConsumerJourneys consumers = new ConsumerJourneys(names);
        BusinessJourneys business = new BusinessJourneys(names);
        List<Cast.Member> cast = new Cast(dice.fork()).of(settings.people());
        Instant end = settings.now().minusSeconds(60);
        List<DemoPerson> people = new ArrayList<>(cast.size());
        List<Batcher.Queued> queued = new ArrayList<>();
        long order = 0;
        for (int i = 0; i < cast.size(); i++) {
            Cast.Member member = cast.get(i);
            DemoPerson person = member.person();
            Dice personal = dice.fork();
            Journey journey = new Journey(personal, startOf(member, personal), end);
            if (person.segment() == Segment.CONSUMER) {
                consumers.play(person, journey, personal);
            } else {
                business.play(person, member.organisation().orElseThrow(), member.champion(), journey, personal);
            }
            people.add(person);
            // All of one person's messages travel in one lane, so their order survives concurrent sending.
            int lane = i % settings.lanes();
            for (Journey.Message message : journey.messages()) {
                queued.add(new Batcher.Queued(lane, order++, message));
            }
        }
        Batcher.Result batches = new Batcher(settings.maxBatchMessages(), settings.maxBatchBytes(), RESEND_SHARE)
                .batch(queued, settings.lanes(), dice.fork());
        return new SyntheticTraffic(people, batches.batches(), batches.resent());
    }

    /**
     * When a journey begins. Buyers start early enough to finish a two-to-three-week evaluation;
     * their colleagues join in the last fortnight; everyone else starts any time in the window.
     */
    private Instant startOf(Cast.Member member, Dice dice) {
        long window = settings.window().toSeconds();
        Instant from = settings.now().minus(settings.window());
        boolean buyer = member.person().persona() == Persona.BUYER || member.champion();
        if (buyer) {
            long latest = Math.max(window / 3, window - Duration.ofDays(11).toSeconds());
            return from.plusMillis(dice.between(0L, latest * 1_000));
        }
        if (member.person().persona() == Persona.COMMITTEE) {
            long earliest = Math.max(0, window - Duration.ofDays(16).toSeconds());
            long latest = Math.max(earliest, window - Duration.ofDays(3).toSeconds());
            return from.plusMillis(dice.between(earliest * 1_000, latest * 1_000));
        }
        return from.plusMillis(dice.between(0L, Math.max(0, window - 3_600) * 1_000));
    }
}
