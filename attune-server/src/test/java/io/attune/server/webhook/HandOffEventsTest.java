package io.attune.server.webhook;

import static io.attune.server.webhook.HandOffs.AT;
import static io.attune.server.webhook.HandOffs.DESCRIPTIONS;
import static io.attune.server.webhook.HandOffs.LEAD;
import static io.attune.server.webhook.HandOffs.released;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.core.egress.HandOffPayloads;
import io.attune.core.event.Attributes;
import io.attune.core.handoff.DestinationId;
import io.attune.core.handoff.HandOffData;
import io.attune.core.handoff.HandOffType;
import io.attune.core.handoff.MessageTemplate;
import io.attune.core.handoff.OutboundMessage;
import io.attune.core.lifecycle.Stage;
import io.attune.core.model.Segment;
import io.attune.core.workspace.WorkspaceId;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HandOffEventsTest {
    private final HandOffEvents events = new HandOffEvents(DESCRIPTIONS);
    private final ObjectMapper json = new ObjectMapper();
    private final List<String> crmFields = List.of("email", "firstName", "lastName", "title", "company");

    private JsonNode parse(byte[] body) throws Exception {
        return json.readTree(body);
    }

    @Test
    void the_body_is_structured_cloudevents_json() {
        assertThat(HandOffEvents.CONTENT_TYPE).isEqualTo("application/cloudevents+json");
    }

    @Test
    void the_body_reads_back_with_the_cloudevents_json_format_to_the_same_attributes() throws Exception {
        byte[] body = events.body(HandOffs.mql(), released(HandOffs.mql(), crmFields));

        EventFormat format = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);
        CloudEvent event = format.deserialize(body);

        assertThat(event.getSpecVersion()).isEqualTo(SpecVersion.V1);
        assertThat(event.getId()).isEqualTo("msg_0f1e2d3c4b5a69788796a5b4c3d2e1f0");
        assertThat(event.getSource()).isEqualTo(URI.create("urn:attune:workspace:acme-health"));
        assertThat(event.getType()).isEqualTo("lead.mql");
        assertThat(event.getSubject()).isEqualTo(LEAD);
        assertThat(event.getTime()).isEqualTo(OffsetDateTime.ofInstant(AT, ZoneOffset.UTC));
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        assertThat(event.getExtensionNames()).isEmpty();
        // the format reads data back as bytes; the JSON in them is the data that was built
        assertThat(json.readTree(event.getData().toBytes()))
                .isEqualTo(json.readTree(events.event(HandOffs.mql(), released(HandOffs.mql(), crmFields)).getData().toBytes()));
    }

    @Test
    void data_says_where_the_lead_is_why_it_qualified_and_which_model_decided() throws Exception {
        JsonNode data = parse(events.body(HandOffs.mql(), released(HandOffs.mql(), crmFields))).get("data");

        assertThat(data.get("lead").asText()).isEqualTo(LEAD);
        assertThat(data.get("account").asText()).isEqualTo(HandOffs.ACCOUNT);
        assertThat(data.get("segment").asText()).isEqualTo("employer");
        assertThat(data.get("stage").asText()).isEqualTo("mql");
        assertThat(data.get("from").asText()).isEqualTo("lead");
        assertThat(data.get("cause").asText()).isEqualTo("score 110.5 reached threshold 95");
        assertThat(data.get("actor").asText()).isEqualTo("model:employer-starter@3");
        assertThat(data.get("model").asText()).isEqualTo("employer-starter@3");
        assertThat(data.get("score")).isEqualTo(json.readTree("{\"fit\":45.0,\"engagement\":65.5,\"total\":110.5}"));
        assertThat(data.get("reasons")).isEqualTo(json.readTree("""
                [{"rule":"demo_request","description":"Requested a demo","kind":"engagement","points":30.0},
                 {"rule":"title_benefits_leader","description":"Director, head or VP of benefits","kind":"fit",
                  "points":25.0},
                 {"rule":"pricing_page","description":"","kind":"engagement","points":14.57}]"""));
    }

    @Test
    void only_allowed_fields_are_in_the_body() throws Exception {
        byte[] body = events.body(HandOffs.mql(), released(HandOffs.mql(), List.of("email", "title")));

        assertThat(parse(body).get("data").get("fields"))
                .isEqualTo(json.readTree("{\"email\":\"dana@example.com\",\"title\":\"VP Benefits\"}"));
        String text = new String(body, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("anxiety").doesNotContain("diagnosis").doesNotContain("555 0100")
                .doesNotContain("Initech");
    }

    @Test
    void no_trait_leaves_unless_the_destination_names_it() throws Exception {
        byte[] body = events.body(HandOffs.mql(), released(HandOffs.mql(), List.of()));

        assertThat(parse(body).get("data").get("fields").isEmpty()).isTrue();
        assertThat(new String(body, StandardCharsets.UTF_8)).doesNotContain("dana@example.com").doesNotContain("Dana");
    }

    @Test
    void a_nested_trait_goes_whole_when_its_key_is_allowed() throws Exception {
        JsonNode fields = parse(events.body(HandOffs.mql(), released(HandOffs.mql(),
                List.of("company")))).get("data").get("fields");

        assertThat(fields).isEqualTo(json.readTree("{\"company\":{\"name\":\"Initech\",\"employees\":4200}}"));
    }

    @Test
    void a_lead_without_an_account_has_no_account_key() throws Exception {
        HandOffData data = HandOffs.data(Stage.MQL, Stage.LEAD, 45, 65.5, Segment.EMPLOYER, Map.of());
        HandOffData withoutAccount = new HandOffData(data.lead(), data.segment(), data.stage(), data.from(),
                data.cause(), data.actor(), data.model(), data.fit(), data.engagement(), data.learned(),
                data.reasons(),
                Optional.empty(), data.fields());

        HandOff handOff = HandOffs.handOff(HandOffType.LEAD_MQL, withoutAccount);
        JsonNode body = parse(events.body(handOff, released(handOff, crmFields)));

        assertThat(body.get("data").has("account")).isFalse();
    }

    @Test
    void with_a_preset_data_also_carries_the_crm_properties() throws Exception {
        Preset hubspot = new PresetFiles().named("hubspot-contact");

        JsonNode data = parse(events.body(HandOffs.mql(), released(HandOffs.mql(), crmFields), hubspot)).get("data");

        assertThat(data.get("properties").get("lifecyclestage").asText()).isEqualTo("marketingqualifiedlead");
        assertThat(data.get("properties").get("email").asText()).isEqualTo("dana@example.com");
        assertThat(data.get("stage").asText()).isEqualTo("mql");
    }

    @Test
    void only_what_the_egress_policy_released_is_written_and_the_subject_follows_the_released_lead()
            throws Exception {
        Map<String, Object> kept = new LinkedHashMap<>(released(HandOffs.mql(), List.of("title")).asMap());
        kept.keySet().removeAll(List.of(HandOffPayloads.SCORE, HandOffPayloads.REASONS, HandOffPayloads.ACCOUNT,
                HandOffPayloads.CAUSE));
        kept.put(HandOffPayloads.LEAD, "psn_0123456789abcdef01234567");

        JsonNode body = parse(events.body(HandOffs.mql(), Attributes.of(kept)));

        assertThat(body.get("subject").asText()).isEqualTo("psn_0123456789abcdef01234567");
        assertThat(body.get("data").get("lead").asText()).isEqualTo("psn_0123456789abcdef01234567");
        assertThat(body.get("data").has("score")).isFalse();
        assertThat(body.get("data").has("reasons")).isFalse();
        assertThat(body.get("data").has("account")).isFalse();
        assertThat(body.get("data").has("cause")).isFalse();
        assertThat(body.get("data").get("fields")).isEqualTo(json.readTree("{\"title\":\"VP Benefits\"}"));
        assertThat(body.toString()).doesNotContain(LEAD).doesNotContain(HandOffs.ACCOUNT).doesNotContain("110.5");

        kept.remove(HandOffPayloads.LEAD);
        JsonNode anonymous = parse(events.body(HandOffs.mql(), Attributes.of(kept)));
        assertThat(anonymous.has("subject")).as("no lead released, no subject").isFalse();
        assertThat(anonymous.get("data").has("lead")).isFalse();
    }

    @Test
    void a_hand_off_is_made_from_an_outbox_message_with_its_id_as_the_webhook_id() {
        HandOffData data = HandOffs.mql().data();
        OutboundMessage message = new OutboundMessage("msg_00112233445566778899aabbccddeeff",
                new DestinationId("hubspot"), LEAD, HandOffType.LEAD_MQL, AT, data);

        HandOff handOff = HandOff.of(new WorkspaceId("acme-health"), message);

        assertThat(handOff.id()).isEqualTo(new WebhookId("msg_00112233445566778899aabbccddeeff"));
        assertThat(handOff.source()).isEqualTo(URI.create("urn:attune:workspace:acme-health"));
        assertThat(handOff.subject()).isEqualTo(LEAD);
        assertThat(handOff.time()).isEqualTo(AT);
    }

    @Test
    void a_hand_off_without_a_subject_is_refused() {
        assertThatThrownBy(() -> new HandOff(HandOffs.WORKSPACE, new WebhookId("msg_1"), HandOffType.LEAD_MQL, AT, " ",
                HandOffs.mql().data())).hasMessageContaining("needs a subject");
    }

    @Test
    void the_same_hand_off_always_gives_the_same_bytes_so_a_retry_sends_what_was_signed_before() {
        assertThat(events.body(HandOffs.mql(), released(HandOffs.mql(), crmFields))).isEqualTo(events.body(HandOffs.mql(), released(HandOffs.mql(), crmFields)));
    }

    @Test
    void a_signed_body_verifies_at_the_receiver() {
        WebhookSecret secret = WebhookSecret.generate(new SecureRandom());
        HandOff handOff = HandOffs.mql();
        byte[] body = events.body(handOff, released(handOff, crmFields));
        WebhookHeaders headers = new WebhookSigner(SigningSecrets.of(secret))
                .sign(handOff.id(), AT.plusSeconds(2), body);

        Verification verification = new WebhookVerifier(List.of(secret),
                Clock.fixed(AT.plusSeconds(3), ZoneOffset.UTC)).verify(headers.id().value(),
                Long.toString(headers.timestamp()), headers.signature(), body);

        assertThat(verification.verified()).isTrue();
    }

    @Test
    void a_destination_s_template_travels_as_data_message_and_none_means_no_message() throws Exception {
        MessageTemplate template = new MessageTemplate(Optional.of("Lakeside"), Optional.empty(),
                Optional.of("Lakeside: we have a time for you. Reply STOP to opt out."));

        JsonNode data = parse(events.body(HandOffs.mql(), released(HandOffs.mql(), crmFields), Optional.empty(),
                template)).get("data");
        JsonNode plain = parse(events.body(HandOffs.mql(), released(HandOffs.mql(), crmFields), Optional.empty(),
                MessageTemplate.NONE)).get("data");

        assertThat(data.path("message").path("sender").asText()).isEqualTo("Lakeside");
        assertThat(data.path("message").path("body").asText()).endsWith("Reply STOP to opt out.");
        assertThat(data.path("message").has("subject")).isFalse();
        assertThat(plain.has("message")).isFalse();
        assertThat(data.path("fields")).isEqualTo(plain.path("fields"));
    }
}
