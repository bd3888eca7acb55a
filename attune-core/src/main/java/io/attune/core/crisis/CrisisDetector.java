package io.attune.core.crisis;

import io.attune.core.crisis.PhrasePattern.Hit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Screens free text (form fields, chat, SMS and email replies, notes) for crisis language
 * (CRISIS-01) with a {@link PhraseBook}.
 *
 * <p>The rules, in order. A topic phrase ("suicide prevention training") removes what it overlaps.
 * A review phrase inside an idiom ("kill me" in "this commute is killing me") is read as the
 * idiom. A crisis phrase that an idiom carries on from ("I want to die of embarrassment") goes to
 * review as an idiom, but not one the idiom merely ends with ("he said he's going to kill me"). A
 * negated crisis phrase ("I don't want to die") or one told in the past ("attempted suicide in
 * 2015") goes to review; the rest are crisis. A substance-use cue next to a non-idiom review phrase
 * of ideation, hopelessness, plan or self-harm escalates that phrase to crisis ("I relapsed and I
 * don't want to die but I can't stop"). Crisis wins over review, review over a cue.
 *
 * <p>Matching is deliberately high-recall and still misses phrasings its book does not cover: on
 * text written after the book was frozen it found about four in five crisis texts (see the
 * labelled-set tests). A miss is silent, so every inbound text should also reach a person in the
 * normal course of intake; this detector only makes the crisis ones reach them first.
 */
public final class CrisisDetector {
    private static final Set<PhraseFamily> IDEATION_LANGUAGE = EnumSet.of(
            PhraseFamily.IDEATION, PhraseFamily.HOPELESSNESS, PhraseFamily.PLAN_OR_MEANS, PhraseFamily.SELF_HARM);
    private static final Comparator<Span> BY_POSITION =
            Comparator.comparingInt(Span::start).thenComparingInt(Span::end);

    private final PhraseBook book;

    public CrisisDetector(PhraseBook book) {
        this.book = Objects.requireNonNull(book, "book");
    }

    /** A detector with {@link PhraseBook#standard()}. */
    public static CrisisDetector standard() {
        return new CrisisDetector(PhraseBook.standard());
    }

    public Screening screen(String text) {
        Objects.requireNonNull(text, "text");
        Text words = book.read(text);
        BitSet[] starts = book.openings().startsIn(words);
        List<Found> found = new ArrayList<>();
        for (int i = 0; i < starts.length; i++) {
            if (starts[i].isEmpty()) {
                continue;
            }
            Entry entry = book.entries().get(i);
            for (Hit hit : entry.pattern().findAll(words, starts[i])) {
                found.add(new Found(entry, hit, words.span(hit.from(), hit.to())));
            }
        }
        List<Span> topics = spansOf(found, Entry.Kind.TOPIC);
        List<Span> idioms = spansOf(found, Entry.Kind.IDIOM);
        List<PhraseMatch> crisis = new ArrayList<>();
        List<PhraseMatch> cues = new ArrayList<>();
        List<ReviewMatch> review = new ArrayList<>();
        for (Found f : found) {
            Entry entry = f.entry();
            if (entry.kind() == Entry.Kind.TOPIC || topics.stream().anyMatch(f.span()::overlaps)) {
                continue;
            }
            boolean third = book.reading().thirdPerson(words, f.hit());
            Optional<ReviewMatch.Reason> demoted = demotion(f, idioms, words, third);
            if (entry.kind() == Entry.Kind.CUE) {
                if (demoted.isEmpty()) {
                    cues.add(new PhraseMatch(entry.key(), PhraseFamily.SUBSTANCE_USE, f.span(), third));
                }
            } else if (demoted.isPresent()) {
                review.add(new ReviewMatch(entry.key(), demoted.get(), entry.family(), f.span(), third));
            } else {
                crisis.add(new PhraseMatch(entry.key(), entry.family().orElseThrow(), f.span(), third));
            }
        }
        if (!cues.isEmpty()) {
            escalate(review, crisis);
        }
        return screening(crisis, review, cues);
    }

    /** Why a match goes to review rather than counting as found; empty when it counts. */
    private Optional<ReviewMatch.Reason> demotion(Found f, List<Span> idioms, Text words, boolean third) {
        Entry entry = f.entry();
        Reading reading = book.reading();
        if (entry.kind() == Entry.Kind.IDIOM) {
            return Optional.of(ReviewMatch.Reason.IDIOM);
        }
        if (entry.kind() == Entry.Kind.REVIEW) {
            boolean insideIdiom = idioms.stream().anyMatch(f.span()::overlaps);
            return Optional.of(insideIdiom ? ReviewMatch.Reason.IDIOM : ReviewMatch.Reason.AMBIGUOUS);
        }
        if (idioms.stream().anyMatch(idiom -> idiom.overlaps(f.span()) && idiom.end() > f.span().end())) {
            return Optional.of(ReviewMatch.Reason.IDIOM);
        }
        if (reading.negated(words, f.hit())) {
            return Optional.of(ReviewMatch.Reason.NEGATED);
        }
        if (reading.past(words, f.hit().from(), f.hit().to())) {
            return Optional.of(ReviewMatch.Reason.PAST);
        }
        if (entry.firstPersonOnly() && third) {
            return Optional.of(ReviewMatch.Reason.AMBIGUOUS);
        }
        return Optional.empty();
    }

    private static Screening screening(List<PhraseMatch> crisis, List<ReviewMatch> review, List<PhraseMatch> cues) {
        crisis.sort(Comparator.comparing(PhraseMatch::span, BY_POSITION));
        cues.sort(Comparator.comparing(PhraseMatch::span, BY_POSITION));
        review.sort(Comparator.comparing(ReviewMatch::span, BY_POSITION));
        if (!crisis.isEmpty()) {
            return new Screening.Crisis(crisis, cues);
        }
        if (!review.isEmpty()) {
            return new Screening.Review(review, cues);
        }
        return cues.isEmpty() ? Screening.NONE : new Screening.SubstanceUseCue(cues);
    }

    /** CRISIS-01: substance-use escalation next to ideation language is a crisis, even negated. */
    private static void escalate(List<ReviewMatch> review, List<PhraseMatch> crisis) {
        for (Iterator<ReviewMatch> it = review.iterator(); it.hasNext(); ) {
            ReviewMatch match = it.next();
            boolean ideation = match.family().filter(IDEATION_LANGUAGE::contains).isPresent();
            if (ideation && match.reason() != ReviewMatch.Reason.IDIOM) {
                crisis.add(new PhraseMatch(match.phrase(), match.family().get(), match.span(), match.thirdPerson()));
                it.remove();
            }
        }
    }

    private static List<Span> spansOf(List<Found> found, Entry.Kind kind) {
        return found.stream().filter(f -> f.entry().kind() == kind).map(Found::span).toList();
    }

    private record Found(Entry entry, Hit hit, Span span) {
    }
}
