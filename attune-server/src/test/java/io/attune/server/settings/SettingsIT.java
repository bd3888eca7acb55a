package io.attune.server.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.attune.core.lifecycle.LifecyclePolicy;
import io.attune.core.sla.BusinessCalendar;
import io.attune.core.sla.SalesSla;
import io.attune.core.workspace.WorkspaceSettings;
import io.attune.server.fakes.Tenant;
import io.attune.server.support.ApiClient;
import io.attune.server.support.ApiClient.Reply;
import io.attune.server.support.ApiFixture;
import io.attune.server.support.Documented;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Workspace settings over HTTP, over the in-memory store. Each test gets a fresh fixture, because PUT changes it. */
class SettingsIT {
    private static final String NEW_YORK = """
            {"recycle": {"engagementKept": 0.5, "quietPeriodDays": 14},
             "sla": {"businessHours": 7.5, "timeZone": "America/New_York", "workdays": ["monday", "wednesday"],
                     "opens": "08:30", "closes": "24:00", "holidays": ["2026-12-25", "2026-07-03"]}}""";

    private final ApiFixture fixture = new ApiFixture();
    private final ApiFixture.Running running = fixture.start();
    private final ApiClient client = running.client();

    @AfterEach
    void stop() {
        running.close();
    }

    private Reply put(String body, String key) {
        return client.send("PUT", "/api/settings",
                Map.of("Authorization", "Bearer " + key, "Content-Type", "application/json"),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private Reply put(String body) {
        return Documented.as(put(body, fixture.acme.adminKey()), "PUT", "/api/settings");
    }

    private JsonNode get(Tenant tenant) {
        Reply reply = Documented.as(client.get("/api/settings", tenant.readKey()), "GET", "/api/settings");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static List<String> invalidNames(Reply reply) {
        return StreamSupport.stream(reply.json().path("invalid-params").spliterator(), false)
                .map(param -> param.path("name").asText()).toList();
    }

    private static void assertDefaults(JsonNode settings) {
        assertThat(settings.at("/recycle/engagementKept").asDouble()).isEqualTo(0.25);
        assertThat(settings.at("/recycle/quietPeriodDays").asLong()).isEqualTo(30);
        assertThat(settings.at("/sla/businessHours").asDouble()).isEqualTo(24.0);
        assertThat(settings.at("/sla/timeZone").asText()).isEqualTo("UTC");
        assertThat(texts(settings.at("/sla/workdays")))
                .containsExactly("monday", "tuesday", "wednesday", "thursday", "friday");
        assertThat(settings.at("/sla/opens").asText()).isEqualTo("09:00");
        assertThat(settings.at("/sla/closes").asText()).isEqualTo("17:00");
        assertThat(texts(settings.at("/sla/holidays"))).isEmpty();
    }

    @Test
    void a_workspace_that_saved_nothing_reads_the_defaults() {
        assertDefaults(get(fixture.acme));
    }

    @Test
    void a_put_replaces_the_settings_and_a_get_shows_them() {
        Reply saved = put(NEW_YORK);

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        JsonNode read = get(fixture.acme);
        assertThat(read).isEqualTo(saved.json());
        assertThat(read.at("/recycle/engagementKept").asDouble()).isEqualTo(0.5);
        assertThat(read.at("/recycle/quietPeriodDays").asLong()).isEqualTo(14);
        assertThat(read.at("/sla/businessHours").asDouble()).isEqualTo(7.5);
        assertThat(read.at("/sla/timeZone").asText()).isEqualTo("America/New_York");
        assertThat(texts(read.at("/sla/workdays"))).containsExactly("monday", "wednesday");
        assertThat(read.at("/sla/opens").asText()).isEqualTo("08:30");
        assertThat(read.at("/sla/closes").asText()).isEqualTo("24:00");
        assertThat(texts(read.at("/sla/holidays"))).containsExactly("2026-07-03", "2026-12-25");
        assertThat(fixture.store.workspaces().settings(fixture.acme.id())).isEqualTo(new WorkspaceSettings(
                new LifecyclePolicy(0.5, Duration.ofDays(14)),
                new SalesSla(Duration.ofMinutes(450), new BusinessCalendar(ZoneId.of("America/New_York"),
                        EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY), LocalTime.of(8, 30), LocalTime.MIDNIGHT,
                        Set.of(LocalDate.of(2026, 7, 3), LocalDate.of(2026, 12, 25))))));
    }

    @Test
    void a_key_left_out_of_a_put_goes_back_to_its_default() {
        put(NEW_YORK);

        Reply saved = put("{\"sla\": {\"businessHours\": 8}}");

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        JsonNode read = get(fixture.acme);
        assertThat(read.at("/sla/businessHours").asDouble()).isEqualTo(8.0);
        assertThat(read.at("/recycle/engagementKept").asDouble()).isEqualTo(0.25);
        assertThat(read.at("/sla/timeZone").asText()).isEqualTo("UTC");
        assertThat(read.at("/sla/closes").asText()).isEqualTo("17:00");
        assertThat(texts(read.at("/sla/holidays"))).isEmpty();
        assertThat(put("{}").status()).isEqualTo(200);
        assertDefaults(get(fixture.acme));
    }

    @Test
    void an_invalid_body_is_a_400_naming_every_bad_key_and_changes_nothing() {
        put(NEW_YORK);

        Reply refused = put("""
                {"colour": "blue",
                 "recycle": {"engagementKept": 1.5, "quietPeriodDays": 2.5},
                 "sla": {"businessHours": 0, "timeZone": "Mars/Olympus", "workdays": ["funday"], "opens": "09:00",
                         "closes": "08:00", "holidays": ["2026-12-25", "christmas"], "lunch": "12:00"}}""",
                fixture.acme.adminKey());

        Documented.problem(refused, 400, "invalid-params");
        assertThat(invalidNames(refused)).containsExactlyInAnyOrder("colour", "recycle.engagementKept",
                "recycle.quietPeriodDays", "sla.businessHours", "sla.timeZone", "sla.workdays", "sla.closes",
                "sla.holidays[1]", "sla.lunch");
        assertThat(get(fixture.acme).at("/sla/timeZone").asText()).isEqualTo("America/New_York");
    }

    @Test
    void a_body_that_is_not_a_json_object_is_a_400() {
        Reply broken = put("{\"sla\": {", fixture.acme.adminKey());
        Documented.problem(broken, 400, "invalid-params");
        assertThat(invalidNames(broken)).containsExactly("body");

        Reply array = put("[]", fixture.acme.adminKey());
        Documented.problem(array, 400, "invalid-params");
        assertThat(invalidNames(array)).containsExactly("body");
        assertDefaults(get(fixture.acme));
    }

    @Test
    void a_read_key_may_read_the_settings_but_not_change_them() {
        Reply refused = put(NEW_YORK, fixture.acme.readKey());

        Documented.problem(refused, 403, "forbidden");
        assertDefaults(get(fixture.acme));
        assertThat(fixture.store.workspaces().settings(fixture.acme.id())).isEqualTo(WorkspaceSettings.DEFAULT);
    }

    @Test
    void workspaces_do_not_see_each_others_settings() {
        put(NEW_YORK);

        assertDefaults(get(fixture.globex));
        assertThat(Documented.as(put("{\"sla\": {\"timeZone\": \"Europe/London\"}}", fixture.globex.adminKey()),
                "PUT", "/api/settings").status()).isEqualTo(200);
        assertThat(get(fixture.globex).at("/sla/timeZone").asText()).isEqualTo("Europe/London");
        assertThat(get(fixture.acme).at("/sla/timeZone").asText()).isEqualTo("America/New_York");
        assertThat(get(fixture.acme).at("/recycle/engagementKept").asDouble()).isEqualTo(0.5);
    }
}
