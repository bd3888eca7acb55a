package io.attune.server.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Segment's and RudderStack's Node SDKs ({@code src/test/node/send.mjs}), unchanged except for their
 * endpoint, sending to a real Attune server. Segment's posts JSON to {@code /v1/batch} with Basic auth;
 * RudderStack's posts the same gzipped, labelled {@code application/x-www-form-urlencoded}.
 *
 * <p>Needs {@code node} and {@code npm ci} run in {@code attune-server/src/test/node}: skipped without
 * them, except with {@code CI=true}, where it fails so that a CI run never passes without it.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class NodeSdkIT {
    private static final Path PROJECT = Path.of("src", "test", "node").toAbsolutePath();
    private static final String HOW = "run npm ci in attune-server/src/test/node (Node.js 20 or later)";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path output;

    private SdkTarget target;

    @BeforeEach
    void start() {
        for (String sdk : List.of("@segment/analytics-node", "@rudderstack/rudder-sdk-node")) {
            if (!Files.isDirectory(PROJECT.resolve("node_modules").resolve(sdk))) {
                unavailable(sdk + " is not installed in " + PROJECT);
            }
        }
        target = SdkTarget.start();
    }

    @AfterEach
    void stop() {
        if (target != null) {
            target.close();
        }
    }

    /** What send.mjs reports for one SDK: the ids its journey used and how many messages it delivered. */
    private record Sent(String sdk, String visitor, String user, String email, String group, int delivered) {
    }

    @Test
    void both_node_sdks_deliver_every_message_once_to_the_right_lead() throws Exception {
        List<Sent> sent = runSendScript();

        assertThat(sent).extracting(Sent::sdk).containsExactly("segment", "rudderstack");
        for (Sent journey : sent) {
            assertThat(journey.delivered()).as("%s delivered", journey.sdk()).isEqualTo(6);
            String id = target.leadByIdentity(journey.user()).path("id").asText();
            assertThat(target.leadByIdentity(journey.email()).path("id").asText())
                    .as("%s: the email links", journey.sdk()).isEqualTo(id);
            assertThat(target.leadByIdentity(journey.visitor()).path("id").asText())
                    .as("%s: the alias merged the visitor", journey.sdk()).isEqualTo(id);

            JsonNode lead = target.lead(id);
            assertThat(lead.path("events").asLong()).as("%s: each message recorded once", journey.sdk())
                    .isEqualTo(6);
            assertThat(lead.path("segment").asText()).isEqualTo("employer");
            // Director of Benefits 25 + 1,000-4,999 employees 15 + self-insured 15 + software 5 + US 5;
            // the visitor's case study 6 + demo 40 + pricing 15.
            assertThat(lead.path("score").path("fit").asDouble()).as(journey.sdk()).isEqualTo(65.0);
            assertThat(lead.path("score").path("engagement").asDouble()).as(journey.sdk())
                    .isCloseTo(61.0, within(0.01));
            assertThat(lead.path("stage").asText()).as(journey.sdk()).isEqualTo("mql");
            assertThat(target.account(lead.path("account").asText()).path("groupId").asText())
                    .as("%s: the group attached an account", journey.sdk()).isEqualTo(journey.group());
        }
        assertThat(target.leads()).as("one lead per SDK's person").hasSize(2);
        assertThat(target.recordedEvents()).isEqualTo(12);
    }

    /** Runs send.mjs to completion and reads its report; fails with its stderr when it exits non-zero. */
    private List<Sent> runSendScript() throws IOException, InterruptedException {
        Path stdout = output.resolve("stdout.txt");
        Path stderr = output.resolve("stderr.txt");
        String runId = UUID.randomUUID().toString().substring(0, 8);
        ProcessBuilder builder = new ProcessBuilder("node", "send.mjs", target.baseUrl(), target.writeKey(), runId)
                .directory(PROJECT.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return unavailable("node could not be started (" + e.getMessage() + ")");
        }
        try {
            int exit = process.waitFor();
            assertThat(exit).as("node send.mjs exited with %s; stderr:%n%s", exit,
                    Files.readString(stderr, StandardCharsets.UTF_8)).isZero();
        } finally {
            process.destroyForcibly();
        }
        List<Sent> sent = new ArrayList<>();
        for (String line : Files.readAllLines(stdout, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                sent.add(JSON.readValue(line, Sent.class));
            }
        }
        return sent;
    }

    private static <T> T unavailable(String why) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            return fail(why + ": " + HOW + " before mvn verify; with CI=true NodeSdkIT must run");
        }
        return Assumptions.abort(why + "; skipping NodeSdkIT: " + HOW + " to run it");
    }
}
