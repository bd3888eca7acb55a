package io.attune.core.consent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class OptOutRequestsTest {

    @ParameterizedTest
    @ValueSource(strings = {"STOP", "stop", "Stop.", "STOP!!!", " stop ", "STOP ALL", "stopall", "Quit", "END",
            "revoke", "Opt out", "OPT-OUT", "optout", "cancel", "CANCEL ALL", "Unsubscribe", "UNSUB", "remove",
            "Remove me", "pls stop", "Stop please", "STOP 🛑", "ok stop", "thanks, unsubscribe", "stop stop stop",
            "Stop, thank you"})
    void a_keyword_reply_revokes(String message) {
        assertThat(OptOutRequests.inText(message)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Please stop texting me", "stop messaging this number", "Can you stop calling me??",
            "don't text me anymore", "Do not call me again", "DONT TEXT ME", "never contact me again",
            "No more texts please", "no more calls", "Please remove me from your list", "take me off this list",
            "unsubscribe me", "opt me out", "I want to unsubscribe", "I'd like to opt out", "wrong number",
            "Sorry, wrong number. I don't know who this is", "please delete my number",
            "Don’t text me"})
    void a_clear_request_revokes(String message) {
        assertThat(OptOutRequests.inText(message)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"I can't stop crying", "I cant stop thinking about it", "I can't stop texting him",
            "Don't stop texting me, these reminders help", "When does the session end?", "the end",
            "Cancel my Tuesday appointment please", "Can I stop by tomorrow?", "I need to quit drinking",
            "I want to end my life", "yes", "Thanks!", "how do I unsubscribe from the newsletter but keep texts?",
            "Is this the right number?", "", "   ", "stop sign outside the clinic", "me"})
    void ordinary_messages_revoke_nothing(String message) {
        assertThat(OptOutRequests.inText(message)).isFalse();
    }

    @Test
    void an_email_reply_is_judged_on_its_subject_and_on_what_was_written_above_the_quote() {
        String quotedFooter = "Sounds good, see you Thursday.\n\nOn Mon, Jan 5, 2026 at 9:00 AM Northside <hello@northside"
                + ".example> wrote:\n> Your appointment reminder.\n> Unsubscribe | Manage preferences\n";
        assertThat(OptOutRequests.inEmail("Re: Your appointment", quotedFooter))
                .as("the quoted footer's unsubscribe link is not the person's").isFalse();
        assertThat(OptOutRequests.inEmail("Re: Newsletter", "Unsubscribe\n\n> Unsubscribe | Manage preferences"))
                .isTrue();
        assertThat(OptOutRequests.inEmail("unsubscribe", "")).isTrue();
        assertThat(OptOutRequests.inEmail("RE: Fwd: STOP", null)).isTrue();
        assertThat(OptOutRequests.inEmail("Re: how to stop worrying", "Loved this article."))
                .as("a keyword in a subject line is not a keyword reply").isFalse();
        assertThat(OptOutRequests.inEmail(null, "Please take me off your mailing list.\n-----Original Message-----\n"
                + "From: Northside")).isTrue();
    }
}
