package io.attune.store.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.core.jurisdiction.UnknownJurisdiction;
import io.attune.core.lifecycle.LifecyclePolicy;
import io.attune.core.sla.BusinessCalendar;
import io.attune.core.sla.SalesSla;
import io.attune.core.workspace.WorkspaceSettings;
import io.attune.store.workspace.SettingsJson.InvalidSettingsException;
import io.attune.store.workspace.SettingsJson.Problem;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class SettingsJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ZONES = List.copyOf(new TreeSet<>(ZoneId.getAvailableZoneIds()));

    @Test
    void the_defaults_are_written_as_documented_and_read_back_equal() {
        JsonNode json = SettingsJson.toJson(WorkspaceSettings.DEFAULT);

        assertThat(json.at("/recycle/engagementKept").asDouble()).isEqualTo(0.25);
        assertThat(json.at("/recycle/quietPeriodDays").isIntegralNumber()).isTrue();
        assertThat(json.at("/recycle/quietPeriodDays").asLong()).isEqualTo(30);
        assertThat(json.at("/sla/businessHours").asDouble()).isEqualTo(24.0);
        assertThat(json.at("/sla/timeZone").asText()).isEqualTo("UTC");
        assertThat(json.at("/sla/workdays")).extracting(JsonNode::asText)
                .containsExactly("monday", "tuesday", "wednesday", "thursday", "friday");
        assertThat(json.at("/sla/opens").asText()).isEqualTo("09:00");
        assertThat(json.at("/sla/closes").asText()).isEqualTo("17:00");
        assertThat(json.at("/sla/holidays").isArray()).isTrue();
        assertThat(json.at("/sla/holidays")).isEmpty();
        assertThat(SettingsJson.fromJson(json)).isEqualTo(WorkspaceSettings.DEFAULT);
        assertThat(SettingsJson.decode(SettingsJson.encode(WorkspaceSettings.DEFAULT)))
                .isEqualTo(WorkspaceSettings.DEFAULT);
    }

    @Test
    void a_custom_calendar_is_read_and_written_back_in_order() {
        WorkspaceSettings read = SettingsJson.fromJson(json("""
                {"recycle": {"engagementKept": 0.4, "quietPeriodDays": 14},
                 "sla": {"businessHours": 7.5, "timeZone": "America/New_York",
                         "workdays": ["sunday", "Monday", "tuesday"], "opens": "08:30", "closes": "24:00",
                         "holidays": ["2026-12-25", "2026-01-01"]}}"""));

        WorkspaceSettings expected = new WorkspaceSettings(new LifecyclePolicy(0.4, Duration.ofDays(14)),
                new SalesSla(Duration.ofMinutes(450), new BusinessCalendar(ZoneId.of("America/New_York"),
                        EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY), LocalTime.of(8, 30),
                        LocalTime.MIDNIGHT, Set.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 25)))));
        assertThat(read).isEqualTo(expected);
        JsonNode written = SettingsJson.toJson(read);
        assertThat(written.at("/sla/businessHours").asDouble()).isEqualTo(7.5);
        assertThat(written.at("/sla/timeZone").asText()).isEqualTo("America/New_York");
        assertThat(written.at("/sla/workdays")).extracting(JsonNode::asText)
                .containsExactly("monday", "tuesday", "sunday");
        assertThat(written.at("/sla/opens").asText()).isEqualTo("08:30");
        assertThat(written.at("/sla/closes").asText()).isEqualTo("24:00");
        assertThat(written.at("/sla/holidays")).extracting(JsonNode::asText)
                .containsExactly("2026-01-01", "2026-12-25");
        assertThat(SettingsJson.fromJson(written)).isEqualTo(expected);
    }

    @Test
    void fractional_business_hours_are_kept_to_the_minute() {
        assertThat(businessTime("{\"sla\": {\"businessHours\": 2.25}}")).isEqualTo(Duration.ofMinutes(135));
        assertThat(businessTime("{\"sla\": {\"businessHours\": 0.1}}")).isEqualTo(Duration.ofMinutes(6));
        assertThat(businessTime("{\"sla\": {\"businessHours\": 1.999}}")).isEqualTo(Duration.ofMinutes(120));
        assertThat(businessTime("{\"sla\": {\"businessHours\": 0.016666666666666666}}"))
                .isEqualTo(Duration.ofMinutes(1));
        assertThat(SettingsJson.toJson(new WorkspaceSettings(LifecyclePolicy.DEFAULT,
                new SalesSla(Duration.ofMinutes(135), BusinessCalendar.DEFAULT))).at("/sla/businessHours").asDouble())
                .isEqualTo(2.25);
    }

    @Test
    void closing_at_midnight_is_the_end_of_the_day_and_is_written_as_24_00() {
        WorkspaceSettings read = SettingsJson.fromJson(
                json("{\"sla\": {\"opens\": \"00:00\", \"closes\": \"00:00\"}}"));

        assertThat(read.sla().calendar().closes()).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(SettingsJson.toJson(read).at("/sla/closes").asText()).isEqualTo("24:00");
    }

    @Test
    void every_problem_of_a_document_is_named_at_once() {
        assertThat(problemKeys("""
                {"colour": "blue",
                 "recycle": {"engagementKept": 1.5, "quietPeriodDays": 2.5, "keep": true},
                 "sla": {"businessHours": 0, "timeZone": "Mars/Olympus", "workdays": [], "opens": "9am",
                         "holidays": ["2026-12-25", "christmas", "2026-01-01"]}}"""))
                .containsExactlyInAnyOrder("colour", "recycle.keep", "recycle.engagementKept",
                        "recycle.quietPeriodDays", "sla.businessHours", "sla.timeZone", "sla.workdays", "sla.opens",
                        "sla.holidays[1]");
    }

    @Test
    void the_privacy_choices_are_read_back_and_a_bad_one_is_named() {
        WorkspaceSettings read = SettingsJson.fromJson(json("""
                {"privacy": {"unknownJurisdiction": "not_covered", "crisisCoolDownDays": 14}}"""));

        assertThat(read.privacy().unknownJurisdiction()).isEqualTo(UnknownJurisdiction.NOT_COVERED);
        assertThat(read.privacy().crisisCoolDown()).isEqualTo(Duration.ofDays(14));
        assertThat(SettingsJson.fromJson(SettingsJson.toJson(read))).isEqualTo(read);
        assertThat(problemKeys("""
                {"privacy": {"unknownJurisdiction": "nowhere", "crisisCoolDownDays": 400, "geo": true}}"""))
                .containsExactlyInAnyOrder("privacy.unknownJurisdiction", "privacy.crisisCoolDownDays",
                        "privacy.geo");
        assertThat(problemKeys("{\"privacy\": {\"crisisCoolDownDays\": 2.5}}"))
                .containsExactly("privacy.crisisCoolDownDays");
    }

    @Test
    void closing_before_opening_is_named_along_with_the_other_problems() {
        assertThat(problemKeys("""
                {"recycle": {"engagementKept": -0.1},
                 "sla": {"workdays": ["monday", "funday"], "opens": "09:00", "closes": "08:00"}}"""))
                .containsExactlyInAnyOrder("recycle.engagementKept", "sla.workdays", "sla.closes");
        assertThat(problemKeys("{\"sla\": {\"opens\": \"17:00\", \"closes\": \"17:00\"}}"))
                .containsExactly("sla.closes");
        assertThat(problemKeys("{\"sla\": {\"opens\": \"18:00\"}}")).as("against the default closing time")
                .containsExactly("sla.closes");
    }

    @Test
    void times_of_day_are_exactly_hours_and_minutes() {
        assertThat(problemKeys("{\"sla\": {\"opens\": \"09:00:30\", \"closes\": \"9:00\"}}"))
                .containsExactlyInAnyOrder("sla.opens", "sla.closes");
        assertThat(problemKeys("{\"sla\": {\"opens\": \"24:00\", \"closes\": \"25:00\"}}"))
                .containsExactlyInAnyOrder("sla.opens", "sla.closes");
        assertThat(problemKeys("{\"sla\": {\"opens\": 9, \"closes\": \"17:00.5\"}}"))
                .containsExactlyInAnyOrder("sla.opens", "sla.closes");
    }

    @Test
    void values_of_the_wrong_kind_are_named() {
        assertThat(problemKeys("""
                {"recycle": {"engagementKept": "0.5", "quietPeriodDays": 3651},
                 "sla": {"businessHours": 2000.5, "workdays": "monday", "holidays": "2026-12-25"}}"""))
                .containsExactlyInAnyOrder("recycle.engagementKept", "recycle.quietPeriodDays", "sla.businessHours",
                        "sla.workdays", "sla.holidays");
        assertThat(problemKeys("{\"recycle\": 5, \"sla\": [\"monday\"]}")).containsExactlyInAnyOrder("recycle", "sla");
        assertThat(problemKeys("[]")).containsExactly("");
    }

    @Test
    void a_key_left_out_takes_its_default() {
        assertThat(SettingsJson.fromJson(json("{}"))).isEqualTo(WorkspaceSettings.DEFAULT);
        assertThat(SettingsJson.fromJson(json("{\"recycle\": null, \"sla\": {}}")))
                .isEqualTo(WorkspaceSettings.DEFAULT);

        WorkspaceSettings london = SettingsJson.fromJson(json("""
                {"recycle": {"quietPeriodDays": 7}, "sla": {"timeZone": "Europe/London"}}"""));

        assertThat(london).isEqualTo(new WorkspaceSettings(new LifecyclePolicy(0.25, Duration.ofDays(7)),
                new SalesSla(Duration.ofHours(24), new BusinessCalendar(ZoneId.of("Europe/London"),
                        EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0),
                        Set.of()))));
    }

    @Property
    void any_valid_settings_read_back_equal(@ForAll("settings") WorkspaceSettings settings) {
        assertThat(SettingsJson.fromJson(SettingsJson.toJson(settings))).isEqualTo(settings);
        assertThat(SettingsJson.decode(SettingsJson.encode(settings))).isEqualTo(settings);
    }

    @Provide
    Arbitrary<WorkspaceSettings> settings() {
        Arbitrary<LifecyclePolicy> lifecycle = Combinators.combine(
                Arbitraries.doubles().between(0, 1).ofScale(12), Arbitraries.integers().between(0, 3650))
                .as((kept, days) -> new LifecyclePolicy(kept, Duration.ofDays(days)));
        // Business time is stored to the minute, so only whole minutes come back equal.
        Arbitrary<Duration> businessTime = Arbitraries.longs().between(1, 2000 * 60).map(Duration::ofMinutes);
        return Combinators.combine(lifecycle, businessTime, calendars())
                .as((policy, time, calendar) -> new WorkspaceSettings(policy, new SalesSla(time, calendar)));
    }

    private static Arbitrary<BusinessCalendar> calendars() {
        Arbitrary<Set<DayOfWeek>> days = Arbitraries.of(DayOfWeek.class).set().ofMinSize(1).ofMaxSize(7);
        Arbitrary<Integer> opensAt = Arbitraries.integers().between(0, 24 * 60 - 1);
        Arbitrary<Integer> length = Arbitraries.integers().between(1, 24 * 60);
        Arbitrary<ZoneId> zones = Arbitraries.of(ZONES).map(ZoneId::of);
        Arbitrary<Set<LocalDate>> holidays = Arbitraries.integers().between(0, 10 * 366)
                .map(day -> LocalDate.of(2025, 1, 1).plusDays(day)).set().ofMaxSize(20);
        return Combinators.combine(zones, days, opensAt, length, holidays).as((zone, workdays, open, minutes, off) -> {
            LocalTime opens = LocalTime.MIDNIGHT.plusMinutes(open);
            int close = Math.min(open + minutes, 24 * 60);
            LocalTime closes = close == 24 * 60 ? LocalTime.MIDNIGHT : LocalTime.MIDNIGHT.plusMinutes(close);
            return new BusinessCalendar(zone, EnumSet.copyOf(workdays), opens, closes, new HashSet<>(off));
        });
    }

    private static Duration businessTime(String json) {
        return SettingsJson.fromJson(json(json)).sla().businessTime();
    }

    private static List<String> problemKeys(String json) {
        JsonNode document = json(json);
        List<String> keys = new ArrayList<>();
        assertThatThrownBy(() -> SettingsJson.fromJson(document)).isInstanceOfSatisfying(
                InvalidSettingsException.class, e -> {
                    assertThat(e.problems()).allSatisfy(problem -> assertThat(problem.reason()).isNotBlank());
                    e.problems().stream().map(Problem::key).forEach(keys::add);
                });
        return keys;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
