package io.attune.server.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.core.egress.Part2Notice;
import io.attune.core.workspace.Credentials;
import io.attune.server.support.ApiClient;
import io.attune.server.support.Poll;
import io.attune.server.support.Receiver;
import io.attune.server.support.SegmentMessage;
import io.attune.server.support.ServedStore;
import io.attune.store.Store;
import io.attune.store.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The enforcement cases of RULES.md §15, end to end: events arrive over real HTTP ingestion
 * ({@code POST /v1/batch}), the store makes the leads MQLs and writes their hand-offs to the outbox, and
 * the real dispatcher applies each destination's egress policy before it sends to receivers on loopback.
 * What each receiver gets — and what it never gets — is read from the bytes it received; every decision
 * is read back from the API and the audit log with its rule ids.
 */
abstract class EgressEnforcementContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private ServedStore served;
    private Clock clock;
    private Store store;
    private ApiClient client;
    private Credentials credentials;

    abstract TestDatabase.Engine engine();

    @BeforeEach
    void start() {
        served = ServedStore.start(engine());
        clock = served.clock();
        store = served.store();
        credentials = served.credentials();
        client = served.client();
    }

    @AfterEach
    void stop() {
        served.close();
    }

    /**
     * FTC BetterHelp (§15 #1): intake answers and emails reached Facebook, Snapchat, Criteo and Pinterest.
     * The same consumer's MQL goes whole to the intake team under its BAA; the ad platform — even with
     * every one of those fields on its list — and a CRM that never declared a BAA get nothing.
     */
    @Test
    void betterhelp_intake_answers_and_emails_reach_the_baa_intake_team_and_never_an_ad_platform() {
        Receiver intake = receiver();
        Receiver meta = receiver();
        Receiver crm = receiver();
        destination("intake", intake, Map.of("kind", "intake", "baa", true,
                "fields", List.of("email", "previouslyInTherapy", "intakeAnswers")));
        destination("meta", meta, Map.of("kind", "ad_platform", "fields", List.of("email", "previouslyInTherapy",
                "intakeAnswers", "handoff.lead", "handoff.stage")));
        destination("legacy-crm", crm, Map.of("kind", "crm", "fields", List.of("email")));

        String lead = consumerMql("jo-rivera", Map.of("email", "jo.rivera@fastmail.com", "previouslyInTherapy", true,
                "intakeAnswers", Map.of("reason", "low mood since the spring", "medication", "sertraline")));

        JsonNode delivered = body(intake.next(1).get(0));
        assertThat(delivered.path("subject").asText()).isEqualTo(lead);
        assertThat(delivered.path("data").path("stage").asText()).isEqualTo("mql");
        assertThat(delivered.path("data").path("fields").path("email").asText()).isEqualTo("jo.rivera@fastmail.com");
        assertThat(delivered.path("data").path("fields").path("previouslyInTherapy").asBoolean()).isTrue();
        assertThat(delivered.at("/data/fields/intakeAnswers/medication").asText()).isEqualTo("sertraline");
        assertThat(decision(message("intake"), 0).path("outcome").asText()).isEqualTo("sent");

        JsonNode refused = awaitStatus(message("meta"), "blocked");
        assertThat(refused.path("attempts")).as("nothing was sent").isEmpty();
        assertThat(rules(refused.path("decisions").get(0))).containsExactly("TRK-08", "USE-01");
        assertThat(rules(awaitStatus(message("legacy-crm"), "blocked").path("decisions").get(0)))
                .containsExactly("TRK-02");
        assertThat(meta.unread()).as("the ad platform never hears of the lead").isEmpty();
        assertThat(crm.unread()).as("nor does a CRM without a BAA").isEmpty();
    }

    /**
     * FTC/DOJ Monument (§15 #3): custom events named "Paid: Weekly Therapy" went to Meta and Google with
     * identifiers. A benefits leader's hand-off may reach analytics, but a value that names a service, the
     * qualification reasons and the lead id do not: the id leaves as a rotating pseudonym.
     */
    @Test
    void monument_descriptive_names_and_identifiers_never_reach_analytics() {
        Receiver ga4 = receiver();
        destination("ga4", ga4, Map.of("kind", "analytics", "segments", List.of("employer"),
                "fields", List.of("handoff.lead", "handoff.segment", "handoff.reasons", "lastConversion", "title")));

        String lead = employerMql("dana-ortiz", "northwind-logistics.com",
                Map.of("lastConversion", "Paid: Weekly Therapy"));

        Receiver.Request request = ga4.next(1).get(0);
        JsonNode event = body(request);
        String text = new String(request.body(), StandardCharsets.UTF_8);
        assertThat(event.path("subject").asText()).startsWith("psn_").isEqualTo(event.at("/data/lead").asText());
        assertThat(event.at("/data/segment").asText()).isEqualTo("employer");
        assertThat(event.at("/data/fields").properties()).extracting(Map.Entry::getKey).containsExactly("title");
        assertThat(event.path("data").has("reasons")).isFalse();
        assertThat(text).doesNotContainIgnoringCase("therapy").doesNotContain(lead).doesNotContain("dana-ortiz");
        JsonNode decision = decision(message("ga4"), 0);
        assertThat(decision.path("outcome").asText()).isEqualTo("redacted");
        assertThat(redactions(decision)).contains("handoff.lead pseudonymised TRK-05", "handoff.reasons removed TRK-08",
                "lastConversion removed TRK-06", "handoff.score removed TRK-01 TRK-08");
        assertThat(rules(decision)).containsExactly("TRK-01", "TRK-05", "TRK-06", "TRK-08");
    }

    /**
     * NY AG v. NewYork-Presbyterian (§15 #6): URLs with condition search terms went to Meta and Google. A
     * consumer who came from a find-a-therapist search is never handed to the ad platform (the page is
     * health intent), and a benefits leader's pages reach analytics only as opaque content groups.
     */
    @Test
    void newyork_presbyterian_condition_terms_in_urls_leave_only_as_content_groups() {
        Receiver meta = receiver();
        Receiver ga4 = receiver();
        destination("meta", meta, Map.of("kind", "ad_platform", "segments", List.of("consumer"),
                "fields", List.of("pageUrl", "handoff.segment")));
        destination("ga4", ga4, Map.of("kind", "analytics", "segments", List.of("employer"),
                "fields", List.of("pageUrl", "referrer", "gclid", "handoff.segment")));

        consumerMql("sam-lee", Map.of("email", "sam.lee@fastmail.com",
                "pageUrl", "https://www.example.org/find-a-therapist?condition=ptsd"));
        assertThat(rules(awaitStatus(message("meta"), "blocked").path("decisions").get(0)))
                .contains("TRK-03", "USE-01");
        employerMql("lee-wong", "fabrikam.com", Map.of(
                "pageUrl", "https://www.example.org/conditions/ptsd?gclid=Cj0KCQabc123",
                "referrer", "https://www.example.org/find-a-therapist?condition=ptsd"));

        Receiver.Request request = ga4.next(1).get(0);
        JsonNode fields = body(request).at("/data/fields");
        assertThat(fields.properties()).extracting(Map.Entry::getKey).containsExactlyInAnyOrder("pageUrl", "referrer");
        assertThat(fields.path("pageUrl").asText()).matches("cg_[0-9a-f]{12}");
        assertThat(fields.path("referrer").asText()).matches("cg_[0-9a-f]{12}");
        assertThat(new String(request.body(), StandardCharsets.UTF_8)).doesNotContainIgnoringCase("ptsd")
                .doesNotContain("therapist").doesNotContain("Cj0KCQabc123").doesNotContain("conditions");
        assertThat(redactions(decision(message("ga4"), 0))).contains("pageUrl generalised TRK-04",
                "referrer generalised TRK-04");
        assertThat(meta.unread()).isEmpty();
    }

    /**
     * FTC v. R360 (§15 #5): addiction-treatment callers were routed to centres that paid per admission. A
     * lead with substance-use data — known from all of its traits, though the partners list none of them —
     * is never handed to a partner paid per admission, even with every consent; an unpaid partner named in
     * the lead's share and Part 2 consents gets only its fields, until the lead revokes sharing.
     */
    @Test
    void r360_a_substance_use_lead_never_reaches_a_partner_paid_per_admission() {
        Receiver hillside = receiver();
        Receiver harbor = receiver();
        destination("hillside", hillside, Map.of("kind", "referral_partner", "baa", true, "part2Agreement", true,
                "remuneration", "per_admission", "fields", List.of("firstName", "phone")));
        destination("harbor", harbor, Map.of("kind", "referral_partner", "baa", true, "part2Agreement", true,
                "fields", List.of("firstName", "phone")));

        String lead = consumerMql("ray-m", Map.of("firstName", "Ray", "phone", "+15555550100",
                "drugOfChoice", "opioids", "consent", Map.of(
                        "share_chd", List.of(consent("hillside"), consent("harbor")),
                        "part2_written_consent", List.of(part2Consent("hillside"), part2Consent("harbor")))));

        JsonNode paid = awaitStatus(message("hillside"), "blocked");
        assertThat(rules(paid.path("decisions").get(0))).containsExactly("USE-04", "SUD-04");
        assertThat(paid.at("/decisions/0/reason").asText()).contains("per lead, call, admission or revenue share");
        Receiver.Request request = harbor.next(1).get(0);
        assertThat(body(request).at("/data/fields").properties()).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("firstName", "phone");
        assertThat(new String(request.body(), StandardCharsets.UTF_8)).doesNotContainIgnoringCase("opioid");
        awaitStatus(body(request).path("id").asText(), "delivered");

        ApiClient.Reply revoked = post("/api/leads/" + lead + "/consents", Map.of("purpose", "share_chd",
                "granted", false, "method", "verbal", "user", "front-desk-2"));
        assertThat(revoked.status()).as(revoked.body()).isIn(200, 201);
        ApiClient.Reply accepted = post("/api/leads/" + lead + "/accept", Map.of("budget", "self-pay",
                "authority", "self", "need", "outpatient care", "timeline", "this month", "user", "intake-1"));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);

        String sql = messages("harbor").stream().filter(id -> !id.equals(body(request).path("id").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no lead.sql for harbor"));
        assertThat(rules(awaitStatus(sql, "blocked").path("decisions").get(0))).containsExactly("USE-02");
        assertThat(hillside.unread()).isEmpty();
        assertThat(harbor.unread()).as("the revocation stopped the next send").isEmpty();
    }

    /**
     * 42 CFR §2.32 (SUD-02): a hand-off of a substance-use lead, let out under a Part 2 consent with every
     * element to a partner with a Part 2 agreement, carries the notice in its body; a hand-off of a lead
     * without substance-use data to the same partner carries none.
     */
    @Test
    void a_part_2_disclosure_carries_the_section_2_32_notice_and_no_other_hand_off_does() {
        Receiver harbor = receiver();
        destination("harbor", harbor, Map.of("kind", "referral_partner", "baa", true, "part2Agreement", true,
                "fields", List.of("firstName", "phone")));

        consumerMql("sam-k", Map.of("firstName", "Sam", "phone", "+15555550101", "drugOfChoice", "alcohol",
                "consent", Map.of("share_chd", consent("harbor"), "part2_written_consent", part2Consent("harbor"))));
        JsonNode disclosure = body(harbor.next(1).get(0));
        consumerMql("lee-p", Map.of("firstName", "Lee", "phone", "+15555550102",
                "consent", Map.of("share_chd", consent("harbor"))));
        JsonNode ordinary = body(harbor.next(1).get(0));

        assertThat(disclosure.at("/data/fields/firstName").asText()).isEqualTo("Sam");
        assertThat(disclosure.at("/data/part2Notice").asText()).isEqualTo(Part2Notice.TEXT)
                .startsWith("This record which has been disclosed to you is protected by Federal confidentiality"
                        + " rules (42 CFR part 2)");
        assertThat(disclosure.at("/data/fields").has(Part2Notice.FIELD)).isFalse();
        assertThat(ordinary.at("/data/fields/firstName").asText()).isEqualTo("Lee");
        assertThat(ordinary.path("data").has("part2Notice")).isFalse();
        assertThat(harbor.unread()).isEmpty();
    }

    /**
     * TRK-01 and USE-10: a trait the destination does not list never reaches it, and a sensitive one never
     * leaves even when listed; every decision is recorded with its rule ids, in the decision log and as an
     * {@code egress.decided} audit entry naming the fields — never their values.
     */
    @Test
    void what_a_destination_does_not_list_never_reaches_it_and_every_decision_is_recorded() {
        Receiver intake = receiver();
        destination("intake", intake, Map.of("kind", "intake", "baa", true, "fields", List.of("email", "religion")));

        String lead = consumerMql("pat-k", Map.of("email", "pat.k@fastmail.com", "religion", "Quaker",
                "insurance", "Aetna PPO", "diagnosis", "generalized anxiety"));

        Receiver.Request request = intake.next(1).get(0);
        assertThat(body(request).at("/data/fields").properties()).extracting(Map.Entry::getKey)
                .containsExactly("email");
        assertThat(new String(request.body(), StandardCharsets.UTF_8)).doesNotContain("Quaker").doesNotContain("Aetna")
                .doesNotContain("anxiety").doesNotContain("religion").doesNotContain("diagnosis");
        String id = message("intake");
        awaitStatus(id, "delivered");

        JsonNode listed = api("/api/egress/decisions?destination=intake").path("items");
        assertThat(listed).singleElement().satisfies(decision -> {
            assertThat(decision.path("message").asText()).isEqualTo(id);
            assertThat(decision.path("lead").asText()).isEqualTo(lead);
            assertThat(decision.path("outcome").asText()).isEqualTo("redacted");
            assertThat(rules(decision)).containsExactly("USE-10");
            assertThat(redactions(decision)).containsExactly("religion removed USE-10");
        });
        JsonNode audited = api("/api/audit?action=egress.decided&subject=lead:" + lead).path("items");
        assertThat(audited).singleElement().satisfies(entry -> {
            assertThat(entry.path("actor").asText()).isEqualTo("system:dispatcher");
            assertThat(entry.at("/details/message/0").asText()).isEqualTo(id);
            assertThat(entry.at("/details/destination/0").asText()).isEqualTo("intake");
            assertThat(entry.at("/details/outcome/0").asText()).isEqualTo("redacted");
            assertThat(entry.at("/details/rules/0").asText()).isEqualTo("USE-10");
            assertThat(entry.at("/details/redacted/0").asText()).isEqualTo("religion:removed");
            assertThat(entry.toString()).doesNotContain("Quaker").doesNotContain("pat.k@");
        });
    }

    // --- the journeys -------------------------------------------------------------------------------

    /**
     * A consumer in California who checks their insurance, starts intake and books an appointment, which
     * makes an MQL; {@code traits} join the identify call. Answers the lead's id once each of its
     * hand-offs is decided (delivered or blocked), so that the next journey starts from a quiet outbox.
     */
    /**
     * TCPA-01/02 (§15 #12): a marketing text goes only under prior express written consent naming the
     * organisation, and only between 08:00 and 20:00 where the person is; at night it is held, not
     * dropped. The people here give their time zone and no state, so no state adds zones.
     */
    @Test
    void a_text_needs_consent_naming_the_organisation_and_waits_for_the_morning() {
        Receiver texts = receiver();
        destination("texts", texts, Map.of("kind", "sms", "baa", true, "fields", List.of("phone")));

        String day = textable("sam-day", zoneAtHour(12), Optional.of("Lakeside Counseling"));
        String night = textable("ana-night", zoneAtHour(3), Optional.of("Lakeside Counseling"));
        String vendor = textable("lee-vendor", zoneAtHour(12), Optional.of("Lead Vendor LLC"));

        assertThat(body(texts.next(1).get(0)).path("subject").asText()).isEqualTo(day);
        JsonNode held = api("/api/outbox/" + messageOf(night, "texts"));
        assertThat(held.path("status").asText()).as("held, not dropped").isEqualTo("pending");
        assertThat(held.path("decisions").get(0).path("outcome").asText()).isEqualTo("held");
        assertThat(rules(held.path("decisions").get(0))).containsExactly("TCPA-02");
        assertThat(rules(awaitStatus(messageOf(vendor, "texts"), "blocked").path("decisions").get(0)))
                .as("another seller's consent does not do").containsExactly("TCPA-01");
        assertThat(texts.unread()).isEmpty();
    }

    /** EMAIL-02: an address that opted out gets no marketing email; one that did not, does. */
    @Test
    void an_address_that_opted_out_gets_no_marketing_email() {
        Receiver mail = receiver();
        destination("newsletter", mail, Map.of("kind", "email", "baa", true, "fields", List.of("email")));

        String optedOut = consumerMql("kim-out", Map.of("email", "kim.lee@fastmail.com", "consent", Map.of(
                "email_marketing", Map.of("granted", false, "method", "web_form"))));
        String subscribed = consumerMql("ray-in", Map.of("email", "ray.ortiz@fastmail.com"));

        assertThat(body(mail.next(1).get(0)).path("subject").asText()).isEqualTo(subscribed);
        assertThat(rules(awaitStatus(messageOf(optedOut, "newsletter"), "blocked").path("decisions").get(0)))
                .containsExactly("EMAIL-02");
        assertThat(mail.unread()).isEmpty();
    }

    /**
     * A consumer who gave a time zone and no state (so no state's zones join the candidates), consent to
     * collect (an unknown state is held to the strictest law) and, if a seller is named, to marketing texts.
     */
    private String textable(String userId, ZoneId zone, Optional<String> seller) {
        Map<String, Object> consents = new HashMap<>(Map.of("collect_chd", Map.of("granted", true, "method",
                "web_form", "text", "I agree that Lakeside Counseling may use my health information to help me find"
                        + " care.")));
        seller.ifPresent(name -> consents.put("tcpa_pewc", Map.of("granted", true, "channel", "sms", "recipient", name,
                "method", "web_form", "text", "I agree that " + name + " may send me marketing texts using automated"
                        + " technology. Consent is not a condition of purchase.")));
        return consumerJourney(userId, Map.of("email", userId + "@fastmail.com", "phone", "+1 416 555 0100", "age", 34,
                "timezone", zone.getId(), "insuranceInNetwork", true, "paymentMethod", "self_pay",
                "preferredLanguage", "en", "consent", consents));
    }

    /** A fixed-offset zone where the hour now is {@code hour} (give or take the minutes). */
    private ZoneId zoneAtHour(int hour) {
        for (int offset = -12; offset <= 14; offset++) {
            ZoneId zone = ZoneOffset.ofHours(offset);
            if (clock.instant().atZone(zone).getHour() == hour) {
                return zone;
            }
        }
        throw new AssertionError("some offset has every hour");
    }

    private String messageOf(String lead, String destination) {
        List<String> ids = store.database().jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT message_id FROM outbox WHERE subject = ? AND destination_id = ? ORDER BY seq")
                .bind(0, lead).bind(1, destination).mapTo(String.class).list());
        assertThat(ids).as("messages about " + lead + " for " + destination).hasSize(1);
        return ids.get(0);
    }

    private String consumerMql(String userId, Map<String, Object> traits) {
        Map<String, Object> identified = new HashMap<>(traits);
        identified.putIfAbsent("state", "CA");
        identified.putIfAbsent("age", 34);
        return consumerJourney(userId, identified);
    }

    /** The consumer journey to an MQL, identified by exactly {@code identified}. */
    private String consumerJourney(String userId, Map<String, Object> identified) {
        return qualify(userId, List.of(
                Map.of("type", "page", "properties", Map.of("path", "/insurance",
                        "url", "https://care.example.com/insurance")),
                track("Insurance Check Completed", Map.of("plan", "PPO")),
                Map.of("type", "identify", "traits", identified),
                track("Intake Started", Map.of()),
                track("Appointment Booked", Map.of())));
    }

    /** A VP of Benefits at {@code domain} who asks for a demo and books a meeting: an employer MQL. */
    private String employerMql(String userId, String domain, Map<String, Object> traits) {
        Map<String, Object> identified = new HashMap<>(traits);
        identified.putAll(Map.of("email", userId + "@" + domain, "title", "VP, Benefits", "segment", "employer"));
        return qualify(userId, List.of(Map.of("type", "identify", "traits", identified),
                track("Demo Requested", Map.of()), track("Meeting Booked", Map.of())));
    }

    private static Map<String, Object> track(String event, Map<String, Object> properties) {
        return Map.of("type", "track", "event", event, "properties", properties);
    }

    private static Map<String, Object> consent(String recipient) {
        return Map.of("granted", true, "recipient", recipient, "method", "e_signature", "version", "share-v2",
                "text", "I agree that Lakeside Counseling may share my contact details and care needs with "
                        + recipient + " so that they can contact me about treatment.");
    }

    private Map<String, Object> part2Consent(String recipient) {
        Map<String, Object> consent = new LinkedHashMap<>(consent(recipient));
        consent.put("text", "I consent to Lakeside Counseling disclosing my name, phone and substance use "
                + "treatment needs to " + recipient + " to arrange treatment. I may revoke this at any time.");
        consent.put("expiresAt", clock.instant().plus(Duration.ofDays(180)).truncatedTo(ChronoUnit.SECONDS)
                .toString());
        consent.put("part2", Map.of("patientName", "Ray M.", "discloser", "Lakeside Counseling", "information",
                "Name, phone and substance use treatment needs", "purpose", "Arranging treatment", "revocable", true,
                "redisclosureStatement", true));
        return consent;
    }

    /** Sends the events of {@code userId}, a minute apart from ten minutes ago; answers the MQL's id. */
    private String qualify(String userId, List<Map<String, Object>> events) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(10));
        SegmentMessage.batch(client, credentials.writeKey(), SegmentMessage.journey(userId, events, at));
        JsonNode lead = api("/api/leads?identity=" + userId).path("items").get(0);
        assertThat(lead.path("stage").asText()).as("the journey makes an MQL: %s", lead).isEqualTo("mql");
        String id = lead.path("id").asText();
        outboxOf(id).forEach(this::awaitDecided);
        return id;
    }

    // --- destinations, the outbox and the API ----------------------------------------------------

    private Receiver receiver() {
        return served.receiver();
    }

    private void destination(String id, Receiver receiver, Map<String, Object> settings) {
        Map<String, Object> body = new HashMap<>(settings);
        body.put("name", "Team " + id);
        body.put("url", receiver.url().toString());
        body.putIfAbsent("types", List.of("lead.mql", "lead.sql"));
        ApiClient.Reply reply = client.send("PUT", "/api/destinations/" + id, headers(), bytes(body));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }

    /** The destination's only message. */
    private String message(String destination) {
        List<String> ids = messages(destination);
        assertThat(ids).as("messages for " + destination).hasSize(1);
        return ids.get(0);
    }

    private List<String> messages(String destination) {
        return store.database().jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT message_id FROM outbox WHERE destination_id = ? ORDER BY seq")
                .bind(0, destination).mapTo(String.class).list());
    }

    private List<String> outboxOf(String lead) {
        return store.database().jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT message_id FROM outbox WHERE subject = ? ORDER BY seq")
                .bind(0, lead).mapTo(String.class).list());
    }

    /** Delivered, blocked, or held for later (still pending, its last decision a hold). */
    private void awaitDecided(String id) {
        await(id, message -> Set.of("delivered", "blocked").contains(message.path("status").asText())
                || held(message), "delivered, blocked or held");
    }

    private static boolean held(JsonNode message) {
        JsonNode decisions = message.path("decisions");
        return decisions.size() > 0 && decisions.get(decisions.size() - 1).path("outcome").asText().equals("held");
    }

    private JsonNode awaitStatus(String id, String status) {
        return await(id, message -> message.path("status").asText().equals(status), status);
    }

    private JsonNode await(String id, Predicate<JsonNode> done, String expected) {
        return Poll.until(() -> api("/api/outbox/" + id), done, "message " + id + " " + expected);
    }

    private JsonNode decision(String message, int index) {
        awaitDecided(message);
        return api("/api/outbox/" + message).path("decisions").get(index);
    }

    private static List<String> rules(JsonNode decision) {
        return StreamSupport.stream(decision.path("rules").spliterator(), false).map(JsonNode::asText).toList();
    }

    /** Each redaction as "field treatment RULE RULE". */
    private static List<String> redactions(JsonNode decision) {
        return StreamSupport.stream(decision.path("redactions").spliterator(), false)
                .map(redaction -> redaction.path("field").asText() + " " + redaction.path("treatment").asText() + " "
                        + String.join(" ", rules(redaction)))
                .toList();
    }

    private static JsonNode body(Receiver.Request request) {
        try {
            return JSON.readTree(request.body());
        } catch (IOException e) {
            throw new AssertionError("the body is not JSON", e);
        }
    }

    private JsonNode api(String path) {
        ApiClient.Reply reply = client.get(path, credentials.adminKey());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private ApiClient.Reply post(String path, Object body) {
        return client.send("POST", path, headers(), bytes(body));
    }

    private Map<String, String> headers() {
        return Map.of("Authorization", "Bearer " + credentials.adminKey(), "Content-Type", "application/json");
    }

    private static byte[] bytes(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
