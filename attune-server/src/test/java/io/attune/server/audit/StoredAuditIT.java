package io.attune.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.attune.core.identity.Identity;
import io.attune.core.identity.IdentityKind;
import io.attune.core.identity.LeadId;
import io.attune.core.workspace.Credentials;
import io.attune.server.support.ApiClient;
import io.attune.server.support.ApiClient.Reply;
import io.attune.server.support.Poll;
import io.attune.server.support.ServedStore;
import io.attune.store.Store;
import io.attune.store.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server as wired for production, over a SQLite store: a read of a lead through the API lands in
 * the stored, chained log, and a row changed behind the server's back is named by {@code /api/audit/verify}.
 */
class StoredAuditIT {
    private ServedStore served;
    private Store store;
    private ApiClient client;
    private Credentials credentials;

    @BeforeEach
    void start() {
        served = ServedStore.start(TestDatabase.Engine.SQLITE);
        store = served.store();
        credentials = served.credentials();
        client = served.client();
    }

    @AfterEach
    void stop() {
        served.close();
    }

    @Test
    void a_read_through_the_api_is_stored_chained_and_a_later_edit_is_named_by_verify() {
        LeadId lead = identified("patient-7");

        for (int i = 0; i < 3; i++) {
            Reply reply = client.get("/api/leads/" + lead.value(), credentials.adminKey());
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        }

        JsonNode entries = api("/api/audit?subject=lead:" + lead.value()).path("items");
        assertThat(entries).hasSize(3);
        assertThat(entries.get(0).path("actor").asText()).startsWith("key:");
        assertThat(entries.get(2).path("previousHash").asText()).isEqualTo(entries.get(1).path("hash").asText());
        JsonNode intact = api("/api/audit/verify");
        assertThat(intact.path("intact").asBoolean()).isTrue();
        assertThat(intact.at("/head/sequence").asLong()).isEqualTo(3);

        store.database().jdbi().useHandle(handle -> handle.execute(
                "UPDATE audit_log SET actor = 'key:someone-else' WHERE workspace_id = ? AND seq = 2",
                credentials.workspace().id().value()));

        JsonNode broken = api("/api/audit/verify");
        assertThat(broken.path("intact").asBoolean()).isFalse();
        assertThat(broken.at("/broken/sequence").asLong()).isEqualTo(2);
        assertThat(broken.at("/broken/problem").asText()).isEqualTo("edited");
        assertThat(broken.path("checked").asLong()).isEqualTo(1);
    }

    /** Sends an identify for {@code userId} and waits until the writer has made its lead. */
    private LeadId identified(String userId) {
        String basic = Base64.getEncoder().encodeToString((credentials.writeKey() + ":")
                .getBytes(StandardCharsets.UTF_8));
        Reply reply = client.send("POST", "/v1/identify", Map.of("Authorization", "Basic " + basic,
                "Content-Type", "application/json"), """
                {"userId":"%s","messageId":"m-%s","traits":{"email":"jordan.lee@gmail.com","state":"CA"}}"""
                .formatted(userId, userId).getBytes(StandardCharsets.UTF_8));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        LeadId lead = LeadId.derivedFrom(credentials.workspace().id(), new Identity(IdentityKind.USER_ID, userId));
        Poll.until(() -> store.queries().lead(credentials.workspace().id(), lead), java.util.Optional::isPresent,
                "the lead written");
        return lead;
    }

    private JsonNode api(String path) {
        Reply reply = client.get(path, credentials.adminKey());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }
}
