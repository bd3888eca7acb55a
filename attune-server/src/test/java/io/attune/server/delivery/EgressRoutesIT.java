package io.attune.server.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.attune.core.audit.AuditAction;
import io.attune.core.audit.AuditEntry;
import io.attune.core.audit.AuditSubject;
import io.attune.core.egress.EgressRecord;
import io.attune.core.egress.EgressRecord.Outcome;
import io.attune.core.egress.EgressRule;
import io.attune.core.egress.Redaction;
import io.attune.core.handoff.DestinationId;
import io.attune.core.handoff.HandOffType;
import io.attune.core.identity.LeadId;
import io.attune.core.privacy.DataClass;
import io.attune.core.workspace.WorkspaceId;
import io.attune.server.support.ApiClient;
import io.attune.server.support.ApiClient.Reply;
import io.attune.server.support.ApiFixture;
import io.attune.server.support.Documented;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The egress decisions over HTTP, over the in-memory log: listed for admins, filtered, paged, and their reads audited. */
class EgressRoutesIT {
    private static final Instant AT = ApiFixture.T0;

    private final ApiFixture fixture = new ApiFixture();
    private final ApiFixture.Running running = fixture.start();
    private final ApiClient client = running.client();

    @BeforeEach
    void decide() {
        WorkspaceId acme = fixture.acme.id();
        record(acme, "msg_1", "intake", fixture.pat, 0, Outcome.SENT, Set.of(), List.of(), Optional.empty());
        record(acme, "msg_2", "meta", fixture.pat, 1, Outcome.BLOCKED, Set.of(EgressRule.USE_01, EgressRule.TRK_08),
                List.of(), Optional.of("a consumer lead's status is health information (USE-01)"));
        record(acme, "msg_3", "crm", fixture.casey, 2, Outcome.REDACTED, Set.of(EgressRule.TRK_01), List.of(
                new Redaction("insurance", DataClass.HEALTH, Redaction.Treatment.REMOVED, Set.of(EgressRule.TRK_01))),
                Optional.empty());
        record(fixture.globex.id(), "msg_9", "meta", fixture.rival, 3, Outcome.BLOCKED, Set.of(EgressRule.USE_01),
                List.of(), Optional.of("never to advertising (USE-01)"));
    }

    @AfterEach
    void stop() {
        running.close();
    }

    private void record(WorkspaceId workspace, String message, String destination, LeadId lead, int second,
            Outcome outcome, Set<EgressRule> rules, List<Redaction> redactions, Optional<String> reason) {
        fixture.store.egress().record(new EgressRecord(workspace, message, new DestinationId(destination),
                lead.value(), HandOffType.LEAD_MQL, 1, AT.plusSeconds(second), outcome, rules, redactions, reason));
    }

    private Reply list(String query, String key) {
        return Documented.as(client.get("/api/egress/decisions" + query, key), "GET", "/api/egress/decisions");
    }

    private static List<String> messages(Reply reply) {
        return StreamSupport.stream(reply.json().path("items").spliterator(), false)
                .map(item -> item.path("message").asText()).toList();
    }

    @Test
    void an_admin_lists_the_workspace_s_decisions_oldest_first_with_rule_ids_and_field_names_only() {
        Reply reply = list("", fixture.acme.adminKey());

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(messages(reply)).containsExactly("msg_1", "msg_2", "msg_3");
        JsonNode blocked = reply.json().path("items").get(1);
        assertThat(blocked.path("outcome").asText()).isEqualTo("blocked");
        assertThat(blocked.path("destination").asText()).isEqualTo("meta");
        assertThat(blocked.path("lead").asText()).isEqualTo(fixture.pat.value());
        assertThat(blocked.path("rules")).extracting(JsonNode::asText).containsExactly("TRK-08", "USE-01");
        assertThat(blocked.path("reason").asText()).contains("USE-01");
        JsonNode redacted = reply.json().path("items").get(2);
        assertThat(redacted.at("/redactions/0/field").asText()).isEqualTo("insurance");
        assertThat(redacted.at("/redactions/0/rules/0").asText()).isEqualTo("TRK-01");
    }

    @Test
    void decisions_are_filtered_by_destination_outcome_and_time_and_paged() {
        String admin = fixture.acme.adminKey();

        assertThat(messages(list("?destination=meta", admin))).containsExactly("msg_2");
        assertThat(messages(list("?outcome=redacted", admin))).containsExactly("msg_3");
        assertThat(messages(list("?since=" + AT.plusSeconds(1), admin))).containsExactly("msg_2", "msg_3");
        Reply first = list("?limit=2", admin);
        assertThat(messages(first)).containsExactly("msg_1", "msg_2");
        Reply second = list("?limit=2&cursor=" + first.json().path("next").asText(), admin);
        assertThat(messages(second)).containsExactly("msg_3");
        assertThat(second.json().path("next").isNull() || second.json().path("next").isMissingNode()).isTrue();
    }

    @Test
    void reading_decisions_is_recorded_per_lead_before_the_answer() {
        list("?destination=meta", fixture.acme.adminKey());

        List<AuditEntry> reads = fixture.store.audit().all(fixture.acme.id()).stream()
                .filter(entry -> entry.action().equals(AuditAction.PHI_READ)).toList();
        assertThat(reads).extracting(entry -> entry.subject().orElseThrow())
                .containsExactly(AuditSubject.lead(fixture.pat));
        assertThat(reads.get(0).details().get("route")).containsExactly("GET /api/egress/decisions");
    }

    @Test
    void bad_filters_are_named_and_a_read_key_is_refused() {
        Reply bad = client.get("/api/egress/decisions?outcome=maybe&destination=Meta!&since=yesterday&colour=red",
                fixture.acme.adminKey());
        Documented.problem(bad, 400, "invalid-params");
        assertThat(StreamSupport.stream(bad.json().path("invalid-params").spliterator(), false)
                .map(param -> param.path("name").asText()).toList())
                .containsExactlyInAnyOrder("outcome", "destination", "since", "colour");

        Documented.problem(client.get("/api/egress/decisions?cursor=bm90LW91cnM", fixture.acme.adminKey()), 400,
                "invalid-params");
        Documented.problem(client.get("/api/egress/decisions", fixture.acme.readKey()), 403, "forbidden");
        assertThat(messages(list("", fixture.globex.adminKey()))).containsExactly("msg_9");
    }
}
