package io.attune.server.consent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.attune.server.support.ApiClient;
import io.attune.server.support.ApiClient.Reply;
import io.attune.server.support.ApiFixture;
import io.attune.server.support.Documented;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The consent ledger over HTTP, fed by the admin route and by ingestion; a fresh fixture per test. */
class ConsentsIT {
    private static final String PEWC_TEXT = "By signing, I agree that Acme Health may send me marketing texts and "
            + "calls using automated technology.  Consent is not a condition of purchase.";
    private static final String GRANT = """
            {"purpose":"tcpa_pewc","granted":true,"recipient":"Acme Health","text":%s,"version":"paper-v2",
             "method":"written","capturedAt":"%s","user":"front-desk-4"}""";

    private final ApiFixture fixture = new ApiFixture();
    private final ApiFixture.Running running = fixture.start();
    private final ApiClient client = running.client();

    @AfterEach
    void stop() {
        running.close();
    }

    private Reply post(String path, String body, String key) {
        return client.send("POST", path, Map.of("Authorization", "Bearer " + key, "Content-Type", "application/json"),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private Reply ingest(String kind, String body) {
        String basic = Base64.getEncoder().encodeToString((fixture.acme.writeKey() + ":")
                .getBytes(StandardCharsets.UTF_8));
        return client.send("POST", "/v1/" + kind, Map.of("Authorization", "Basic " + basic,
                "Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode ledger(String lead) {
        Reply reply = Documented.as(client.get("/api/leads/" + lead + "/consents", fixture.acme.readKey()),
                "GET", "/api/leads/{id}/consents");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static List<String> states(JsonNode ledger) {
        List<String> states = new ArrayList<>();
        ledger.path("current").forEach(state -> states.add(state.path("purpose").asText() + "/"
                + state.path("channel").asText() + "/" + state.path("recipient").asText() + "="
                + state.path("status").asText()));
        return states;
    }

    @Test
    void a_lead_without_consents_has_an_empty_ledger() {
        JsonNode ledger = ledger(fixture.pat.value());

        assertThat(ledger.path("lead").asText()).isEqualTo(fixture.pat.value());
        assertThat(ledger.path("asOf").asText()).isEqualTo(ApiFixture.NOW.toString());
        assertThat(ledger.path("current")).isEmpty();
        assertThat(ledger.path("history")).isEmpty();
    }

    @Test
    void an_admin_records_a_signed_consent_and_the_ledger_shows_it_verbatim_per_channel() {
        String body = GRANT.formatted(quoted(PEWC_TEXT), ApiFixture.NOW.minusSeconds(3600));

        Reply reply = Documented.as(post("/api/leads/" + fixture.pat.value() + "/consents", body,
                fixture.acme.adminKey()), "POST", "/api/leads/{id}/consents");

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(states(reply.json())).containsExactly("tcpa_pewc/sms/Acme Health=granted",
                "tcpa_pewc/voice/Acme Health=granted");
        JsonNode entry = ledger(fixture.pat.value()).at("/history/0");
        assertThat(entry.path("text").asText()).isEqualTo(PEWC_TEXT);
        assertThat(entry.path("version").asText()).isEqualTo("paper-v2");
        assertThat(entry.path("method").asText()).isEqualTo("written");
        assertThat(entry.path("source").asText()).isEqualTo("api");
        assertThat(entry.path("actor").asText()).isEqualTo("user:front-desk-4");
        assertThat(entry.path("capturedAt").asText()).isEqualTo(ApiFixture.NOW.minusSeconds(3600).toString());
        assertThat(entry.path("messageId").isNull()).isTrue();
    }

    @Test
    void every_bad_field_of_a_consent_is_named() {
        Reply reply = post("/api/leads/" + fixture.pat.value() + "/consents", """
                {"purpose":"tcpa_pewc","granted":true,"channel":"email","method":"fax","capturedAt":"2999-01-01T00:00:00Z",
                 "expires":"2027-01-01T00:00:00Z","user":"  "}""", fixture.acme.adminKey());

        Documented.problem(reply, 400, "invalid-params");
        List<String> names = new ArrayList<>();
        reply.json().path("invalid-params").forEach(param -> names.add(param.path("name").asText()));
        assertThat(names).containsExactlyInAnyOrder("user", "channel", "method", "capturedAt", "expires", "text",
                "recipient");
        Reply noPurpose = post("/api/leads/" + fixture.pat.value() + "/consents", "{\"granted\":false}",
                fixture.acme.adminKey());
        Documented.problem(noPurpose, 400, "invalid-params");
        assertThat(noPurpose.json().at("/invalid-params/0/name").asText()).isEqualTo("purpose");
        Documented.problem(post("/api/leads/" + fixture.pat.value() + "/consents", "[1]", fixture.acme.adminKey()),
                400, "invalid-params");
    }

    @Test
    void a_part_2_consent_is_refused_naming_every_missing_element_and_recorded_with_them_all() {
        String grant = """
                {"purpose":"part2_written_consent","granted":true,"recipient":"Harbor Recovery","method":"%s",
                 "text":"I consent to Acme Health disclosing my SUD treatment dates to Harbor Recovery.",
                 "expiresAt":"2027-01-01T00:00:00Z"%s}""";
        Reply missing = post("/api/leads/" + fixture.pat.value() + "/consents", grant.formatted("web_form", ""),
                fixture.acme.adminKey());

        Documented.problem(missing, 400, "invalid-params");
        List<String> names = new ArrayList<>();
        missing.json().path("invalid-params").forEach(param -> names.add(param.path("name").asText()));
        assertThat(names).containsExactlyInAnyOrder("method", "part2.patientName", "part2.discloser",
                "part2.information", "part2.purpose", "part2.revocable", "part2.redisclosureStatement");

        Reply recorded = Documented.as(post("/api/leads/" + fixture.pat.value() + "/consents", grant.formatted(
                "e_signature", """
                        ,"part2":{"patientName":"Pat Doe","discloser":"Acme Health","information":"SUD treatment dates",
                         "purpose":"Arranging admission","revocable":true,"redisclosureStatement":false}"""),
                fixture.acme.adminKey()), "POST", "/api/leads/{id}/consents");
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(recorded.json().at("/history/0/part2/patientName").asText()).isEqualTo("Pat Doe");
        assertThat(recorded.json().at("/history/0/part2/redisclosureStatement").asBoolean(true)).isFalse();
    }

    @Test
    void only_an_admin_key_records_and_only_leads_of_the_callers_workspace() {
        String revoke = "{\"purpose\":\"email_marketing\",\"granted\":false}";

        Documented.problem(post("/api/leads/" + fixture.pat.value() + "/consents", revoke, fixture.acme.readKey()),
                403, "forbidden");
        Documented.problem(post("/api/leads/" + fixture.gina.value() + "/consents", revoke, fixture.acme.adminKey()),
                404, "not-found");
        Documented.problem(client.get("/api/leads/" + fixture.gina.value() + "/consents", fixture.acme.readKey()),
                404, "not-found");
        Documented.problem(client.get("/api/leads/not-an-id/consents", fixture.acme.readKey()), 404, "not-found");
    }

    @Test
    void a_merged_away_id_reads_and_records_the_survivors_ledger() {
        Reply reply = post("/api/leads/" + fixture.mergedIntoEve.value() + "/consents",
                "{\"purpose\":\"email_marketing\",\"granted\":false,\"method\":\"verbal\"}", fixture.acme.adminKey());

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        JsonNode ledger = ledger(fixture.mergedIntoEve.value());
        assertThat(ledger.path("lead").asText()).isEqualTo(fixture.eve.value());
        assertThat(ledger.path("mergedFrom").asText()).isEqualTo(fixture.mergedIntoEve.value());
        assertThat(states(ledger)).containsExactly("email_marketing/email/null=revoked");
    }

    @Test
    void consent_sent_in_identify_traits_is_in_the_ledger_and_a_stop_text_revokes_it() {
        Reply identify = ingest("identify", """
                {"userId":"u-pat","messageId":"m-consent-1","context":{"ip":"203.0.113.9","page":{"url":"https://acme.example/optin"}},
                 "traits":{"consent":{"tcpa_pewc":{"granted":true,"recipient":"Acme Health","text":%s,
                   "version":"web-v7","method":"web_form"},
                  "email_marketing":{"granted":true,"text":"Email me Acme news","method":"web_form"}}}}"""
                .formatted(quoted(PEWC_TEXT)));
        assertThat(identify.status()).as(identify.body()).isEqualTo(200);
        assertThat(states(ledger(fixture.pat.value()))).containsExactly("email_marketing/email/null=granted",
                "tcpa_pewc/sms/Acme Health=granted", "tcpa_pewc/voice/Acme Health=granted");
        assertThat(ledger(fixture.pat.value()).at("/history/0/page").asText()).isEqualTo("https://acme.example/optin");

        ingest("track", "{\"userId\":\"u-pat\",\"event\":\"SMS Received\",\"properties\":{\"body\":\"I can't stop "
                + "crying\"}}");
        assertThat(states(ledger(fixture.pat.value()))).contains("tcpa_pewc/sms/Acme Health=granted");

        Reply stop = ingest("track", "{\"userId\":\"u-pat\",\"event\":\"SMS Received\",\"properties\":{\"body\":\"Stop\"}}");
        assertThat(stop.status()).as(stop.body()).isEqualTo(200);
        assertThat(states(ledger(fixture.pat.value()))).containsExactly("email_marketing/email/null=granted",
                "tcpa_pewc/sms/Acme Health=revoked", "tcpa_pewc/voice/Acme Health=revoked");
        JsonNode lead = client.get("/api/leads/" + fixture.pat.value(), fixture.acme.readKey()).json();
        assertThat(lead.toString()).as("consents are not lead traits").doesNotContain(PEWC_TEXT);
    }

    @Test
    void a_message_with_a_bad_consent_is_refused_naming_each_field() {
        Reply reply = ingest("batch", """
                {"batch":[{"type":"identify","userId":"u-pat","traits":{"consent":{"tcpa_pewc":{"granted":true,
                   "text":"I agree","method":"web_form"}}}},
                 {"type":"track","userId":"u-pat","event":"Consent Updated","properties":{"purpose":"cookies","granted":true}}]}""");

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        reply.json().path("errors").forEach(error -> fields.add(error.path("field").asText()));
        assertThat(fields).containsExactly("batch[0].traits.consent.tcpa_pewc.recipient", "batch[1].properties.purpose");
        assertThat(ledger(fixture.pat.value()).path("history")).isEmpty();
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\"", "\\\"") + "\"";
    }
}
