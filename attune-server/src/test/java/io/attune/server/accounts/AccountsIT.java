package io.attune.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.attune.core.account.AccountId;
import io.attune.server.support.ApiClient;
import io.attune.server.support.ApiClient.Reply;
import io.attune.server.support.ApiFixture;
import io.attune.server.support.Documented;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountsIT {
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
        Reply reply = Documented.as(get("/api/accounts" + query), "GET", "/api/accounts");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        reply.json().path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    @Test
    void accounts_list_in_id_order_and_filter_by_mqa() {
        List<String> both = Stream.of(fixture.acmeAccount, fixture.rivalAccount).map(AccountId::value).sorted().toList();
        assertThat(ids("")).containsExactlyElementsOf(both);
        assertThat(ids("?mqa=true")).containsExactly(fixture.acmeAccount.value());
        assertThat(ids("?mqa=false")).containsExactly(fixture.rivalAccount.value());
    }

    @Test
    void pagination_walks_every_account_once() {
        List<String> seen = new ArrayList<>();
        String query = "?limit=1";
        for (int page = 0; page < 10; page++) {
            JsonNode body = Documented.as(get("/api/accounts" + query), "GET", "/api/accounts").json();
            body.path("items").forEach(item -> seen.add(item.path("id").asText()));
            if (body.path("next").isNull()) {
                break;
            }
            query = "?limit=1&cursor=" + URLEncoder.encode(body.path("next").asText(), StandardCharsets.UTF_8);
        }
        assertThat(seen).containsExactlyElementsOf(
                Stream.of(fixture.acmeAccount, fixture.rivalAccount).map(AccountId::value).sorted().toList());
    }

    @Test
    void an_account_reads_its_score_now_with_committee_coverage_and_contacts() {
        Reply reply = Documented.as(get("/api/accounts/" + fixture.acmeAccount.value()), "GET", "/api/accounts/{id}");
        JsonNode acme = reply.json();
        assertThat(acme.path("name").asText()).isEqualTo("Acme Corp");
        assertThat(acme.path("groupId").asText()).isEqualTo("acme");
        assertThat(acme.path("domain").asText()).isEqualTo("acme-corp.com");
        assertThat(acme.path("mqa").asBoolean()).isTrue();
        assertThat(acme.at("/score/fit").asDouble()).isEqualTo(20);
        assertThat(acme.at("/score/engagement").asDouble()).isEqualTo(41.25);
        assertThat(acme.at("/score/coverage").asDouble()).isEqualTo(15);
        assertThat(acme.at("/score/total").asDouble()).isEqualTo(76.25);
        assertThat(acme.at("/score/qualifies").asBoolean()).isTrue();
        assertThat(acme.at("/score/threshold").asDouble()).isEqualTo(60);
        assertThat(acme.at("/fit/0/rule").asText()).isEqualTo("acct_large");
        assertThat(acme.at("/fit/0/description").asText()).isEqualTo("1,000 or more employees");
        assertThat(acme.at("/committee/engaged/0/role").asText()).isEqualTo("benefits_leader");
        assertThat(acme.at("/committee/engaged/0/lastEngaged").asText()).isEqualTo(ApiFixture.T0.toString());
        assertThat(acme.at("/committee/missing")).extracting(JsonNode::asText).containsExactly("finance");
        assertThat(acme.path("contacts")).hasSize(1);
        assertThat(acme.at("/contacts/0/id").asText()).isEqualTo(fixture.pat.value());
        assertThat(acme.at("/contacts/0/total").asDouble()).isEqualTo(61.25);
        assertThat(acme.at("/contacts/0/qualified").asBoolean()).isTrue();
        assertThat(acme.at("/traits/employees").asInt()).isEqualTo(2000);
    }

    @Test
    void an_account_that_never_qualified_shows_what_it_misses() {
        JsonNode rival = Documented.as(get("/api/accounts/" + fixture.rivalAccount.value()), "GET",
                "/api/accounts/{id}").json();
        assertThat(rival.path("mqa").asBoolean()).isFalse();
        assertThat(rival.path("name").isNull()).isTrue();
        assertThat(rival.path("domain").asText()).isEqualTo("rival.com");
        assertThat(rival.at("/committee/engaged")).isEmpty();
        assertThat(rival.at("/committee/missing")).extracting(JsonNode::asText)
                .containsExactly("benefits_leader", "finance");
        assertThat(rival.at("/contacts/0/stage").asText()).isEqualTo("disqualified");
        assertThat(rival.at("/contacts/0/qualified").asBoolean()).isFalse();
    }

    @Test
    void unknown_and_malformed_account_ids_are_404_and_a_bad_filter_is_400() {
        Documented.problem(get("/api/accounts/ac_000000000000000000000000"), 404, "not-found");
        Documented.problem(get("/api/accounts/acme"), 404, "not-found");
        Reply bad = Documented.problem(get("/api/accounts?mqa=maybe&limit=-1"), 400, "invalid-params");
        assertThat(bad.json().path("invalid-params")).extracting(p -> p.path("name").asText())
                .containsExactlyInAnyOrder("mqa", "limit");
    }
}
