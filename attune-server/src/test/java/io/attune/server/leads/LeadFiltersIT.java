package io.attune.server.leads;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.attune.core.identity.LeadId;
import io.attune.server.support.ApiClient;
import io.attune.server.support.ApiClient.Reply;
import io.attune.server.support.ApiFixture;
import io.attune.server.support.Documented;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Listing leads: every filter, cursor pagination, and parameters that do not validate. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadFiltersIT {
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

    private List<String> ids(String query) {
        Reply reply = Documented.as(get("/api/leads" + query), "GET", "/api/leads");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        reply.json().path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    private static List<String> values(List<LeadId> ids) {
        return ids.stream().map(LeadId::value).sorted().toList();
    }

    @Test
    void pagination_walks_every_lead_exactly_once_in_id_order() {
        List<String> seen = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            String cursor = next == null ? "" : "&cursor=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
            Reply reply = Documented.as(get("/api/leads?limit=2" + cursor), "GET", "/api/leads");
            JsonNode page = reply.json();
            assertThat(page.path("items").size()).isBetween(1, 2);
            page.path("items").forEach(item -> seen.add(item.path("id").asText()));
            next = page.path("next").isNull() ? null : page.path("next").asText();
            pages++;
        } while (next != null && pages < 20);
        assertThat(seen).containsExactlyElementsOf(values(fixture.acme.leadIds()));
        assertThat(pages).isEqualTo((fixture.acme.leadIds().size() + 1) / 2);
    }

    @Test
    void the_default_page_holds_up_to_fifty() {
        Reply reply = get("/api/leads");
        assertThat(reply.json().path("items").size()).isEqualTo(fixture.acme.leadIds().size());
        assertThat(reply.json().path("next").isNull()).isTrue();
    }

    @Test
    void stage_filters_by_the_current_stage() {
        assertThat(ids("?stage=mql")).containsExactly(fixture.pat.value());
        List<LeadId> subscribers = new ArrayList<>(fixture.readers);
        subscribers.add(fixture.anon1);
        assertThat(ids("?stage=subscriber")).containsExactlyElementsOf(values(subscribers));
        assertThat(ids("?stage=crisis_hold")).isEmpty();
    }

    @Test
    void score_bounds_apply_to_the_score_now() {
        assertThat(ids("?minScore=50")).containsExactly(fixture.pat.value());
        assertThat(ids("?minScore=11&maxScore=11.3")).containsExactly(fixture.anon1.value());
        assertThat(ids("?stage=lead&maxScore=5")).containsExactly(fixture.casey.value());
    }

    @Test
    void segment_account_and_updated_since_filter() {
        assertThat(ids("?segment=payer")).isEmpty();
        assertThat(ids("?segment=employer")).hasSize(fixture.acme.leadIds().size());
        assertThat(ids("?account=" + fixture.acmeAccount.value())).containsExactly(fixture.pat.value());
        assertThat(ids("?account=" + fixture.rivalAccount.value())).containsExactly(fixture.rival.value());
        String since = ApiFixture.T0.plus(Duration.ofDays(5)).toString();
        assertThat(ids("?updatedSince=" + since)).containsExactlyElementsOf(values(fixture.readers));
        assertThat(ids("?updatedSince=2026-01-15T10:00:00%2B01:00")).containsExactlyElementsOf(values(fixture.readers));
        assertThat(ids("?updatedSince=" + ApiFixture.LATER)).hasSize(4);
    }

    @Test
    void every_bad_parameter_is_named_in_one_400() {
        Reply reply = get("/api/leads?limit=0&minScore=abc&stage=nope&updatedSince=yesterday&segment=b2b&bogus=1"
                + "&account=ld_123");
        Documented.problem(reply, 400, "invalid-params");
        assertThat(names(reply)).containsExactlyInAnyOrder("limit", "minScore", "stage", "updatedSince", "segment",
                "bogus", "account");
        assertThat(reply.json().path("detail").asText()).contains("minScore");
    }

    @Test
    void limits_above_the_maximum_bounds_the_wrong_way_round_and_repeats_are_refused() {
        assertThat(names(get("/api/leads?limit=501"))).containsExactly("limit");
        assertThat(names(get("/api/leads?minScore=50&maxScore=10"))).containsExactly("maxScore");
        assertThat(names(get("/api/leads?stage=mql&stage=lead"))).containsExactly("stage");
        assertThat(names(get("/api/leads?minScore=1e3"))).containsExactly("minScore");
    }

    @Test
    void a_cursor_that_is_not_one_issued_is_a_bad_parameter() {
        assertThat(names(get("/api/leads?cursor=not%20a%20cursor"))).containsExactly("cursor");
        assertThat(names(get("/api/leads?cursor=Zm9vYmFy"))).containsExactly("cursor");
    }

    @Test
    void identity_cannot_be_combined_with_filters() {
        Reply reply = get("/api/leads?identity=u-pat&stage=mql&cursor=abc");
        assertThat(names(reply)).containsExactly("identity");
        assertThat(reply.json().at("/invalid-params/0/reason").asText()).contains("stage", "cursor");
    }

    @Test
    void the_mql_queue_takes_only_segment_and_paging() {
        assertThat(names(get("/api/mqls?stage=lead&limit=x"))).containsExactlyInAnyOrder("stage", "limit");
    }

    private static List<String> names(Reply reply) {
        Documented.problem(reply, 400, "invalid-params");
        List<String> names = new ArrayList<>();
        reply.json().path("invalid-params").forEach(param -> names.add(param.path("name").asText()));
        return names;
    }
}
