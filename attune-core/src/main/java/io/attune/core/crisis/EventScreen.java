package io.attune.core.crisis;

import io.attune.core.event.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Screens the free text of one event ({@link FreeText}) with a {@link CrisisDetector}: crisis if any
 * value is, otherwise review if any value is, otherwise the substance-use cues found, otherwise
 * nothing. The matches of all values are kept together (their spans refer to the value each was
 * found in). The text itself is never kept beyond the call.
 */
public final class EventScreen {
    private static final EventScreen STANDARD = new EventScreen(CrisisDetector.standard());

    private final CrisisDetector detector;

    public EventScreen(CrisisDetector detector) {
        this.detector = Objects.requireNonNull(detector, "detector");
    }

    /** A screen with the standard phrase book. */
    public static EventScreen standard() {
        return STANDARD;
    }

    public Screening screen(Event event) {
        List<String> texts = FreeText.of(event);
        if (texts.isEmpty()) {
            return Screening.NONE;
        }
        List<PhraseMatch> crisis = new ArrayList<>();
        List<ReviewMatch> review = new ArrayList<>();
        List<PhraseMatch> cues = new ArrayList<>();
        for (String text : texts) {
            Screening screening = detector.screen(text);
            if (screening instanceof Screening.Crisis found) {
                crisis.addAll(found.matches());
                cues.addAll(found.substanceUseCues());
            } else if (screening instanceof Screening.Review found) {
                review.addAll(found.matches());
                cues.addAll(found.substanceUseCues());
            } else if (screening instanceof Screening.SubstanceUseCue found) {
                cues.addAll(found.cues());
            }
        }
        if (!crisis.isEmpty()) {
            return new Screening.Crisis(crisis, cues);
        }
        if (!review.isEmpty()) {
            return new Screening.Review(review, cues);
        }
        return cues.isEmpty() ? Screening.NONE : new Screening.SubstanceUseCue(cues);
    }
}
