package io.attune.server.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.attune.core.TestEvents;
import io.attune.server.support.ApiClient;
import io.attune.server.support.ApiClient.Reply;
import io.attune.server.support.ApiFixture;
import io.attune.server.support.Documented;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Reading leads; "now" is one decay quarter after the events, so engagement reads at 75% of its points. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadsIT {
    private final ApiFixture fixture = new ApiFixture();
    private final ApiFixture.Running running = fixture.start();
    private final ApiClient client = running.client();

    @AfterAll
    void stop() {
        running.close();
    }

    private Reply get(String path) {
        return client.get(path, fixture.acme.readKey());
    }

    private JsonNode lead(String id) {
        Reply reply = Documented.as(get("/api/leads/" + id), "GET", "/api/leads/{id}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    @Test
    void fifteen_points_earned_one_quarter_ago_read_as_eleven_and_a_quarter() {
        JsonNode anon = lead(fixture.anon1.value());
        assertThat(anon.at("/score/engagement").asDouble()).isEqualTo(11.25);
        assertThat(anon.at("/score/fit").asDouble()).isZero();
        assertThat(anon.at("/score/total").asDouble()).isEqualTo(11.25);
        assertThat(anon.at("/score/qualified").asBoolean()).isFalse();
        assertThat(anon.at("/score/because").asText()).contains("below fitMin");
        assertThat(anon.path("stage").asText()).isEqualTo("subscriber");
        assertThat(anon.path("identified").asBoolean()).isFalse();
        assertThat(anon.path("asOf").asText()).isEqualTo(ApiFixture.NOW.toString());
    }

    @Test
    void a_lead_shows_its_score_now_fit_engagement_per_rule_and_who_it_is() {
        JsonNode pat = lead(fixture.pat.value());
        assertThat(pat.path("id").asText()).isEqualTo(fixture.pat.value());
        assertThat(pat.path("mergedFrom").isNull()).isTrue();
        assertThat(pat.path("stage").asText()).isEqualTo("mql");
        assertThat(pat.path("segment").asText()).isEqualTo("employer");
        assertThat(pat.path("model").asText()).isEqualTo("employer-test@1");
        assertThat(pat.path("account").asText()).isEqualTo(fixture.acmeAccount.value());
        assertThat(pat.at("/score/fit").asDouble()).isEqualTo(20);
        assertThat(pat.at("/score/engagement").asDouble()).isEqualTo(41.25);
        assertThat(pat.at("/score/total").asDouble()).isEqualTo(61.25);
        assertThat(pat.at("/score/qualified").asBoolean()).isTrue();
        assertThat(pat.at("/fit/0/rule").asText()).isEqualTo("vp_title");
        assertThat(pat.at("/fit/0/description").asText()).isEqualTo("A vice president");
        assertThat(pat.path("engagement")).extracting(line -> line.path("rule").asText() + " x" + line.path("count")
                + " earned " + line.path("earned").asDouble() + " now " + line.path("valueNow").asDouble())
                .containsExactly("pricing_page x1 earned 15.0 now 11.25", "demo_requested x1 earned 40.0 now 30.0");
        assertThat(pat.path("identities")).extracting(identity -> identity.path("kind").asText() + ":"
                + identity.path("value").asText()).contains("userId:u-pat", "email:pat@acme-corp.com");
        assertThat(pat.path("roles")).extracting(JsonNode::asText).containsExactly("benefits_leader");
        assertThat(pat.at("/traits/title").asText()).isEqualTo("VP Benefits");
        assertThat(pat.path("events").asLong()).isEqualTo(4);
        assertThat(pat.path("firstSeen").asText()).isEqualTo(ApiFixture.T0.toString());
        assertThat(pat.path("disqualification").isNull()).isTrue();
    }

    @Test
    void the_explanation_ledger_lists_each_contribution_with_its_event_and_adds_up_to_the_engagement() {
        JsonNode pat = lead(fixture.pat.value());
        String pricingEvent = TestEvents.user("u-pat").at(ApiFixture.T0).page("/pricing").messageId().value();
        String demoEvent = TestEvents.user("u-pat").at(ApiFixture.T0).track("Demo Requested").messageId().value();
        JsonNode ledger = pat.path("explanation");
        assertThat(ledger).hasSize(2);
        assertThat(ledger.get(0).path("rule").asText()).isEqualTo("pricing_page");
        assertThat(ledger.get(0).path("description").asText()).isEqualTo("Looked at pricing");
        assertThat(ledger.get(0).path("points").asDouble()).isEqualTo(15);
        assertThat(ledger.get(0).path("valueNow").asDouble()).isEqualTo(11.25);
        assertThat(ledger.get(0).path("messageId").asText()).isEqualTo(pricingEvent);
        assertThat(ledger.get(0).path("at").asText()).isEqualTo(ApiFixture.T0.toString());
        assertThat(ledger.get(1).path("rule").asText()).isEqualTo("demo_requested");
        assertThat(ledger.get(1).path("messageId").asText()).isEqualTo(demoEvent);
        double sum = 0;
        for (JsonNode entry : ledger) {
            sum += entry.path("valueNow").asDouble();
        }
        assertThat(sum).isCloseTo(pat.at("/score/engagement").asDouble(), within(0.01));
    }

    @Test
    void top_reasons_are_the_three_largest_contributions_now() {
        JsonNode page = Documented.as(get("/api/leads?identity=u-pat"), "GET", "/api/leads").json();
        assertThat(page.at("/items/0/topReasons")).extracting(reason -> reason.path("rule").asText() + " "
                + reason.path("kind").asText() + " " + reason.path("value").asDouble())
                .containsExactly("demo_requested engagement 30.0", "vp_title fit 20.0", "pricing_page engagement 11.25");
    }

    @Test
    void a_merged_away_id_answers_with_the_survivor_and_says_so() {
        Reply reply = Documented.as(get("/api/leads/" + fixture.mergedIntoEve.value()), "GET", "/api/leads/{id}");
        assertThat(reply.status()).isEqualTo(200);
        JsonNode eve = reply.json();
        assertThat(eve.path("id").asText()).isEqualTo(fixture.eve.value());
        assertThat(eve.path("mergedFrom").asText()).isEqualTo(fixture.mergedIntoEve.value());
        assertThat(reply.header("Content-Location")).contains("/api/leads/" + fixture.eve.value());
        assertThat(eve.path("identities")).extracting(identity -> identity.path("value").asText())
                .contains("u-eve", "anon-3");
        assertThat(eve.path("explanation")).extracting(entry -> entry.path("rule").asText())
                .containsExactly("pricing_page", "blog_read");
        assertThat(eve.at("/explanation/0/messageId").asText())
                .isEqualTo(TestEvents.anonymous("anon-3").at(ApiFixture.T0).page("/pricing").messageId().value());
        Reply transitions = get("/api/leads/" + fixture.mergedIntoEve.value() + "/transitions");
        assertThat(transitions.json().path("lead").asText()).isEqualTo(fixture.eve.value());
        assertThat(transitions.json().path("mergedFrom").asText()).isEqualTo(fixture.mergedIntoEve.value());
    }

    @Test
    void a_disqualified_lead_says_by_which_rule() {
        JsonNode rival = lead(fixture.rival.value());
        assertThat(rival.path("stage").asText()).isEqualTo("disqualified");
        assertThat(rival.at("/disqualification/rule").asText()).isEqualTo("competitor");
        assertThat(rival.at("/disqualification/reason").asText()).isEqualTo("competitor");
        assertThat(rival.at("/score/qualified").asBoolean()).isFalse();
        assertThat(rival.at("/score/because").asText()).isEqualTo("disqualified by competitor: competitor");
    }

    @Test
    void transitions_give_from_to_when_why_and_who() {
        Reply reply = Documented.as(get("/api/leads/" + fixture.pat.value() + "/transitions"), "GET",
                "/api/leads/{id}/transitions");
        JsonNode items = reply.json().path("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).path("from").asText()).isEqualTo("lead");
        assertThat(items.get(0).path("to").asText()).isEqualTo("mql");
        assertThat(items.get(0).path("at").asText()).isEqualTo(ApiFixture.T0.toString());
        assertThat(items.get(0).path("cause").asText()).isEqualTo("score 75.0 reached threshold 50.0");
        assertThat(items.get(0).path("actor").asText()).isEqualTo("model:employer-test@1");
        assertThat(get("/api/leads/" + fixture.anon1.value() + "/transitions").json().path("items")).isEmpty();
    }

    @Test
    void the_mql_queue_holds_the_mqls_with_their_reasons_and_qualification_time() {
        Reply reply = Documented.as(get("/api/mqls"), "GET", "/api/mqls");
        JsonNode items = reply.json().path("items");
        assertThat(items).extracting(item -> item.path("id").asText()).containsExactly(fixture.pat.value());
        assertThat(items.get(0).path("qualifiedAt").asText()).isEqualTo(ApiFixture.T0.toString());
        assertThat(items.get(0).path("topReasons")).hasSize(3);
        assertThat(items.get(0).path("stage").asText()).isEqualTo("mql");
        assertThat(reply.json().path("next").isNull()).isTrue();
        assertThat(get("/api/mqls?segment=payer").json().path("items")).isEmpty();
    }

    @Test
    void an_identity_finds_its_one_lead_by_user_id_email_in_any_case_or_anonymous_id() {
        assertThat(idsOf(get("/api/leads?identity=u-pat"))).containsExactly(fixture.pat.value());
        assertThat(idsOf(get("/api/leads?identity=PAT@acme-corp.COM"))).containsExactly(fixture.pat.value());
        assertThat(idsOf(get("/api/leads?identity=anon-3"))).containsExactly(fixture.eve.value());
        assertThat(get("/api/leads?identity=u-pat").json().path("next").isNull()).isTrue();
        Reply none = get("/api/leads?identity=nobody@example.com");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.body()).doesNotContain("nobody");
    }

    @Test
    void a_summary_carries_what_a_queue_needs() {
        JsonNode summary = get("/api/leads?identity=anon-1").json().at("/items/0");
        assertThat(summary.path("id").asText()).isEqualTo(fixture.anon1.value());
        assertThat(summary.path("account").isNull()).isTrue();
        assertThat(summary.at("/score/engagement").asDouble()).isEqualTo(11.25);
        assertThat(summary.path("topReasons")).extracting(reason -> reason.path("rule").asText())
                .containsExactly("pricing_page");
        assertThat(summary.path("updatedAt").asText()).isEqualTo(ApiFixture.T0.toString());
        assertThat(summary.path("lastSeen").asText()).isEqualTo(ApiFixture.T0.toString());
    }

    @Test
    void eve_reads_her_merged_pricing_view_and_her_later_blog_read() {
        JsonNode eve = lead(fixture.eve.value());
        double blogNow = 2 * Math.pow(0.75, (double) (ApiFixture.NOW.toEpochMilli()
                - ApiFixture.T0.plus(Duration.ofHours(2)).toEpochMilli()) / (91.31 * 86_400_000));
        assertThat(eve.at("/score/engagement").asDouble()).isCloseTo(11.25 + blogNow, within(0.01));
    }

    private static List<String> idsOf(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        reply.json().path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }
}
