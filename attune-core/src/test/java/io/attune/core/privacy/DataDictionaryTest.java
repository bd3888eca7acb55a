package io.attune.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.core.event.Attributes;
import io.attune.core.model.Segment;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataDictionaryTest {
    private final DataDictionary dictionary = DataDictionary.defaults();

    @Test
    void known_identifiers_contact_and_business_fields_have_their_class_whatever_the_segment() {
        for (Segment segment : Segment.values()) {
            assertThat(dictionary.classify("email", segment)).isEqualTo(DataClass.CONTACT);
            assertThat(dictionary.classify("firstName", segment)).isEqualTo(DataClass.CONTACT);
            assertThat(dictionary.classify("anonymousId", segment)).isEqualTo(DataClass.IDENTIFIER);
            assertThat(dictionary.classify("advertisingId", segment)).isEqualTo(DataClass.IDENTIFIER);
            assertThat(dictionary.classify("ip", segment)).isEqualTo(DataClass.IDENTIFIER);
            assertThat(dictionary.classify("title", segment)).isEqualTo(DataClass.BUSINESS_CONTACT);
            assertThat(dictionary.classify("employees", segment)).isEqualTo(DataClass.BUSINESS_CONTACT);
            assertThat(dictionary.classify("state", segment)).isEqualTo(DataClass.LOCATION);
            assertThat(dictionary.classify("library", segment)).isEqualTo(DataClass.TECHNICAL);
            assertThat(dictionary.classify("gclid", segment)).isEqualTo(DataClass.CLICK_ID);
            assertThat(dictionary.classify("religion", segment)).isEqualTo(DataClass.SENSITIVE);
            assertThat(dictionary.classify("sexualOrientation", segment)).isEqualTo(DataClass.SENSITIVE);
            assertThat(dictionary.classify("dateOfBirth", segment)).isEqualTo(DataClass.MINOR);
            assertThat(dictionary.classify("diagnosis", segment)).isEqualTo(DataClass.HEALTH);
            assertThat(dictionary.classify("part2", segment)).isEqualTo(DataClass.SUBSTANCE_USE);
        }
    }

    @Test
    void names_compare_without_case_or_separators_and_dotted_names_by_their_last_part() {
        assertThat(dictionary.classify("first_name", Segment.CONSUMER)).isEqualTo(DataClass.CONTACT);
        assertThat(dictionary.classify("First Name", Segment.EMPLOYER)).isEqualTo(DataClass.CONTACT);
        assertThat(dictionary.classify("$gclid", Segment.EMPLOYER)).isEqualTo(DataClass.CLICK_ID);
        assertThat(dictionary.classify("context.ip", Segment.EMPLOYER)).isEqualTo(DataClass.IDENTIFIER);
        assertThat(dictionary.classify("USER_AGENT", Segment.EMPLOYER)).isEqualTo(DataClass.IDENTIFIER);
    }

    @Test
    void an_unknown_property_of_a_consumer_is_health() {
        assertThat(dictionary.classify("favouriteColour", Segment.CONSUMER)).isEqualTo(DataClass.HEALTH);
        assertThat(dictionary.classify("q7", Segment.CONSUMER)).isEqualTo(DataClass.HEALTH);
    }

    @Test
    void an_unknown_property_of_a_business_lead_is_business_contact_unless_its_name_says_otherwise() {
        assertThat(dictionary.classify("benefitsPlatform", Segment.EMPLOYER)).isEqualTo(DataClass.BUSINESS_CONTACT);
        assertThat(dictionary.classify("anxietyProgramInterest", Segment.EMPLOYER)).isEqualTo(DataClass.HEALTH);
        assertThat(dictionary.classify("detoxBeds", Segment.COMMUNITY)).isEqualTo(DataClass.SUBSTANCE_USE);
        assertThat(dictionary.classify("personalEmail", Segment.PAYER)).isEqualTo(DataClass.CONTACT);
        assertThat(dictionary.classify("hubspotContactId", Segment.PAYER)).isEqualTo(DataClass.IDENTIFIER);
        assertThat(dictionary.classify("paid", Segment.PAYER)).isEqualTo(DataClass.BUSINESS_CONTACT);
    }

    @Test
    void a_health_value_that_names_a_substance_is_substance_use() {
        assertThat(dictionary.classify("diagnosis", "alcohol use disorder", Segment.CONSUMER))
                .isEqualTo(DataClass.SUBSTANCE_USE);
        assertThat(dictionary.classify("q7", "opioids, mostly", Segment.CONSUMER)).isEqualTo(DataClass.SUBSTANCE_USE);
        assertThat(dictionary.classify("diagnosis", "generalised anxiety", Segment.CONSUMER))
                .isEqualTo(DataClass.HEALTH);
        assertThat(dictionary.classify("title", "Addiction Counselor", Segment.REFERRAL))
                .isEqualTo(DataClass.BUSINESS_CONTACT);
    }

    @Test
    void a_workspace_entry_wins_over_the_default() {
        DataDictionary own = dictionary.with(Map.of("plan_tier", DataClass.BUSINESS_CONTACT, "title", DataClass.PAGE));

        assertThat(own.classify("planTier", Segment.CONSUMER)).isEqualTo(DataClass.BUSINESS_CONTACT);
        assertThat(own.classify("title", Segment.EMPLOYER)).isEqualTo(DataClass.PAGE);
        assertThat(dictionary.classify("planTier", Segment.CONSUMER)).isEqualTo(DataClass.HEALTH);
    }

    @Test
    void user_ids_are_the_identifiers_a_pseudonym_may_replace() {
        assertThat(dictionary.isUserId("userId")).isTrue();
        assertThat(dictionary.isUserId("anonymous_id")).isTrue();
        assertThat(dictionary.isUserId("ip")).isFalse();
        assertThat(dictionary.withUserIds(java.util.List.of("memberNumber")).isUserId("member_number")).isTrue();
    }

    @Test
    void a_consumer_reveals_substance_use_by_any_set_substance_use_trait_a_business_lead_only_by_its_part2_flag() {
        Attributes consumer = Attributes.of(Map.of("email", "a@example.org", "q3", "fentanyl"));
        Attributes flagged = Attributes.of(Map.of("part2Flag", true));
        Attributes unset = Attributes.of(Map.of("part2", false, "substanceUse", ""));
        Attributes centre = Attributes.of(Map.of("detoxBeds", 12));

        assertThat(dictionary.revealsSubstanceUse(consumer, Segment.CONSUMER)).isTrue();
        assertThat(dictionary.revealsSubstanceUse(flagged, Segment.REFERRAL)).isTrue();
        assertThat(dictionary.revealsSubstanceUse(unset, Segment.CONSUMER)).isFalse();
        assertThat(dictionary.revealsSubstanceUse(centre, Segment.COMMUNITY)).isFalse();
    }
}
