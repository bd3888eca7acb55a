package io.attune.cli.demo;

import io.attune.core.model.Segment;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one B2B segment's part of the site offers and what its people are called: the pages a
 * reader, an interested visitor and a buyer open; the gated offers that make people identify; the
 * actions that show buying intent, in the order buyers usually take them; and job titles by
 * persona and by buying-committee role.
 *
 * @param committee buying-committee roles (as the segment's model names them) and titles for each;
 *     the first role is the champion, who plays the buyer's journey
 */
record Playbook(
        Segment segment,
        List<String> readingPages,
        List<String> interestPages,
        List<String> intentPages,
        List<Dice.Weighted<Step>> offers,
        List<Step> conversions,
        List<Step> memberActions,
        Map<String, List<String>> committee,
        Titles titles) {

    Playbook {
        Objects.requireNonNull(segment, "segment");
        readingPages = List.copyOf(readingPages);
        interestPages = List.copyOf(interestPages);
        intentPages = List.copyOf(intentPages);
        offers = List.copyOf(offers);
        conversions = List.copyOf(conversions);
        memberActions = List.copyOf(memberActions);
        Objects.requireNonNull(committee, "committee");
        Objects.requireNonNull(titles, "titles");
    }

    /** One thing a person does on one page: a track event with its properties. */
    record Step(String page, String event, Map<String, Object> properties) {
        Step {
            Objects.requireNonNull(page, "page");
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(properties, "properties");
        }

        static Step of(String page, String event, Object... properties) {
            return new Step(page, event, Json.object(properties));
        }
    }

    /**
     * Job titles by persona. {@code strong} titles are the ones the model is written for;
     * {@code other} are the colleagues who also read and download.
     */
    record Titles(List<String> strong, List<String> other, List<String> student, List<String> vendor,
            List<String> competitor, List<String> jobSeeker) {
        Titles {
            strong = List.copyOf(strong);
            other = List.copyOf(other);
            student = List.copyOf(student);
            vendor = List.copyOf(vendor);
            competitor = List.copyOf(competitor);
            jobSeeker = List.copyOf(jobSeeker);
        }
    }
}
