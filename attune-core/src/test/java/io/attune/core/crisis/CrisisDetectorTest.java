package io.attune.core.crisis;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.core.crisis.ReviewMatch.Reason;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CrisisDetectorTest {
    private final CrisisDetector detector = CrisisDetector.standard();

    @ParameterizedTest
    @ValueSource(strings = {"I want to kill myself", "i just want to die", "I'm going to end it all tonight",
            "I don't want to wake up tomorrow", "I wish I was dead", "I've been having suicidal thoughts",
            "I've decided to take my own life", "kms", "i wanna unalive myself", "me quiero matar"})
    void direct_ideation_is_crisis(String text) {
        assertThat(crisis(text).families()).contains(PhraseFamily.IDEATION);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Everyone would be better off without me", "I have nothing to live for",
            "I can't go on like this", "I can't take it anymore", "there's no way out", "I'm a burden to everyone",
            "I don't want to be here anymore", "things will be better when I'm gone"})
    void hopelessness_is_crisis(String text) {
        assertThat(crisis(text).families()).contains(PhraseFamily.HOPELESSNESS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"I have a plan and I have the pills", "I've been stockpiling my pills", "I bought a gun",
            "This is my last message", "I'm giving away my things", "I'm putting my affairs in order",
            "I wrote a note for my kids", "I'm going to overdose tonight"})
    void plans_and_means_are_crisis(String text) {
        assertThat(crisis(text).families()).contains(PhraseFamily.PLAN_OR_MEANS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"I've been cutting myself again", "I want to hurt myself", "I burn myself when it's bad",
            "I keep self-harming", "I deserve to be hurt"})
    void self_harm_is_crisis(String text) {
        assertThat(crisis(text).families()).contains(PhraseFamily.SELF_HARM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"my son is overdosing", "he's not breathing", "I can't wake him up", "she's turning blue",
            "she took a bunch of pills", "I took too much", "he's having a seizure, he stopped drinking yesterday",
            "my friend is OD'ing"})
    void medical_emergencies_are_crisis_and_route_to_911_first(String text) {
        Screening.Crisis crisis = crisis(text);

        assertThat(crisis.families()).contains(PhraseFamily.MEDICAL_EMERGENCY);
        assertThat(crisis.callEmergencyFirst()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Someone is hurting me", "I'm not safe at home", "he said he's going to kill me",
            "my boyfriend hits me", "I don't feel safe in my house"})
    void safety_and_abuse_are_crisis(String text) {
        assertThat(crisis(text).families()).contains(PhraseFamily.SAFETY);
    }

    @Test
    void whose_crisis_it_is_is_read_within_its_sentence() {
        Screening screening = detector.screen("Looking for IOP for my daughter. gonna OD tonight.");

        assertThat(screening).isInstanceOf(Screening.Crisis.class);
        assertThat(((Screening.Crisis) screening).thirdPersonOnly()).isFalse();
    }

    @Test
    void only_medical_emergencies_route_to_911_first() {
        assertThat(crisis("I want to die").callEmergencyFirst()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"My son says he wants to die", "she took a bunch of pills", "can't wake him up",
            "my daughter told me she's going to kill herself", "my stepdad is hurting my little sister"})
    void reports_about_someone_else_are_crisis_in_the_third_person(String text) {
        Screening.Crisis crisis = crisis(text);

        assertThat(crisis.thirdPersonOnly()).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"I want to die", "I took too many pills", "my husband is hurting me",
            "I told my therapist I want to kill myself"})
    void the_writers_own_crisis_is_first_person(String text) {
        assertThat(crisis(text).matches()).allMatch(match -> !match.thirdPerson());
    }

    @ParameterizedTest
    @ValueSource(strings = {"I'm dying to try the app", "your team is killing it", "this commute is killing me",
            "I'd kill for a Saturday slot", "that cake was to die for", "I almost died laughing",
            "I'd die of embarrassment", "I nearly killed myself laughing"})
    void idioms_go_to_low_priority_review_not_crisis(String text) {
        Screening screening = detector.screen(text);

        assertThat(screening).as(text).isInstanceOf(Screening.Review.class);
        assertThat(((Screening.Review) screening).lowPriority()).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"I don't want to die", "I'm not suicidal", "I would never hurt myself",
            "I'm not going to kill myself", "Denies suicidal ideation and self-harm"})
    void negations_go_to_review_never_dismissed(String text) {
        assertThat(review(text).matches()).extracting(ReviewMatch::reason).contains(Reason.NEGATED);
    }

    @Test
    void a_clinical_denial_of_si_goes_to_review() {
        assertThat(review("Pt denies SI/HI").matches()).extracting(ReviewMatch::family)
                .containsExactly(Optional.of(PhraseFamily.IDEATION));
    }

    @ParameterizedTest
    @ValueSource(strings = {"history of suicide attempt in 2015, stable now", "I used to cut myself as a teenager",
            "I had suicidal thoughts years ago"})
    void past_or_clinical_mentions_go_to_review(String text) {
        assertThat(review(text).matches()).extracting(ReviewMatch::reason).contains(Reason.PAST);
    }

    @Test
    void a_recent_event_is_not_the_past() {
        crisis("my daughter attempted suicide yesterday");
        crisis("I used to cut, and I started cutting again last night");
    }

    @Test
    void a_negation_does_not_reach_past_the_subject_it_belongs_to() {
        crisis("I don't know why I want to die");
        crisis("I can't stop thinking about killing myself");
    }

    @ParameterizedTest
    @ValueSource(strings = {"I've been drinking more to cope", "I can't stop using", "my son uses alone",
            "I relapsed last weekend"})
    void substance_use_cues_alone_ask_for_clinical_follow_up(String text) {
        assertThat(detector.screen(text)).as(text).isInstanceOf(Screening.SubstanceUseCue.class);
    }

    @Test
    void a_substance_use_cue_next_to_ideation_is_a_crisis() {
        Screening.Crisis crisis = crisis("I can't stop using and I want to die");

        assertThat(crisis.substanceUseCues()).extracting(PhraseMatch::phrase).containsExactly("cant-stop");
    }

    @Test
    void a_substance_use_cue_escalates_a_negated_ideation_phrase_to_crisis() {
        assertThat(detector.screen("I don't want to die")).isInstanceOf(Screening.Review.class);

        crisis("I relapsed and I don't want to die but I can't stop");
    }

    @Test
    void a_substance_use_cue_does_not_escalate_an_idiom() {
        assertThat(detector.screen("I relapsed and this commute is killing me")).isInstanceOf(Screening.Review.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"I've been feeling anxious at work and want to talk to someone",
            "my insurance is Aetna, do you take it", "looking for IOP for my daughter",
            "I have a plan with Blue Cross through my employer", "Looking for suicide prevention training for managers",
            "I want to cut back on drinking", "I'm ready to take my life back from addiction", "my phone died",
            "I took too much time off work", "I'm going to end it with my boyfriend"})
    void ordinary_intake_text_is_none(String text) {
        assertThat(detector.screen(text)).as(text).isEqualTo(Screening.NONE);
    }

    @Test
    void spellings_contractions_and_texting_read_the_same() {
        for (String text : List.of("I DONT WANT TO LIVE ANYMORE", "i dont want to live anymore",
                "I don\u2019t want to live any more", "i do not want 2 live anymore", "I cant go on", "i cannot go on",
                "Ive been suicidle", "thinkin bout killin myself", "i wnat to die", "kill my self")) {
            crisis(text);
        }
    }

    @Test
    void spans_point_at_the_matched_words_of_the_original_text() {
        String text = "Hi. My son SAYS he wants to die, please call.";

        PhraseMatch match = crisis(text).matches().get(0);

        assertThat(match.span().in(text)).isEqualTo("wants to die");
        assertThat(match.phrase()).isEqualTo("want-die");
    }

    @Test
    void a_match_never_runs_across_a_sentence_end() {
        assertThat(detector.screen("I want to. Die Hard is my favourite film")).isEqualTo(Screening.NONE);
    }

    @Test
    void empty_and_punctuation_only_text_is_none() {
        assertThat(detector.screen("")).isEqualTo(Screening.NONE);
        assertThat(detector.screen(" ?!... \n")).isEqualTo(Screening.NONE);
    }

    private Screening.Crisis crisis(String text) {
        Screening screening = detector.screen(text);
        assertThat(screening).as(text).isInstanceOf(Screening.Crisis.class);
        return (Screening.Crisis) screening;
    }

    private Screening.Review review(String text) {
        Screening screening = detector.screen(text);
        assertThat(screening).as(text).isInstanceOf(Screening.Review.class);
        return (Screening.Review) screening;
    }
}
