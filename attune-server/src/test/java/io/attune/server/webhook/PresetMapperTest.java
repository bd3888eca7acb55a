package io.attune.server.webhook;

import static io.attune.server.webhook.HandOffs.DESCRIPTIONS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.attune.core.handoff.HandOffType;
import io.attune.core.lifecycle.Stage;
import io.attune.core.model.Segment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PresetMapperTest {
    private static final List<String> CRM_FIELDS = List.of("email", "firstName", "lastName", "title", "company",
            "state", "phone");

    private final PresetFiles files = new PresetFiles();
    private final PresetMapper mapper = new PresetMapper(DESCRIPTIONS);
    private final Preset hubspot = files.named("hubspot-contact");
    private final Preset salesforce = files.named("salesforce-lead");

    /** The preset applied to what a destination listing {@code traits} is released of the hand-off. */
    private ObjectNode apply(Preset preset, HandOff handOff, List<String> traits) {
        return mapper.apply(preset, handOff, HandOffs.released(handOff, traits));
    }

    private ObjectNode hubspot(HandOff handOff) {
        return apply(hubspot, handOff, CRM_FIELDS);
    }

    private ObjectNode salesforce(HandOff handOff) {
        return apply(salesforce, handOff, CRM_FIELDS);
    }

    private static String text(JsonNode properties, String name) {
        return properties.get(name).asText();
    }

    @Test
    void an_mql_becomes_a_hubspot_marketing_qualified_lead_that_sales_has_not_worked() {
        ObjectNode properties = hubspot(HandOffs.mql());

        assertThat(text(properties, "lifecyclestage")).isEqualTo("marketingqualifiedlead");
        assertThat(text(properties, "hs_lead_status")).isEqualTo("NEW");
        assertThat(text(properties, "email")).isEqualTo("dana@example.com");
        assertThat(text(properties, "firstname")).isEqualTo("Dana");
        assertThat(text(properties, "lastname")).isEqualTo("Reyes");
        assertThat(text(properties, "jobtitle")).isEqualTo("VP Benefits");
        assertThat(text(properties, "company")).isEqualTo("Initech");
        assertThat(text(properties, "state")).isEqualTo("CA");
        assertThat(properties.get("attune_score").asDouble()).isEqualTo(110.5);
        assertThat(properties.get("attune_fit_score").asDouble()).isEqualTo(45);
        assertThat(properties.get("attune_engagement_score").asDouble()).isEqualTo(65.5);
        assertThat(text(properties, "attune_model_version")).isEqualTo("employer-starter@3");
        assertThat(text(properties, "attune_qualification_reasons"))
                .isEqualTo("Requested a demo (30); Director, head or VP of benefits (25); pricing_page (14.57)");
    }

    @Test
    void hubspot_lifecycle_stages_follow_the_attune_stage() {
        Map<Stage, String> expected = Map.of(Stage.SQL, "salesqualifiedlead", Stage.OPPORTUNITY, "opportunity",
                Stage.CUSTOMER, "customer");
        Map<Stage, HandOffType> types = Map.of(Stage.SQL, HandOffType.LEAD_SQL, Stage.OPPORTUNITY,
                HandOffType.LEAD_OPPORTUNITY, Stage.CUSTOMER, HandOffType.LEAD_CUSTOMER);
        expected.forEach((stage, value) -> assertThat(text(hubspot(HandOffs.inStage(types.get(stage), stage, 120,
                Segment.EMPLOYER)), "lifecyclestage")).as(stage.wireName()).isEqualTo(value));
        assertThat(text(hubspot(HandOffs.inStage(HandOffType.LEAD_SQL, Stage.SQL, 120, Segment.EMPLOYER)),
                "hs_lead_status")).isEqualTo("CONNECTED");
    }

    @Test
    void recycled_and_disqualified_leads_keep_their_hubspot_lifecycle_stage_and_say_why_in_the_lead_status() {
        ObjectNode recycled = hubspot(HandOffs.inStage(HandOffType.LEAD_RECYCLED, Stage.RECYCLED, 40, Segment.EMPLOYER));
        ObjectNode disqualified = hubspot(HandOffs.inStage(HandOffType.LEAD_DISQUALIFIED, Stage.DISQUALIFIED, 40,
                Segment.EMPLOYER));

        // HubSpot ignores a backward lifecycle stage, so none is sent
        assertThat(recycled.has("lifecyclestage")).isFalse();
        assertThat(text(recycled, "hs_lead_status")).isEqualTo("BAD_TIMING");
        assertThat(disqualified.has("lifecyclestage")).isFalse();
        assertThat(text(disqualified, "hs_lead_status")).isEqualTo("UNQUALIFIED");
    }

    @Test
    void an_mql_becomes_an_open_hot_salesforce_lead_from_the_web() {
        ObjectNode properties = salesforce(HandOffs.mql());

        assertThat(text(properties, "Status")).isEqualTo("Open - Not Contacted");
        assertThat(text(properties, "Rating")).isEqualTo("Hot");
        assertThat(text(properties, "LeadSource")).isEqualTo("Web");
        assertThat(text(properties, "Company")).isEqualTo("Initech");
        assertThat(text(properties, "Title")).isEqualTo("VP Benefits");
        assertThat(text(properties, "LastName")).isEqualTo("Reyes");
        assertThat(properties.get("Attune_Score__c").asDouble()).isEqualTo(110.5);
        assertThat(text(properties, "Attune_Model_Version__c")).isEqualTo("employer-starter@3");
    }

    @Test
    void the_salesforce_rating_follows_the_score_band() {
        assertThat(text(salesforce(HandOffs.inStage(HandOffType.LEAD_MQL, Stage.MQL, 85, Segment.EMPLOYER)), "Rating"))
                .isEqualTo("Hot");
        assertThat(text(salesforce(HandOffs.inStage(HandOffType.LEAD_MQL, Stage.MQL, 84.99, Segment.EMPLOYER)),
                "Rating")).isEqualTo("Warm");
        assertThat(text(salesforce(HandOffs.inStage(HandOffType.LEAD_MQL, Stage.MQL, 50, Segment.EMPLOYER)), "Rating"))
                .isEqualTo("Warm");
        assertThat(text(salesforce(HandOffs.inStage(HandOffType.LEAD_RECYCLED, Stage.RECYCLED, 20, Segment.EMPLOYER)),
                "Rating")).isEqualTo("Cold");
    }

    @Test
    void salesforce_status_follows_the_stage_and_conversion_is_left_to_salesforce() {
        assertThat(text(salesforce(HandOffs.inStage(HandOffType.LEAD_SQL, Stage.SQL, 120, Segment.EMPLOYER)), "Status"))
                .isEqualTo("Working - Contacted");
        assertThat(text(salesforce(HandOffs.inStage(HandOffType.LEAD_RECYCLED, Stage.RECYCLED, 40, Segment.EMPLOYER)),
                "Status")).isEqualTo("Closed - Not Converted");
        assertThat(text(salesforce(HandOffs.inStage(HandOffType.LEAD_DISQUALIFIED, Stage.DISQUALIFIED, 40,
                Segment.EMPLOYER)), "Status")).isEqualTo("Closed - Not Converted");
        assertThat(salesforce(HandOffs.inStage(HandOffType.LEAD_OPPORTUNITY, Stage.OPPORTUNITY, 120, Segment.EMPLOYER))
                .has("Status")).isFalse();
    }

    @Test
    void referral_network_leads_are_partner_referrals_in_salesforce() {
        assertThat(text(salesforce(HandOffs.inStage(HandOffType.LEAD_MQL, Stage.MQL, 100, Segment.REFERRAL)),
                "LeadSource")).isEqualTo("Partner Referral");
    }

    @Test
    void fields_the_destination_may_not_receive_are_left_out_not_blanked() {
        ObjectNode properties = apply(salesforce, HandOffs.mql(), List.of("lastName"));

        assertThat(text(properties, "LastName")).isEqualTo("Reyes");
        assertThat(properties.has("Email")).isFalse();
        assertThat(properties.has("Company")).isFalse();
        assertThat(properties.has("Title")).isFalse();
        assertThat(properties.toString()).doesNotContain("dana@example.com").doesNotContain("anxiety");
    }

    @Test
    void a_company_given_as_text_is_used_when_there_is_no_company_object() {
        var data = HandOffs.data(Stage.MQL, Stage.LEAD, 45, 65.5, Segment.EMPLOYER,
                Map.of("company", "Globex", "lastName", "Reyes"));

        ObjectNode properties = apply(salesforce, HandOffs.handOff(HandOffType.LEAD_MQL, data), CRM_FIELDS);

        assertThat(text(properties, "Company")).isEqualTo("Globex");
    }

    @Test
    void properties_come_out_in_the_order_of_the_preset_file() {
        assertThat(salesforce(HandOffs.mql()).fieldNames()).toIterable().startsWith("FirstName", "LastName", "Email")
                .containsSubsequence("Status", "Rating", "LeadSource");
    }

    @Test
    void a_third_crm_needs_only_a_preset_file_on_the_classpath() {
        Preset pipedrive = files.named("pipedrive-person");

        ObjectNode properties = apply(pipedrive, HandOffs.inStage(HandOffType.LEAD_MQL, Stage.MQL, 90,
                Segment.REFERRAL), CRM_FIELDS);

        assertThat(properties.toString()).isEqualTo("{\"name\":\"Dana\",\"email\":\"dana@example.com\","
                + "\"label\":\"Hot lead\",\"attune_score\":90.0,\"owner_team\":\"partnerships\","
                + "\"source_system\":\"attune\",\"synced\":true,\"priority\":2}");
        assertThat(text(apply(pipedrive, HandOffs.inStage(HandOffType.LEAD_RECYCLED, Stage.RECYCLED, 30,
                Segment.EMPLOYER), CRM_FIELDS), "label")).isEqualTo("Nurture");
    }
}
