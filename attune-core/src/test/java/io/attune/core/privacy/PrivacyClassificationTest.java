package io.attune.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.core.model.Segment;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrivacyClassificationTest {
    private static final KeyedHash KEY = KeyedHash.of("workspace-secret-0123456789");

    private static PrivacyClassification dictionary(DictionaryEntry... entries) {
        return new PrivacyClassification(List.of(), List.of(), List.of(entries), List.of(), List.of(), List.of());
    }

    private static PrivacyClassification pages(WorkspacePageRule... rules) {
        return new PrivacyClassification(List.of(), List.of(), List.of(), List.of(), List.of(rules), List.of());
    }

    private static List<String> fields(PrivacyClassification classification) {
        return classification.problems().stream().map(ClassificationProblem::field).toList();
    }

    @Test
    void a_program_name_as_a_substance_use_term_makes_what_names_it_substance_use() {
        PrivacyClassification classification = new PrivacyClassification(List.of("Lakeside Bridge"),
                List.of("New Dawn"), List.of(), List.of(), List.of(), List.of());
        assertThat(classification.problems()).isEmpty();
        PrivacyRules rules = classification.rules(KEY);

        assertThat(rules.terms().classify("Signed up for the New Dawn evening group"))
                .isEqualTo(TermClass.SUBSTANCE_USE);
        assertThat(rules.terms().classify("Lakeside Bridge open day")).isEqualTo(TermClass.HEALTH);
        assertThat(rules.dictionary().classify("lastConversion", "New Dawn brochure", Segment.EMPLOYER))
                .as("a business lead's unknown property is business contact, but the term still tells")
                .isEqualTo(DataClass.BUSINESS_CONTACT);
        assertThat(rules.dictionary().mentions("lastConversion", "New Dawn brochure"))
                .isEqualTo(TermClass.SUBSTANCE_USE);
        assertThat(PrivacyClassification.NONE.rules(KEY).dictionary().mentions("lastConversion",
                "New Dawn brochure")).as("the defaults know no such program").isEqualTo(TermClass.NONE);
        assertThat(rules.pages().classify("/programs/new-dawn")).isEqualTo(PageClass.HEALTH_EDUCATIONAL);
    }

    @Test
    void a_page_rule_is_tried_before_the_defaults_and_a_stricter_one_needs_no_acknowledgement() {
        PrivacyClassification classification = pages(new WorkspacePageRule(
                PageRule.parse("prefix:/open-house", PageClass.HEALTH_INTENT), false));

        assertThat(classification.problems()).isEmpty();
        assertThat(classification.weakenings()).isEmpty();
        assertThat(classification.rules(KEY).pages().classify("https://www.example.org/open-house/june"))
                .isEqualTo(PageClass.HEALTH_INTENT);
        assertThat(PrivacyClassification.NONE.rules(KEY).pages().classify("https://www.example.org/open-house/june"))
                .isEqualTo(PageClass.NON_HEALTH);
    }

    @Test
    void a_page_rule_that_opens_pages_to_tracking_needs_an_acknowledgement() {
        PageRule locations = PageRule.parse("prefix:/locations", PageClass.NON_HEALTH);

        assertThat(fields(pages(new WorkspacePageRule(locations, false))))
                .containsExactly("pageRules[0].acknowledgeWeakening");
        PrivacyClassification acknowledged = pages(new WorkspacePageRule(locations, true));
        assertThat(acknowledged.problems()).isEmpty();
        assertThat(acknowledged.weakenings()).containsExactly(new ClassificationWeakening("pageRules[0]",
                "prefix:/locations", "non_health", "non_health"));
        assertThat(acknowledged.rules(KEY).pages().classify("/locations/book-an-appointment"))
                .as("acknowledged, the rule shadows the booking default under it")
                .isEqualTo(PageClass.NON_HEALTH);
    }

    /** Moving a property into health, substance use or sensitive protects more; anything else that changes a default protects less. */
    @ParameterizedTest(name = "{0} as {1}: weakens {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # an unknown consumer property is health, so calling it anything but health or substance use weakens it
            programInterest | SUBSTANCE_USE | false
            planTier        | TECHNICAL     | true
            planTier        | HEALTH        | false
            # health to substance use is stricter, the way back is not
            intakeAnswers   | SUBSTANCE_USE | false
            intakeAnswers   | TECHNICAL     | true
            detox           | HEALTH        | true
            # minors and sensitive attributes keep their own protection
            age             | HEALTH        | true
            age             | SENSITIVE     | true
            religion        | SUBSTANCE_USE | true
            # a sensitive attribute is removed everywhere, so making a property one protects more
            planTier        | SENSITIVE     | false
            intakeAnswers   | SENSITIVE     | false
            detox           | SENSITIVE     | true
            # identifiers and contact details may become health, not technical
            ip              | HEALTH        | false
            email           | TECHNICAL     | true
            # a business or technical default changed to something else
            title           | TECHNICAL     | true
            browser         | HEALTH        | false
            # the default class itself
            zip             | LOCATION      | false
            """)
    void a_dictionary_entry_weakens_only_when_it_protects_less_than_the_default(String property, DataClass dataClass,
            boolean weakens) {
        PrivacyClassification unacknowledged = dictionary(new DictionaryEntry(property, dataClass, false));
        assertThat(unacknowledged.weakenings()).hasSize(weakens ? 1 : 0);
        assertThat(fields(unacknowledged)).isEqualTo(weakens ? List.of("dictionary[0].acknowledgeWeakening")
                : List.of());
        PrivacyClassification acknowledged = dictionary(new DictionaryEntry(property, dataClass, true));
        assertThat(acknowledged.problems()).isEmpty();
        assertThat(acknowledged.rules(KEY).dictionary().classify(property, Segment.CONSUMER)).isEqualTo(dataClass);
    }

    @Test
    void a_weakening_is_described_by_what_it_names_and_the_two_classes() {
        PrivacyClassification classification = dictionary(new DictionaryEntry("browser", DataClass.HEALTH, false),
                new DictionaryEntry("intakeAnswers", DataClass.TECHNICAL, true));

        assertThat(classification.weakenings()).containsExactly(new ClassificationWeakening("dictionary[1]",
                "intakeAnswers", "health", "technical"));
    }

    @Test
    void a_user_id_leaves_as_a_pseudonym_only_when_the_defaults_call_it_an_identifier() {
        PrivacyClassification accepted = new PrivacyClassification(List.of(), List.of(), List.of(),
                List.of("crmContactId"), List.of(), List.of());
        assertThat(accepted.problems()).isEmpty();
        assertThat(accepted.dataDictionary().isUserId("crm_contact_id")).isTrue();
        assertThat(PrivacyClassification.NONE.dataDictionary().isUserId("crmContactId")).isFalse();

        PrivacyClassification refused = new PrivacyClassification(List.of(), List.of(), List.of(),
                List.of("memberId"), List.of(), List.of());
        assertThat(refused.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("userIds[0]");
            assertThat(problem.reason()).contains("health by default");
        });
    }

    @Test
    void duplicates_are_named_at_their_second_appearance() {
        PrivacyClassification classification = new PrivacyClassification(List.of("New Dawn"), List.of("new-dawn"),
                List.of(new DictionaryEntry("first_name", DataClass.CONTACT, false),
                        new DictionaryEntry("firstName", DataClass.CONTACT, false)),
                List.of("first name"),
                List.of(new WorkspacePageRule(PageRule.parse("prefix:/open-house", PageClass.HEALTH_INTENT), false),
                        new WorkspacePageRule(PageRule.parse("prefix:/Open-House", PageClass.AUTHENTICATED), false)),
                List.of(new ContentGroupRule("/locations", "locations"), new ContentGroupRule("/locations/", "sites")));

        assertThat(fields(classification)).containsExactlyInAnyOrder("substanceUseTerms[0]",
                "dictionary[1].property", "userIds[0]", "pageRules[1].rule", "contentGroups[1].pathPrefix");
    }

    @Test
    void blank_and_oversized_parts_are_each_named() {
        PrivacyClassification classification = new PrivacyClassification(List.of(" - "),
                Collections.nCopies(PrivacyClassification.MAX_TERMS + 1, "x"),
                List.of(new DictionaryEntry("--", DataClass.HEALTH, false),
                        new DictionaryEntry("p".repeat(PrivacyClassification.MAX_PROPERTY_LENGTH + 1), DataClass.HEALTH,
                                false)),
                List.of(), List.of(), List.of());

        assertThat(fields(classification)).containsExactlyInAnyOrder("healthTerms[0]", "substanceUseTerms",
                "dictionary[0].property", "dictionary[1].property");
    }
}
