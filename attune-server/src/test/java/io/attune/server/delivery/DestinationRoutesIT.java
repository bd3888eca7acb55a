package io.attune.server.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.attune.core.egress.DestinationKind;
import io.attune.core.egress.EgressDeclaration;
import io.attune.core.egress.Remuneration;
import io.attune.core.handoff.ConfiguredDestination;
import io.attune.core.handoff.DestinationId;
import io.attune.core.workspace.WorkspaceId;
import io.attune.server.fakes.Tenant;
import io.attune.server.support.ApiClient;
import io.attune.server.support.ApiClient.Reply;
import io.attune.server.support.ApiFixture;
import io.attune.server.support.Documented;
import io.attune.server.webhook.WebhookSecret;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Destinations over HTTP, over the in-memory store: a signing secret is shown when it is made (on
 * creation and rotation) and never again. Each test gets a fresh fixture, because they change it.
 */
class DestinationRoutesIT {
    private static final String CRM = """
            {"name":" HubSpot ","url":"https://hooks.example.com/attune","types":["lead.sql","lead.mql"],
             "segments":["employer"],"states":["ny","CA"],"fields":["title","email"],"preset":"hubspot-contact",
             "kind":"crm","baa":true,"maxConcurrency":8,"maxAttempts":5,"enabled":false}""";
    private static final String MINIMAL = """
            {"name":"Intake team","url":"http://intake.example.org/hooks","types":["lead.mql"],"kind":"intake"}""";

    private final ApiFixture fixture = new ApiFixture();
    private final ApiFixture.Running running = fixture.start();
    private final ApiClient client = running.client();

    @AfterEach
    void stop() {
        running.close();
    }

