package io.attune.server.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.attune.server.support.ApiClient;
import io.attune.server.support.ApiClient.Reply;
import io.attune.server.support.ApiFixture;
import io.attune.server.support.Documented;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** {@code POST /api/lint} over loopback with the standard rules. */
class LintIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ApiFixture FIXTURE = new ApiFixture();
    private static final ApiFixture.Running RUNNING = FIXTURE.start();
    private static final ApiClient CLIENT = RUNNING.client();

    @AfterAll
    static void stop() {
        RUNNING.close();
    }

    private static Reply lint(String body, String key) {
        Map<String, String> headers = new HashMap<>(Map.of("Content-Type", "application/json"));
        if (key != null) {
            headers.put("Authorization", "Bearer " + key);
        }
        return CLIENT.send("POST", "/api/lint", headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String body(String text, String format, List<String> substantiations) {
        ObjectNode body = JSON.createObjectNode().put("text", text).put("format", format);
        substantiations.forEach(body.putArray("substantiations")::add);
        return body.toString();
    }

    private static List<String> values(JsonNode findings, String field) {
        return StreamSupport.stream(findings.spliterator(), false).map(finding -> finding.path(field).asText()).toList();
    }

    @Test
    void a_read_key_lints_markdown_and_a_registered_reference_makes_a_claim_info() {
        String markdown = "# Calm, finally\n\n**Clinically proven**[^rct-2024] to help. Only 2 beds left!\n";

        Reply reply = Documented.as(lint(body(markdown, "markdown", List.of("rct-2024")), FIXTURE.acme.readKey()),
                "POST", "/api/lint");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode findings = reply.json().path("findings");
        assertThat(values(findings, "check")).containsExactly("proven", "scarcity");
        assertThat(values(findings, "severity")).containsExactly("info", "block");
        assertThat(values(findings, "rule")).containsExactly("CLAIM-01", "CRISIS-06");
        assertThat(findings.get(0).path("substantiation").asText()).isEqualTo("rct-2024");
        JsonNode beds = findings.get(1);
        assertThat(beds.path("text").asText()).isEqualTo("Only 2 beds left");
        assertThat(beds.at("/start/line").asInt()).isEqualTo(3);
        assertThat(beds.at("/start/column").asInt()).isEqualTo(Math.toIntExact(
                "**Clinically proven**[^rct-2024] to help. ".length() + 1));
        assertThat(beds.at("/start/offset").asInt()).isEqualTo(markdown.indexOf("Only 2"));
        assertThat(beds.path("suggestion").asText()).isNotBlank();
        assertThat(reply.json().path("blocked").asBoolean()).isTrue();
        assertThat(reply.json().at("/counts/info").asInt()).isOne();
    }

    @Test
    void without_the_registration_the_same_claim_blocks() {
        Reply reply = lint(body("Clinically proven[^rct-2024].", "text", List.of()), FIXTURE.acme.adminKey());

        assertThat(values(reply.json().path("findings"), "severity")).containsExactly("block");
        assertThat(reply.json().path("findings").get(0).has("substantiation")).isFalse();
    }

    @Test
    void html_is_checked_by_its_text_and_badge_alt_text() {
        String html = "<section><h2>Private by design</h2><img src=\"seal.png\" alt=\"HIPAA Certified\"></section>";

        Reply reply = Documented.as(lint(body(html, "html", List.of()), FIXTURE.acme.readKey()), "POST", "/api/lint");

        JsonNode finding = reply.json().path("findings").get(0);
        assertThat(finding.path("check").asText()).isEqualTo("hipaa-certified");
        assertThat(finding.path("category").asText()).isEqualTo("privacy-claim");
        assertThat(finding.at("/start/offset").asInt()).isEqualTo(html.indexOf("HIPAA Certified"));
    }

    @Test
    void copy_with_nothing_to_report_is_not_blocked() {
        Reply reply = Documented.as(lint("{\"text\":\"Talk to a licensed therapist this week.\"}",
                FIXTURE.acme.readKey()), "POST", "/api/lint");

        assertThat(reply.json().path("blocked").asBoolean()).isFalse();
        assertThat(reply.json().path("findings").size()).isZero();
    }

    @Test
    void every_invalid_field_is_named_in_one_problem() {
        Reply reply = Documented.problem(lint("{\"format\":\"pdf\",\"substantiations\":[\"ok\",\"not ok\"]}",
                FIXTURE.acme.adminKey()), 400, "invalid-params");

        assertThat(values(reply.json().path("invalid-params"), "name"))
                .containsExactly("text", "format", "substantiations[1]");
    }

    @Test
    void a_body_that_is_not_json_is_a_400_and_no_key_is_a_401() {
        Documented.problem(lint("text: cures", FIXTURE.acme.adminKey()), 400, "invalid-params");
        Documented.problem(lint(body("cures", "text", List.of()), null), 401, "unauthorized");
    }
}
