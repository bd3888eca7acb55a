package io.attune.core.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.attune.core.egress.DestinationKind;
import io.attune.core.handoff.MessageTemplate;
import io.attune.core.privacy.HealthTerms;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** USE-08 (FTC Cerebral, §15 #2): nothing shown before a message is opened names care. */
class TemplateChecksTest {
    private final TemplateChecks checks = new TemplateChecks(HealthTerms.defaults());

    private static MessageTemplate template(String sender, String subject, String body) {
        return new MessageTemplate(Optional.ofNullable(sender), Optional.ofNullable(subject), Optional.ofNullable(body));
    }

    private List<String> fields(DestinationKind kind, MessageTemplate template) {
        return checks.check(kind, template).stream().map(TemplateChecks.Problem::field).toList();
    }

    @Test
    void an_email_subject_or_sender_that_names_a_condition_is_refused_but_its_body_may_speak_of_care() {
        assertThat(fields(DestinationKind.EMAIL, template("Lakeside ADHD Clinic", "Your ADHD treatment plan",
                "We look forward to seeing you for your ADHD assessment."))).containsExactly("sender", "subject");
        assertThat(fields(DestinationKind.EMAIL, template("Lakeside", "A note from Lakeside",
                "We look forward to seeing you for your ADHD assessment."))).isEmpty();
    }

    @Test
    void a_text_names_its_sender_says_how_to_stop_and_never_names_care() {
        assertThat(checks.check(DestinationKind.SMS, template(null, null, "Time to book your detox intake")))
                .extracting(TemplateChecks.Problem::field, TemplateChecks.Problem::rule)
                .containsExactlyInAnyOrder(tuple("body", "USE-08"),
                        tuple("sender", "USE-08"),
                        tuple("body", "USE-08"));
        assertThat(fields(DestinationKind.SMS, template("Lakeside", null,
                "Lakeside: we have a time for you tomorrow. Reply STOP to opt out."))).isEmpty();
        assertThat(fields(DestinationKind.SMS, template("Lakeside", "Hello", "Lakeside here. Reply STOP to stop.")))
                .containsExactly("subject");
    }

    @Test
    void only_destinations_that_deliver_a_message_take_a_template() {
        assertThat(fields(DestinationKind.CRM, template("Lakeside", null, "hello"))).containsExactly("template");
        assertThat(fields(DestinationKind.CRM, MessageTemplate.NONE)).isEmpty();
    }
}
