package io.attune.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.core.model.Segment;
import io.attune.core.workspace.Credentials;
import io.attune.core.workspace.Role;
import io.attune.server.support.ApiClient;
import io.attune.server.support.Documented;
import io.attune.server.support.Poll;
import io.attune.server.support.Receiver;
import io.attune.server.support.SegmentMessage;
import io.attune.server.support.ServedStore;
import io.attune.store.Store;
import io.attune.store.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A workspace's classification end to end (issue 4 item 1): set over real HTTP, stored in the
 * engine under test, audited, and applied by the real dispatcher at the next send to receivers on
 * loopback — in that workspace only. A second workspace on the same server keeps the defaults.
 */
abstract class ClassificationContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/api/privacy/classification";
    /** The program name, and page, that only the first workspace classifies. */
    private static final String PROGRAM = "New Dawn";
    private static final String OPEN_HOUSE = "https://www.example.org/open-house/june";

    private ServedStore served;
    private Store store;
    private ApiClient client;
    private Credentials lakeside;
    private Credentials harbor;

    abstract TestDatabase.Engine engine();

    @BeforeEach
    void start() {
        served = ServedStore.start(engine());
        store = served.store();
        client = served.client();
        lakeside = served.credentials();
        harbor = store.workspaces().create("Harbor Health", Segment.CONSUMER, served.clock().instant());
    }

    @AfterEach
    void stop() {
        served.close();
    }

    @Test
    void a_program_name_and_a_page_rule_change_what_analytics_receives_in_that_workspace_only() {
        Receiver lakesideGa4 = served.receiver();
        Receiver harborGa4 = served.receiver();
        analytics(lakeside, lakesideGa4);
        analytics(harbor, harborGa4);
        ApiClient.Reply saved = Documented.as(put(lakeside.adminKey(), Map.of("substanceUseTerms", List.of(PROGRAM),
                "pageRules", List.of(Map.of("rule", "prefix:/open-house", "pageClass", "health_intent")))),
                "PUT", PATH);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        JsonNode read = Documented.as(client.get(PATH, lakeside.adminKey()), "GET", PATH).json();
        assertThat(read.path("substanceUseTerms").get(0).asText()).isEqualTo(PROGRAM);
        assertThat(read.at("/pageRules/0/rule").asText()).isEqualTo("prefix:/open-house");
        assertThat(read.path("weakenings")).isEmpty();
        assertThat(client.get(PATH, harbor.adminKey()).json().path("substanceUseTerms")).isEmpty();

        String conversion = PROGRAM + " family night";
        String lakesideLead = employerMql(lakeside, "dana-ortiz", "northwind.com", Map.of("lastConversion", conversion));
        String harborLead = employerMql(harbor, "dana-ortiz", "northwind.com", Map.of("lastConversion", conversion));

        Receiver.Request redacted = lakesideGa4.next(1).get(0);
        assertThat(new String(redacted.body(), StandardCharsets.UTF_8)).doesNotContain(PROGRAM);
        assertThat(body(redacted).at("/data/fields").has("lastConversion")).isFalse();
        assertThat(redactions(decision(lakeside, message(lakeside, lakesideLead)))).contains(
                "lastConversion removed TRK-06");
        JsonNode unaffected = body(harborGa4.next(1).get(0));
        assertThat(unaffected.at("/data/fields/lastConversion").asText())
                .as("the other workspace does not know the program").isEqualTo(conversion);
        assertThat(redactions(decision(harbor, message(harbor, harborLead))))
                .noneMatch(redaction -> redaction.startsWith("lastConversion"));

        String lakesideVisitor = employerMql(lakeside, "lee-wong", "fabrikam.com", Map.of("pageUrl", OPEN_HOUSE));
        String harborVisitor = employerMql(harbor, "lee-wong", "fabrikam.com", Map.of("pageUrl", OPEN_HOUSE));

        JsonNode blocked = decision(lakeside, message(lakeside, lakesideVisitor));
        assertThat(blocked.path("outcome").asText()).isEqualTo("blocked");
        assertThat(rules(blocked)).contains("TRK-03");
        JsonNode generalised = body(harborGa4.next(1).get(0));
        assertThat(generalised.at("/data/fields/pageUrl").asText()).matches("cg_[0-9a-f]{12}");
        assertThat(decision(harbor, message(harbor, harborVisitor)).path("outcome").asText()).isEqualTo("redacted");
        assertThat(lakesideGa4.unread()).as("nothing from a health-intent page reaches analytics").isEmpty();
    }

    @Test
    void a_weakening_without_acknowledgement_is_refused_naming_the_field_and_an_acknowledged_one_is_audited() {
        put(lakeside.adminKey(), Map.of("healthTerms", List.of("Lakeside Bridge")));
        Map<String, Object> weakening = Map.of(
                "dictionary", List.of(Map.of("property", "intakeAnswers", "dataClass", "technical"),
                        Map.of("property", "programInterest", "dataClass", "medical")),
                "pageRules", List.of(Map.of("rule", "prefix:/locations", "pageClass", "non_health"),
                        Map.of("rule", "prefix:open-house", "pageClass", "health_intent")));

        ApiClient.Reply refused = Documented.problem(put(lakeside.adminKey(), weakening), 400, "invalid-params");

        assertThat(invalidNames(refused)).containsExactlyInAnyOrder("dictionary[0].acknowledgeWeakening",
                "dictionary[1].dataClass", "pageRules[0].acknowledgeWeakening", "pageRules[1].rule");
        assertThat(reason(refused, "dictionary[0].acknowledgeWeakening")).contains("intakeAnswers is health by default");
        assertThat(client.get(PATH, lakeside.adminKey()).json().path("healthTerms").get(0).asText())
                .as("a refused change loses nothing").isEqualTo("Lakeside Bridge");

        ApiClient.Reply accepted = put(lakeside.adminKey(), Map.of(
                "dictionary", List.of(Map.of("property", "intakeAnswers", "dataClass", "technical",
                        "acknowledgeWeakening", true)),
                "pageRules", List.of(Map.of("rule", "prefix:/locations", "pageClass", "non_health",
                        "acknowledgeWeakening", true))));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().path("weakenings")).hasSize(2);

        JsonNode overrides = client.get("/api/audit?action=policy.override", lakeside.adminKey()).json()
                .path("items");
        assertThat(StreamSupport.stream(overrides.spliterator(), false)
                .map(entry -> entry.at("/details/names/0").asText() + " " + entry.at("/details/from/0").asText()
                        + "->" + entry.at("/details/to/0").asText()).toList())
                .containsExactlyInAnyOrder("intakeAnswers health->technical", "prefix:/locations non_health->non_health");
        assertThat(client.get("/api/audit?action=privacy.classification_changed", lakeside.adminKey()).json()
                .path("items")).as("both saves, not the refused one").hasSize(2);

        ApiClient.Reply again = put(lakeside.adminKey(), accepted.json());
        assertThat(again.status()).as("the read-only weakenings may be sent back: %s", again.body()).isEqualTo(200);
        assertThat(client.get("/api/audit?action=policy.override", lakeside.adminKey()).json().path("items"))
                .as("an override already in force is not recorded again").hasSize(2);
        assertThat(client.get("/api/audit?action=policy.override", harbor.adminKey()).json().path("items")).isEmpty();
    }

    @Test
    void only_an_admin_key_changes_the_classification() {
        String reader = store.workspaces().issueApiKey(lakeside.workspace().id(), Role.READ, "reader",
                served.clock().instant());

        Documented.problem(put(reader, Map.of("healthTerms", List.of("Lakeside Bridge"))), 403, "forbidden");
        assertThat(Documented.as(client.get(PATH, reader), "GET", PATH).json().path("healthTerms")).isEmpty();
    }

    @Test
    void a_message_template_is_checked_against_the_workspace_terms_as_they_are_now() {
        Map<String, Object> texts = Map.of("name", "Intake texts", "url", "https://sms.example.com/send",
                "types", List.of("lead.mql"), "kind", "sms", "baa", true, "template", Map.of("sender", "Lakeside",
                        "body", "Lakeside: your " + PROGRAM + " place is ready. Reply STOP to opt out."));
        put(lakeside.adminKey(), Map.of("substanceUseTerms", List.of(PROGRAM)));

        ApiClient.Reply refused = send(lakeside.adminKey(), "PUT", "/api/destinations/texts", texts);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(invalidNames(refused)).contains("template.body");
        assertThat(send(harbor.adminKey(), "PUT", "/api/destinations/texts", texts).status()).isEqualTo(201);

        put(lakeside.adminKey(), Map.of("healthTerms", List.of("Lakeside Bridge")));
        assertThat(send(lakeside.adminKey(), "PUT", "/api/destinations/texts", texts).status())
                .as("a changed classification applies from the next use").isEqualTo(201);
    }

    @Test
    void a_trait_the_workspace_calls_substance_use_stays_out_of_its_consumer_scoring_from_the_next_event() {
        Map<String, Object> traits = Map.of("segment", "consumer", "state", "TX", "age", 34,
                "serviceInterest", "therapy");
        String before = consumer(lakeside, "avery", traits);
        assertThat(put(lakeside.adminKey(), Map.of("dictionary", List.of(Map.of("property", "serviceInterest",
                "dataClass", "substance_use")))).status()).isEqualTo(200);

        String after = consumer(lakeside, "blake", traits);
        String elsewhere = consumer(harbor, "blake", traits);

        assertThat(fit(lakeside, after)).containsExactlyInAnyOrder("licensed_state", "adult");
        assertThat(fit(harbor, elsewhere)).containsExactlyInAnyOrder("licensed_state", "adult",
                "service_line_offered");
        assertThat(fit(lakeside, before)).as("a score keeps what it had until it is re-scored")
                .contains("service_line_offered");
    }

    // --- helpers -----------------------------------------------------------------------------

    private ApiClient.Reply put(String key, Object body) {
        return send(key, "PUT", PATH, body);
    }

    private ApiClient.Reply send(String key, String method, String path, Object body) {
        return client.send(method, path, Map.of("Authorization", "Bearer " + key, "Content-Type",
                "application/json"), bytes(body));
    }

    private void analytics(Credentials workspace, Receiver receiver) {
        ApiClient.Reply reply = send(workspace.adminKey(), "PUT", "/api/destinations/ga4", Map.of("name", "GA4",
                "url", receiver.url().toString(), "types", List.of("lead.mql", "lead.sql"), "kind", "analytics",
                "segments", List.of("employer"), "fields", List.of("lastConversion", "pageUrl", "title",
                        "handoff.segment")));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }

    /** A VP of Benefits at {@code domain} who asks for a demo and books a meeting: an employer MQL. */
    private String employerMql(Credentials workspace, String userId, String domain, Map<String, Object> traits) {
        Map<String, Object> identified = new HashMap<>(traits);
        identified.putAll(Map.of("email", userId + "@" + domain, "title", "VP, Benefits", "segment", "employer"));
        List<Map<String, Object>> events = List.of(Map.of("type", "identify", "traits", identified),
                Map.of("type", "track", "event", "Demo Requested", "properties", Map.of()),
                Map.of("type", "track", "event", "Meeting Booked", "properties", Map.of()));
        Instant at = served.clock().instant().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(10));
        SegmentMessage.batch(client, workspace.writeKey(), SegmentMessage.journey(userId, events, at));
        JsonNode lead = client.get("/api/leads?identity=" + userId, workspace.adminKey()).json().path("items").get(0);
        assertThat(lead.path("stage").asText()).as("the journey makes an MQL: %s", lead).isEqualTo("mql");
        return lead.path("id").asText();
    }

    /** A consumer identified with {@code traits}: the lead's id. */
    private String consumer(Credentials workspace, String userId, Map<String, Object> traits) {
        Map<String, Object> event = Map.of("type", "identify", "messageId", userId + "-identify", "userId", userId,
                "timestamp", served.clock().instant().truncatedTo(ChronoUnit.SECONDS).toString(), "traits", traits);
        String basic = Base64.getEncoder().encodeToString((workspace.writeKey() + ":")
                .getBytes(StandardCharsets.UTF_8));
        ApiClient.Reply reply = client.send("POST", "/v1/batch", Map.of("Authorization", "Basic " + basic,
                "Content-Type", "application/json"), bytes(Map.of("batch", List.of(event))));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return client.get("/api/leads?identity=" + userId, workspace.adminKey()).json().path("items").get(0)
                .path("id").asText();
    }

    /** The fit rules the lead's stored score holds. */
    private List<String> fit(Credentials workspace, String lead) {
        JsonNode document = client.get("/api/leads/" + lead, workspace.adminKey()).json();
        return StreamSupport.stream(document.path("fit").spliterator(), false)
                .map(line -> line.path("rule").asText()).toList();
    }

    /** The lead's only outbox message. */
    private String message(Credentials workspace, String lead) {
        List<String> ids = store.database().jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT message_id FROM outbox WHERE workspace_id = ? AND subject = ? ORDER BY seq")
                .bind(0, workspace.workspace().id().value()).bind(1, lead).mapTo(String.class).list());
        assertThat(ids).as("messages about " + lead).hasSize(1);
        return ids.get(0);
    }

    /** The message's first decision, once it is delivered or blocked. */
    private JsonNode decision(Credentials workspace, String message) {
        return Poll.until(() -> client.get("/api/outbox/" + message, workspace.adminKey()).json(),
                seen -> Set.of("delivered", "blocked").contains(seen.path("status").asText()),
                "message " + message + " delivered or blocked").path("decisions").get(0);
    }

    private static List<String> rules(JsonNode node) {
        return StreamSupport.stream(node.path("rules").spliterator(), false).map(JsonNode::asText).toList();
    }

    /** Each redaction as "field treatment RULE RULE". */
    private static List<String> redactions(JsonNode decision) {
        return StreamSupport.stream(decision.path("redactions").spliterator(), false)
                .map(redaction -> redaction.path("field").asText() + " " + redaction.path("treatment").asText() + " "
                        + String.join(" ", rules(redaction)))
                .toList();
    }

    private static List<String> invalidNames(ApiClient.Reply reply) {
        return StreamSupport.stream(reply.json().path("invalid-params").spliterator(), false)
                .map(param -> param.path("name").asText()).toList();
    }

    private static String reason(ApiClient.Reply reply, String name) {
        return StreamSupport.stream(reply.json().path("invalid-params").spliterator(), false)
                .filter(param -> param.path("name").asText().equals(name))
                .map(param -> param.path("reason").asText()).findFirst().orElseThrow();
    }

    private static JsonNode body(Receiver.Request request) {
        try {
            return JSON.readTree(request.body());
        } catch (IOException e) {
            throw new AssertionError("the body is not JSON", e);
        }
    }

    private static byte[] bytes(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
