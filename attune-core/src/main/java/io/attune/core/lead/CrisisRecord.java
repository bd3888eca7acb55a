package io.attune.core.lead;

import io.attune.core.crisis.PhraseFamily;
import io.attune.core.crisis.Screening;
import io.attune.core.lifecycle.Stage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What crisis screening found on a lead (CRISIS-01..05), never the text itself: while held, since
 * when, from which stage, the phrase families found, whether every match was about someone else,
 * and whether it is a medical emergency (911 first); and the review flags of texts a person should
 * read (idioms, negations, past mentions), held or not. A clinician's clearing ends the hold and
 * keeps the review flags and when it was cleared, because outreach stays suppressed for a cool-down
 * after it (CRISIS-04).
 */
public record CrisisRecord(Optional<Instant> heldSince, Optional<Stage> heldFrom, Set<PhraseFamily> families,
        boolean thirdPersonOnly, boolean emergencyFirst, List<ReviewFlag> reviews, Optional<Instant> clearedAt) {

    /** A record whose hold was never cleared. */
    public CrisisRecord(Optional<Instant> heldSince, Optional<Stage> heldFrom, Set<PhraseFamily> families,
            boolean thirdPersonOnly, boolean emergencyFirst, List<ReviewFlag> reviews) {
        this(heldSince, heldFrom, families, thirdPersonOnly, emergencyFirst, reviews, Optional.empty());
    }

    /** How many review flags a lead keeps, newest last. */
    public static final int MAX_REVIEWS = 20;

    public static final CrisisRecord NONE = new CrisisRecord(Optional.empty(), Optional.empty(), Set.of(), false,
            false, List.of());

    public CrisisRecord {
        Objects.requireNonNull(heldSince, "heldSince");
        Objects.requireNonNull(heldFrom, "heldFrom");
        Objects.requireNonNull(clearedAt, "clearedAt");
        families = families.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(families));
        reviews = List.copyOf(reviews);
        if (heldSince.isPresent() != heldFrom.isPresent()) {
            throw new IllegalArgumentException("a held lead has both the time and the stage it was held from");
        }
    }

    /** A text a person should read, by when and where it came (never what it said). */
    public record ReviewFlag(Instant at, String source, boolean lowPriority, Set<String> reasons) {
        public ReviewFlag {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(source, "source");
            reasons = Set.copyOf(reasons);
        }
    }

    public boolean held() {
        return heldSince.isPresent();
    }

    /** Held (or still held) because of {@code crisis}, found at {@code at} while the lead was at {@code from}. */
    public CrisisRecord hold(Instant at, Stage from, Screening.Crisis crisis) {
        Set<PhraseFamily> found = EnumSet.noneOf(PhraseFamily.class);
        found.addAll(families);
        found.addAll(crisis.families());
        if (held()) {
            return new CrisisRecord(heldSince, heldFrom, found, thirdPersonOnly && crisis.thirdPersonOnly(),
                    emergencyFirst || crisis.callEmergencyFirst(), reviews, clearedAt);
        }
        return new CrisisRecord(Optional.of(at), Optional.of(from), crisis.families(), crisis.thirdPersonOnly(),
                crisis.callEmergencyFirst(), reviews, clearedAt);
    }

    public CrisisRecord flagged(ReviewFlag flag) {
        List<ReviewFlag> kept = new ArrayList<>(reviews);
        kept.add(flag);
        return new CrisisRecord(heldSince, heldFrom, families, thirdPersonOnly, emergencyFirst, newest(kept),
                clearedAt);
    }

    /** The hold is over, cleared by a clinician at {@code at}; the review flags stay. */
    public CrisisRecord cleared(Instant at) {
        return new CrisisRecord(Optional.empty(), Optional.empty(), Set.of(), false, false, reviews, Optional.of(at));
    }

    /** Whether outreach is still suppressed at {@code at}: held, or within {@code coolDown} of the clearance (CRISIS-04). */
    public boolean suppressesOutreach(Instant at, Duration coolDown) {
        return held() || clearedAt.filter(cleared -> at.isBefore(cleared.plus(coolDown))).isPresent();
    }

    /** This record and a merged lead's: held if either was, from the earlier hold. */
    public CrisisRecord mergedWith(CrisisRecord other) {
        if (other.equals(NONE)) {
            return this;
        }
        List<ReviewFlag> kept = new ArrayList<>(reviews);
        kept.addAll(other.reviews);
        kept.sort(Comparator.comparing(ReviewFlag::at));
        Optional<Instant> cleared = later(clearedAt, other.clearedAt);
        if (!other.held()) {
            return new CrisisRecord(heldSince, heldFrom, families, thirdPersonOnly, emergencyFirst, newest(kept),
                    cleared);
        }
        if (!held()) {
            return new CrisisRecord(other.heldSince, other.heldFrom, other.families, other.thirdPersonOnly,
                    other.emergencyFirst, newest(kept), cleared);
        }
        CrisisRecord first = !other.heldSince.get().isBefore(heldSince.get()) ? this : other;
        Set<PhraseFamily> found = EnumSet.noneOf(PhraseFamily.class);
        found.addAll(families);
        found.addAll(other.families);
        return new CrisisRecord(first.heldSince, first.heldFrom, found, thirdPersonOnly && other.thirdPersonOnly,
                emergencyFirst || other.emergencyFirst, newest(kept), cleared);
    }

    private static Optional<Instant> later(Optional<Instant> one, Optional<Instant> other) {
        if (one.isEmpty()) {
            return other;
        }
        return other.filter(time -> time.isAfter(one.get())).or(() -> one);
    }

    private static List<ReviewFlag> newest(List<ReviewFlag> flags) {
        return flags.size() <= MAX_REVIEWS ? flags : flags.subList(flags.size() - MAX_REVIEWS, flags.size());
    }
}