    private Reply send(String method, String path, String body, String key) {
        return client.send(method, path, Map.of("Authorization", "Bearer " + key, "Content-Type", "application/json"),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private Reply put(String id, String body) {
        return send("PUT", "/api/destinations/" + id, body, fixture.acme.adminKey());
    }

    private Reply rotate(String id, Tenant tenant) {
        return send("POST", "/api/destinations/" + id + "/rotate-secret", "", tenant.adminKey());
    }

    private Reply get(String path, Tenant tenant) {
        return client.get(path, tenant.readKey());
    }

    private Optional<ConfiguredDestination> stored(WorkspaceId workspace, String id) {
        return fixture.store.destinations().configured(workspace, new DestinationId(id));
    }

    private static String fingerprint(String secret) {
        return WebhookSecret.parse(secret).fingerprint();
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static List<String> invalidNames(Reply reply) {
        return StreamSupport.stream(reply.json().path("invalid-params").spliterator(), false)
                .map(param -> param.path("name").asText()).toList();
    }

    @Test
    void creating_a_destination_is_201_with_its_signing_secret_shown_in_that_answer_only() {
        Reply created = Documented.as(put("crm", CRM), "PUT", "/api/destinations/{id}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode body = created.json();
        String secret = body.path("signingSecret").asText();
        assertThat(secret).startsWith("whsec_");
        assertThat(WebhookSecret.parse(secret).key()).hasSize(WebhookSecret.DEFAULT_BYTES);
        assertThat(texts(body.path("secretFingerprints"))).containsExactly(fingerprint(secret));
        assertThat(stored(fixture.acme.id(), "crm").orElseThrow().secrets()).containsExactly(secret);
        assertThat(body.path("id").asText()).isEqualTo("crm");
        assertThat(body.path("name").asText()).isEqualTo("HubSpot");
        assertThat(body.path("url").asText()).isEqualTo("https://hooks.example.com/attune");
        assertThat(texts(body.path("types"))).containsExactly("lead.mql", "lead.sql");
        assertThat(texts(body.path("segments"))).containsExactly("employer");
        assertThat(texts(body.path("states"))).containsExactly("CA", "NY");
        assertThat(texts(body.path("fields"))).containsExactly("email", "title");
        assertThat(body.path("preset").asText()).isEqualTo("hubspot-contact");
        assertThat(body.path("kind").asText()).isEqualTo("crm");
        assertThat(body.path("baa").asBoolean()).isTrue();
        assertThat(body.path("maxConcurrency").asInt()).isEqualTo(8);
        assertThat(body.path("maxAttempts").asInt()).isEqualTo(5);
        assertThat(body.path("enabled").asBoolean(true)).isFalse();

        for (Reply read : List.of(
                Documented.as(get("/api/destinations/crm", fixture.acme), "GET", "/api/destinations/{id}"),
                Documented.as(get("/api/destinations", fixture.acme), "GET", "/api/destinations"))) {
            assertThat(read.status()).as(read.body()).isEqualTo(200);
            assertThat(read.body()).doesNotContain(secret).doesNotContain("signingSecret").contains("HubSpot");
        }
    }

    @Test
    void what_a_body_leaves_out_takes_its_default() {
        JsonNode body = Documented.as(put("intake", MINIMAL), "PUT", "/api/destinations/{id}").json();

        assertThat(body.path("maxConcurrency").asInt()).isEqualTo(4);
        assertThat(body.path("maxAttempts").asInt()).isEqualTo(20);
        assertThat(body.path("enabled").asBoolean()).isTrue();
        assertThat(body.path("segments")).isEmpty();
        assertThat(body.path("states")).isEmpty();
        assertThat(body.path("fields")).isEmpty();
        assertThat(body.has("preset")).isFalse();
        assertThat(stored(fixture.acme.id(), "intake").orElseThrow().destination().preset()).isEmpty();
        assertThat(body.path("kind").asText()).isEqualTo("intake");
        assertThat(body.path("baa").asBoolean(true)).as("no BAA unless declared").isFalse();
        assertThat(body.path("part2Agreement").asBoolean(true)).isFalse();
        assertThat(body.path("remuneration").asText()).isEqualTo("none");
        assertThat(stored(fixture.acme.id(), "intake").orElseThrow().destination().egress())
                .isEqualTo(EgressDeclaration.of(DestinationKind.INTAKE));
    }

    @Test
    void a_destination_declares_its_kind_agreements_and_remuneration() {
        Reply partner = Documented.as(put("hillside", """
                {"name":"Hillside Recovery","url":"https://partner.example.org/in","types":["lead.mql"],
                 "kind":"referral_partner","baa":true,"part2Agreement":true,"remuneration":"per_admission",
                 "fields":["firstName","phone"]}"""), "PUT", "/api/destinations/{id}");

        assertThat(partner.status()).as(partner.body()).isEqualTo(201);
        assertThat(partner.json().path("kind").asText()).isEqualTo("referral_partner");
        assertThat(partner.json().path("part2Agreement").asBoolean()).isTrue();
        assertThat(partner.json().path("remuneration").asText()).isEqualTo("per_admission");
        assertThat(stored(fixture.acme.id(), "hillside").orElseThrow().destination().egress()).isEqualTo(
                new EgressDeclaration(DestinationKind.REFERRAL_PARTNER, true, true, Remuneration.PER_ADMISSION));
        assertThat(Documented.as(get("/api/destinations/hillside", fixture.acme), "GET", "/api/destinations/{id}")
                .json().path("remuneration").asText()).isEqualTo("per_admission");
    }

    @Test
    void a_destination_that_does_not_say_what_it_is_is_refused_naming_kind() {
        Reply reply = put("crm", """
                {"name":"CRM","url":"https://crm.example.com/","types":["lead.mql"],"fields":["email"]}""");

        Documented.problem(reply, 400, "invalid-params");
        assertThat(invalidNames(reply)).containsExactly("kind");
        assertThat(reason(reply, "kind")).contains("required").contains("ad_platform").contains("referral_partner");
        assertThat(stored(fixture.acme.id(), "crm")).isEmpty();
    }

    @Test
    void an_ad_platform_with_a_baa_and_unknown_kinds_or_remuneration_are_refused_naming_the_field() {
        Reply meta = put("meta", """
                {"name":"Meta CAPI","url":"https://graph.example.com/events","types":["lead.mql"],
                 "kind":"ad_platform","baa":true}""");
        Documented.problem(meta, 400, "invalid-params");
        assertThat(invalidNames(meta)).containsExactly("baa");
        assertThat(reason(meta, "baa")).contains("TRK-02");

        Reply wrong = put("meta", """
                {"name":"Meta CAPI","url":"https://graph.example.com/events","types":["lead.mql"],
                 "kind":"pixel","baa":"yes","part2Agreement":1,"remuneration":"per_click"}""");
        Documented.problem(wrong, 400, "invalid-params");
        assertThat(invalidNames(wrong)).containsExactlyInAnyOrder("kind", "baa", "part2Agreement", "remuneration");
        assertThat(reason(wrong, "remuneration")).contains("per_admission");
        assertThat(stored(fixture.acme.id(), "meta")).isEmpty();
    }

    @Test
    void replacing_a_destination_is_200_keeps_its_secret_and_does_not_show_it() {
        String secret = put("crm", CRM).json().path("signingSecret").asText();

        Reply replaced = Documented.as(put("crm", MINIMAL), "PUT", "/api/destinations/{id}");

        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().has("signingSecret")).isFalse();
        assertThat(replaced.body()).doesNotContain(secret);
        assertThat(texts(replaced.json().path("secretFingerprints"))).containsExactly(fingerprint(secret));
        assertThat(replaced.json().path("name").asText()).isEqualTo("Intake team");
        assertThat(replaced.json().has("preset")).as("a replace sets every field; left out is the default").isFalse();
        assertThat(replaced.json().path("maxAttempts").asInt()).isEqualTo(20);
        ConfiguredDestination stored = stored(fixture.acme.id(), "crm").orElseThrow();
        assertThat(stored.secrets()).containsExactly(secret);
        assertThat(stored.destination().url()).hasToString("http://intake.example.org/hooks");
        assertThat(get("/api/destinations", fixture.acme).json().path("items")).hasSize(1);
    }

    @Test
    void rotating_shows_the_new_secret_once_and_keeps_the_previous_one_beside_it() {
        String first = put("crm", CRM).json().path("signingSecret").asText();

        Reply rotated = Documented.as(rotate("crm", fixture.acme), "POST", "/api/destinations/{id}/rotate-secret");

        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        String second = rotated.json().path("signingSecret").asText();
        assertThat(second).startsWith("whsec_").isNotEqualTo(first);
        assertThat(texts(rotated.json().path("secretFingerprints")))
                .containsExactly(fingerprint(second), fingerprint(first));
        assertThat(stored(fixture.acme.id(), "crm").orElseThrow().secrets()).containsExactly(second, first);
        assertThat(rotated.json().path("name").asText()).as("a rotation changes nothing else").isEqualTo("HubSpot");

        String third = rotate("crm", fixture.acme).json().path("signingSecret").asText();
        Reply read = Documented.as(get("/api/destinations/crm", fixture.acme), "GET", "/api/destinations/{id}");
        assertThat(texts(read.json().path("secretFingerprints")))
                .as("the oldest secret is dropped at the next rotation")
                .containsExactly(fingerprint(third), fingerprint(second));
        assertThat(read.body()).doesNotContain(second).doesNotContain(third).doesNotContain("signingSecret");
    }

    @Test
    void deleting_is_204_and_then_the_destination_is_not_found() {
        put("crm", CRM);

        Reply deleted = send("DELETE", "/api/destinations/crm", "", fixture.acme.adminKey());

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(stored(fixture.acme.id(), "crm")).isEmpty();
        Documented.problem(get("/api/destinations/crm", fixture.acme), 404, "not-found");
        Documented.problem(send("DELETE", "/api/destinations/crm", "", fixture.acme.adminKey()), 404, "not-found");
        Documented.problem(rotate("crm", fixture.acme), 404, "not-found");
        assertThat(get("/api/destinations", fixture.acme).json().path("items")).isEmpty();
    }

    @Test
    void another_workspace_neither_sees_nor_changes_a_destination_and_may_use_the_same_id() {
        String secret = put("crm", CRM).json().path("signingSecret").asText();

        assertThat(Documented.as(get("/api/destinations", fixture.globex), "GET", "/api/destinations").json()
                .path("items")).isEmpty();
        Documented.problem(get("/api/destinations/crm", fixture.globex), 404, "not-found");
        Documented.problem(rotate("crm", fixture.globex), 404, "not-found");
        Documented.problem(send("DELETE", "/api/destinations/crm", "", fixture.globex.adminKey()), 404, "not-found");

        Reply own = send("PUT", "/api/destinations/crm", MINIMAL, fixture.globex.adminKey());
        assertThat(own.status()).as("the id is free in globex: a create").isEqualTo(201);
        assertThat(own.json().path("signingSecret").asText()).isNotEqualTo(secret);
        ConfiguredDestination acmes = stored(fixture.acme.id(), "crm").orElseThrow();
        assertThat(acmes.destination().name()).isEqualTo("HubSpot");
        assertThat(acmes.secrets()).containsExactly(secret);
    }

    @Test
    void every_bad_field_of_a_destination_is_named_and_nothing_is_saved() {
        Reply reply = put("crm", """
                {"name":"CRM","url":"ftp://files.example.com/in","types":["lead.mql","lead.won"],
                 "preset":"pipedrive","colour":"blue","maxConcurrency":65,"kind":"crm"}""");

        Documented.problem(reply, 400, "invalid-params");
        assertThat(invalidNames(reply)).containsExactlyInAnyOrder("url", "types", "preset", "colour",
                "maxConcurrency");
        assertThat(reason(reply, "preset")).contains("no preset named 'pipedrive'").contains("hubspot-contact");
        assertThat(reason(reply, "types")).contains("lead.mql");
        assertThat(reason(reply, "maxConcurrency")).contains("1 to 64");
        assertThat(reason(reply, "colour")).contains("maxAttempts");
        assertThat(stored(fixture.acme.id(), "crm")).isEmpty();
    }

    @Test
    void a_destination_needs_a_name_a_url_a_type_and_a_kind_and_numbers_within_their_ranges() {
        Reply empty = put("crm", "{}");
        Documented.problem(empty, 400, "invalid-params");
        assertThat(invalidNames(empty)).containsExactlyInAnyOrder("name", "url", "types", "kind");

        Reply wrong = put("crm", """
                {"name":"CRM","url":"https://crm.example.com/","types":[],"segments":["hospital"],"kind":"crm",
                 "states":["California"],"fields":["bad field"],"maxConcurrency":0,"maxAttempts":2.5,"enabled":"yes"}""");
        Documented.problem(wrong, 400, "invalid-params");
        assertThat(invalidNames(wrong)).containsExactlyInAnyOrder("types", "segments", "states", "fields",
                "maxConcurrency", "maxAttempts", "enabled");
        assertThat(stored(fixture.acme.id(), "crm")).isEmpty();
    }

    @Test
    void a_body_that_is_not_a_json_object_is_a_400_naming_the_body() {
        for (String body : List.of("{\"name\":", "[\"lead.mql\"]", "")) {
            Reply reply = put("crm", body);
            Documented.problem(reply, 400, "invalid-params");
            assertThat(invalidNames(reply)).as(body).containsExactly("body");
        }
        assertThat(stored(fixture.acme.id(), "crm")).isEmpty();
    }

    @Test
    void a_malformed_id_is_a_400_on_create_and_not_found_elsewhere() {
        Reply reply = put("HubSpot", CRM);

        Documented.problem(reply, 400, "invalid-params");
        assertThat(invalidNames(reply)).containsExactly("id");
        assertThat(reason(reply, "id")).contains("lower-case");
        assertThat(fixture.store.destinations().destinations(fixture.acme.id())).isEmpty();
        Documented.problem(get("/api/destinations/HubSpot", fixture.acme), 404, "not-found");
    }

    @Test
    void a_read_key_may_look_but_not_change() {
        put("crm", CRM);

        assertThat(get("/api/destinations/crm", fixture.acme).status()).isEqualTo(200);
        Documented.problem(send("PUT", "/api/destinations/crm", MINIMAL, fixture.acme.readKey()), 403, "forbidden");
        Documented.problem(send("POST", "/api/destinations/crm/rotate-secret", "", fixture.acme.readKey()), 403,
                "forbidden");
        ConfiguredDestination stored = stored(fixture.acme.id(), "crm").orElseThrow();
        assertThat(stored.destination().name()).isEqualTo("HubSpot");
        assertThat(stored.secrets()).hasSize(1);
    }

    @Test
    void a_text_template_that_names_care_or_leaves_out_the_sender_and_stop_is_refused_and_nothing_is_saved() {
        Reply reply = put("texts", """
                {"name":"Intake texts","url":"https://sms.example.com/send","types":["lead.mql"],"kind":"sms",
                 "baa":true,"template":{"body":"Your anxiety therapy intake is ready"}}""");

        Documented.problem(reply, 400, "invalid-params");
        assertThat(invalidNames(reply)).containsOnly("template.body", "template.sender");
        assertThat(reply.body()).contains("USE-08").contains("anxiety").contains("STOP");
        assertThat(stored(fixture.acme.id(), "texts")).isEmpty();
    }

    @Test
    void an_email_template_the_copy_linter_blocks_is_refused_with_the_span_and_why() {
        Reply reply = put("mail", """
                {"name":"Newsletter","url":"https://esp.example.com/send","types":["lead.mql"],"kind":"email",
                 "baa":true,"template":{"sender":"Lakeside","subject":"A note from Lakeside",
                 "body":"Our program is guaranteed to cure your depression. Only 2 spots left!"}}""");

        Documented.problem(reply, 400, "invalid-params");
        assertThat(invalidNames(reply)).contains("template.body").doesNotContain("template.subject");
        assertThat(reason(reply, "template.body")).contains("line 1 column");
        assertThat(stored(fixture.acme.id(), "mail")).isEmpty();
    }

    @Test
    void a_discreet_template_is_saved_and_shown() {
        Reply reply = put("texts", """
                {"name":"Intake texts","url":"https://sms.example.com/send","types":["lead.mql"],"kind":"sms",
                 "baa":true,"template":{"sender":"Lakeside","body":"Lakeside: we have a time for you. Reply STOP to opt out."}}""");

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.json().path("template").path("sender").asText()).isEqualTo("Lakeside");
        assertThat(stored(fixture.acme.id(), "texts").orElseThrow().destination().template().body())
                .contains("Lakeside: we have a time for you. Reply STOP to opt out.");
    }

    private static String reason(Reply reply, String name) {
        for (JsonNode param : reply.json().path("invalid-params")) {
            if (param.path("name").asText().equals(name)) {
                return param.path("reason").asText();
            }
        }
        throw new AssertionError("no invalid param " + name + " in " + reply.body());
    }
}
