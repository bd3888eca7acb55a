package io.attune.server.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.attune.core.identity.LeadId;
import io.attune.core.sla.SalesSla;
import io.attune.core.sla.SlaTimer;
import io.attune.server.fakes.Tenant;
import io.attune.server.support.ApiClient;
import io.attune.server.support.ApiClient.Reply;
import io.attune.server.support.ApiFixture;
import io.attune.server.support.Documented;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SLA breaches, and the {@code sla} of the lead document and the MQL queue, over the in-memory store.
 * Timers are put in as the writer would have written them: in acme, casey's was met, rival's breached
 * and answered late, eve's and a reader's breached and still waiting (the reader's the latest breach),
 * and anon-1's void; in globex, gina's breached. Pat's timers are put in by the tests that need them.
 */
class SlaBreachesIT {
    private static final Instant T0 = ApiFixture.T0;

    private final ApiFixture fixture = new ApiFixture();
    private final ApiFixture.Running running = fixture.start();
    private final ApiClient client = running.client();
    private SlaTimer rivalLate;
    private SlaTimer eveWaiting;
    private SlaTimer readerWaiting;

    @BeforeEach
    void putTimersIn() {
        add(fixture.acme, met(fixture.casey, T0, T0.plus(Duration.ofHours(1))));
        rivalLate = breached(fixture.rival, T0.minus(Duration.ofDays(20)), Optional.of(T0.minus(Duration.ofDays(2))));
        add(fixture.acme, rivalLate);
        eveWaiting = breached(fixture.eve, T0.minus(Duration.ofDays(10)), Optional.empty());
        add(fixture.acme, eveWaiting);
        readerWaiting = breached(fixture.readers.get(0), ApiFixture.LATER, Optional.empty());
        add(fixture.acme, readerWaiting);
        add(fixture.acme, new SlaTimer(fixture.anon1, T0, due(T0), SlaTimer.Status.VOID, Optional.empty(),
                Optional.of(T0.plus(Duration.ofMinutes(5)))));
        add(fixture.globex, breached(fixture.gina, T0, Optional.empty()));
    }

    @AfterEach
    void stop() {
        running.close();
    }

    private void add(Tenant tenant, SlaTimer timer) {
        fixture.store.leads().addTimer(tenant.id(), timer);
    }

    private static Instant due(Instant qualifiedAt) {
        return SalesSla.DEFAULT.dueAt(qualifiedAt);
    }

    private static SlaTimer open(LeadId lead, Instant qualifiedAt) {
        return new SlaTimer(lead, qualifiedAt, due(qualifiedAt), SlaTimer.Status.OPEN, Optional.empty(),
                Optional.empty());
    }

    private static SlaTimer met(LeadId lead, Instant qualifiedAt, Instant answeredAt) {
        return new SlaTimer(lead, qualifiedAt, due(qualifiedAt), SlaTimer.Status.MET, Optional.empty(),
                Optional.of(answeredAt));
    }

    private static SlaTimer breached(LeadId lead, Instant qualifiedAt, Optional<Instant> answeredAt) {
        return new SlaTimer(lead, qualifiedAt, due(qualifiedAt), SlaTimer.Status.BREACHED,
                Optional.of(due(qualifiedAt)), answeredAt);
    }

    private Reply breaches(String query, Tenant tenant) {
        return client.get("/api/sla/breaches" + query, tenant.readKey());
    }

    private JsonNode page(String query, Tenant tenant) {
        Reply reply = Documented.as(breaches(query, tenant), "GET", "/api/sla/breaches");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static List<String> leads(JsonNode page) {
        return StreamSupport.stream(page.path("items").spliterator(), false)
                .map(item -> item.path("lead").asText()).toList();
    }

    private static List<String> invalidNames(Reply reply) {
        return StreamSupport.stream(reply.json().path("invalid-params").spliterator(), false)
                .map(param -> param.path("name").asText()).toList();
    }

    private static Instant instant(JsonNode node) {
        return Instant.parse(node.asText());
    }

    @Test
    void breaches_are_listed_latest_breach_first_and_open_met_or_void_timers_are_not() {
        JsonNode page = page("", fixture.acme);

        assertThat(leads(page)).containsExactly(fixture.readers.get(0).value(), fixture.eve.value(),
                fixture.rival.value());
        assertThat(page.path("next").isNull()).isTrue();
        JsonNode late = page.path("items").get(2);
        assertThat(late.path("status").asText()).isEqualTo("breached");
        assertThat(late.path("overdue").asBoolean()).isFalse();
        assertThat(instant(late.path("qualifiedAt"))).isEqualTo(rivalLate.qualifiedAt());
        assertThat(instant(late.path("dueAt"))).isEqualTo(rivalLate.dueAt());
        assertThat(instant(late.path("breachedAt"))).isEqualTo(rivalLate.dueAt());
        assertThat(instant(late.path("closedAt"))).isEqualTo(rivalLate.closedAt().orElseThrow());
        JsonNode waiting = page.path("items").get(1);
        assertThat(waiting.path("overdue").asBoolean()).isTrue();
        assertThat(waiting.has("closedAt")).isFalse();
        assertThat(instant(waiting.path("breachedAt"))).isEqualTo(eveWaiting.breachedAt().orElseThrow());
    }

    @Test
    void overdue_keeps_only_the_breaches_still_waiting_for_sales() {
        assertThat(leads(page("?overdue=true", fixture.acme))).containsExactly(fixture.readers.get(0).value(),
                fixture.eve.value());
        assertThat(leads(page("?overdue=false", fixture.acme))).containsExactly(fixture.readers.get(0).value(),
                fixture.eve.value(), fixture.rival.value());
    }

    @Test
    void pages_of_one_walk_every_breach_once_in_order() {
        List<String> walked = new ArrayList<>();
        String query = "?limit=1";
        for (int pages = 0; pages < 10; pages++) {
            JsonNode page = page(query, fixture.acme);
            assertThat(page.path("items")).hasSize(1);
            walked.addAll(leads(page));
            if (page.path("next").isNull()) {
                break;
            }
            query = "?limit=1&cursor=" + URLEncoder.encode(page.path("next").asText(), StandardCharsets.UTF_8);
        }

        assertThat(walked).containsExactly(fixture.readers.get(0).value(), fixture.eve.value(),
                fixture.rival.value());
        JsonNode first = page("?limit=1&overdue=true", fixture.acme);
        JsonNode second = page("?limit=1&overdue=true&cursor="
                + URLEncoder.encode(first.path("next").asText(), StandardCharsets.UTF_8), fixture.acme);
        assertThat(leads(second)).containsExactly(fixture.eve.value());
        assertThat(second.path("next").isNull()).isTrue();
    }

    @Test
    void a_cursor_the_store_did_not_issue_is_a_400_naming_the_cursor() {
        Reply reply = breaches("?cursor=garbage", fixture.acme);

        Documented.problem(reply, 400, "invalid-params");
        assertThat(invalidNames(reply)).containsExactly("cursor");
    }

    @Test
    void an_overdue_that_is_not_true_or_false_is_a_400_naming_it() {
        Reply reply = breaches("?overdue=maybe", fixture.acme);

        Documented.problem(reply, 400, "invalid-params");
        assertThat(invalidNames(reply)).containsExactly("overdue");
        Documented.problem(breaches("?overdue=true&colour=blue", fixture.acme), 400, "invalid-params");
    }

    @Test
    void a_workspace_sees_only_its_own_breaches() {
        assertThat(leads(page("", fixture.globex))).containsExactly(fixture.gina.value());
        assertThat(leads(page("", fixture.acme))).doesNotContain(fixture.gina.value());
    }

    @Test
    void the_lead_document_shows_the_sla_of_its_latest_qualification() {
        add(fixture.acme, met(fixture.pat, T0.minus(Duration.ofDays(40)), T0.minus(Duration.ofDays(39))));
        add(fixture.acme, open(fixture.pat, T0));

        JsonNode pat = lead(fixture.pat);
        assertThat(pat.at("/sla/lead").asText()).isEqualTo(fixture.pat.value());
        assertThat(pat.at("/sla/status").asText()).isEqualTo("open");
        assertThat(instant(pat.at("/sla/qualifiedAt"))).isEqualTo(T0);
        assertThat(instant(pat.at("/sla/dueAt"))).isEqualTo(due(T0));
        assertThat(pat.at("/sla/overdue").asBoolean()).isFalse();
        assertThat(pat.path("sla").has("breachedAt")).isFalse();
        assertThat(pat.path("sla").has("closedAt")).isFalse();
        assertThat(lead(fixture.eve).at("/sla/overdue").asBoolean()).isTrue();
        assertThat(lead(fixture.anon1).at("/sla/status").asText()).isEqualTo("void");
    }

    @Test
    void a_lead_that_never_qualified_has_a_null_sla() {
        JsonNode reader = lead(fixture.readers.get(1));

        assertThat(reader.has("sla")).isTrue();
        assertThat(reader.path("sla").isNull()).isTrue();
    }

    @Test
    void the_mql_queue_shows_the_running_sla_of_each_mql() {
        add(fixture.acme, met(fixture.pat, T0.minus(Duration.ofDays(40)), T0.minus(Duration.ofDays(39))));
        add(fixture.acme, open(fixture.pat, T0));

        JsonNode pat = mql(fixture.pat);
        assertThat(pat.at("/sla/status").asText()).isEqualTo("open");
        assertThat(instant(pat.at("/sla/qualifiedAt"))).isEqualTo(T0);
        assertThat(instant(pat.at("/sla/dueAt"))).isEqualTo(due(T0));
    }

    @Test
    void an_mql_whose_sla_is_breached_and_unanswered_shows_it_overdue_in_the_queue() {
        add(fixture.acme, breached(fixture.pat, T0, Optional.empty()));

        JsonNode pat = mql(fixture.pat);
        assertThat(pat.at("/sla/status").asText()).isEqualTo("breached");
        assertThat(pat.at("/sla/overdue").asBoolean()).isTrue();
    }

    @Test
    void an_mql_whose_latest_sla_is_closed_shows_none_running_in_the_queue() {
        add(fixture.acme, met(fixture.pat, T0, T0.plus(Duration.ofHours(2))));

        JsonNode pat = mql(fixture.pat);
        assertThat(pat.has("sla")).isTrue();
        assertThat(pat.path("sla").isNull()).isTrue();
        assertThat(lead(fixture.pat).at("/sla/status").asText()).as("the lead document shows it all the same")
                .isEqualTo("met");
    }

    private JsonNode lead(LeadId lead) {
        Reply reply = Documented.as(client.get("/api/leads/" + lead.value(), fixture.acme.readKey()), "GET",
                "/api/leads/{id}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private JsonNode mql(LeadId lead) {
        Reply reply = Documented.as(client.get("/api/mqls", fixture.acme.readKey()), "GET", "/api/mqls");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return StreamSupport.stream(reply.json().path("items").spliterator(), false)
                .filter(item -> item.path("id").asText().equals(lead.value())).findFirst()
                .orElseThrow(() -> new AssertionError(lead + " is not in the MQL queue: " + reply.body()));
    }
}
