package io.attune.store.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.attune.core.jurisdiction.UnknownJurisdiction;
import io.attune.core.lifecycle.LifecyclePolicy;
import io.attune.core.sla.BusinessCalendar;
import io.attune.core.sla.SalesSla;
import io.attune.core.workspace.PrivacySettings;
import io.attune.core.workspace.WorkspaceSettings;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Workspace settings as JSON, the same for the API and the database:
 * <pre>{@code
 * {"recycle": {"engagementKept": 0.25, "quietPeriodDays": 30},
 *  "sla": {"businessHours": 24, "timeZone": "America/New_York",
 *          "workdays": ["monday", "tuesday", "wednesday", "thursday", "friday"],
 *          "opens": "09:00", "closes": "17:00", "holidays": ["2026-12-25"]},
 *  "privacy": {"unknownJurisdiction": "strictest", "crisisCoolDownDays": 30}}
 * }</pre>
 * A key left out takes its default; an unknown key, or a value out of range, is a problem naming
 * the key. Every problem is reported at once.
 */
public final class SettingsJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> TOP = Set.of("recycle", "sla", "privacy");
    private static final Set<String> PRIVACY = Set.of("unknownJurisdiction", "crisisCoolDownDays");
    private static final Set<String> RECYCLE = Set.of("engagementKept", "quietPeriodDays");
    private static final Set<String> SLA = Set.of("businessHours", "timeZone", "workdays", "opens", "closes",
            "holidays");
    private static final int MAX_HOLIDAYS = 1000;
    private static final Pattern HOUR_MINUTE = Pattern.compile("\\d{2}:\\d{2}");

    private SettingsJson() {
    }

    /** One thing wrong with a settings document: the dotted key, and why. */
    public record Problem(String key, String reason) {
    }

    /** Thrown with every problem of a settings document. */
    public static final class InvalidSettingsException extends IllegalArgumentException {
        private final List<Problem> problems;

        InvalidSettingsException(List<Problem> problems) {
            super("invalid settings: " + problems);
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    public static ObjectNode toJson(WorkspaceSettings settings) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode recycle = root.putObject("recycle");
        recycle.put("engagementKept", settings.lifecycle().recycleFraction());
        recycle.put("quietPeriodDays", settings.lifecycle().quietPeriod().toDays());
        ObjectNode sla = root.putObject("sla");
        BusinessCalendar calendar = settings.sla().calendar();
        sla.put("businessHours", settings.sla().businessTime().toMinutes() / 60.0);
        sla.put("timeZone", calendar.zone().getId());
        ArrayNode days = sla.putArray("workdays");
        calendar.workdays().forEach(day -> days.add(day.name().toLowerCase(Locale.ROOT)));
        sla.put("opens", calendar.opens().toString());
        sla.put("closes", calendar.closes().equals(LocalTime.MIDNIGHT) ? "24:00" : calendar.closes().toString());
        ArrayNode holidays = sla.putArray("holidays");
        calendar.holidays().forEach(day -> holidays.add(day.toString()));
        ObjectNode privacy = root.putObject("privacy");
        privacy.put("unknownJurisdiction", settings.privacy().unknownJurisdiction().wireName());
        privacy.put("crisisCoolDownDays", settings.privacy().crisisCoolDown().toDays());
        return root;
    }

    public static String encode(WorkspaceSettings settings) {
        return toJson(settings).toString();
    }

    public static WorkspaceSettings decode(String json) {
        try {
            return fromJson(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored settings are not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * @throws InvalidSettingsException naming every key that is wrong
     */
    public static WorkspaceSettings fromJson(JsonNode root) {
        List<Problem> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new InvalidSettingsException(List.of(new Problem("", "settings are a JSON object")));
        }
        unknownKeys(root, TOP, "", problems);
        JsonNode recycle = section(root, "recycle", RECYCLE, problems);
        JsonNode sla = section(root, "sla", SLA, problems);
        JsonNode privacy = section(root, "privacy", PRIVACY, problems);
        LifecyclePolicy defaults = LifecyclePolicy.DEFAULT;
        double kept = number(recycle, "engagementKept", "recycle.engagementKept", defaults.recycleFraction(), 0, 1,
                problems);
        double quietDays = number(recycle, "quietPeriodDays", "recycle.quietPeriodDays",
                defaults.quietPeriod().toDays(), 0, 3650, problems);
        if (quietDays != Math.rint(quietDays)) {
            problems.add(new Problem("recycle.quietPeriodDays", "must be a whole number of days"));
        }
        SalesSla slaDefaults = SalesSla.DEFAULT;
        BusinessCalendar calendarDefaults = slaDefaults.calendar();
        double hours = number(sla, "businessHours", "sla.businessHours", slaDefaults.businessTime().toMinutes() / 60.0,
                1.0 / 60, 2000, problems);
        ZoneId zone = zone(sla, calendarDefaults.zone(), problems);
        Set<DayOfWeek> workdays = workdays(sla, calendarDefaults.workdays(), problems);
        int before = problems.size();
        LocalTime opens = time(sla, "opens", calendarDefaults.opens(), problems);
        LocalTime closes = time(sla, "closes", calendarDefaults.closes(), problems);
        boolean hoursRead = problems.size() == before;
        Set<LocalDate> holidays = holidays(sla, problems);
        UnknownJurisdiction unknown = unknownJurisdiction(privacy, problems);
        double coolDownDays = number(privacy, "crisisCoolDownDays", "privacy.crisisCoolDownDays",
                PrivacySettings.DEFAULT.crisisCoolDown().toDays(), 0, PrivacySettings.MAX_CRISIS_COOL_DOWN.toDays(),
                problems);
        if (coolDownDays != Math.rint(coolDownDays)) {
            problems.add(new Problem("privacy.crisisCoolDownDays", "must be a whole number of days"));
        }
        // Compared whenever both times were read, so that it is reported along with any other problem.
        if (hoursRead && !closes.equals(LocalTime.MIDNIGHT) && !opens.isBefore(closes)) {
            problems.add(new Problem("sla.closes", "must be after sla.opens (24:00 is the end of the day)"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        return new WorkspaceSettings(new LifecyclePolicy(kept, Duration.ofDays((long) quietDays)),
                new SalesSla(Duration.ofMinutes(Math.round(hours * 60)),
                        new BusinessCalendar(zone, workdays, opens, closes, holidays)),
                new PrivacySettings(unknown, Duration.ofDays((long) coolDownDays)));
    }

    private static UnknownJurisdiction unknownJurisdiction(JsonNode privacy, List<Problem> problems) {
        JsonNode value = privacy.path("unknownJurisdiction");
        if (value.isMissingNode() || value.isNull()) {
            return PrivacySettings.DEFAULT.unknownJurisdiction();
        }
        Optional<UnknownJurisdiction> named = value.isTextual() ? UnknownJurisdiction.fromWireName(value.asText())
                : Optional.empty();
        if (named.isEmpty()) {
            problems.add(new Problem("privacy.unknownJurisdiction", "must be \"strictest\" (treat an unknown state "
                    + "as Washington, Nevada and Connecticut: the default) or \"not_covered\""));
            return PrivacySettings.DEFAULT.unknownJurisdiction();
        }
        return named.get();
    }

    private static JsonNode section(JsonNode root, String name, Set<String> keys, List<Problem> problems) {
        JsonNode section = root.path(name);
        if (section.isMissingNode() || section.isNull()) {
            return MAPPER.createObjectNode();
        }
        if (!section.isObject()) {
            problems.add(new Problem(name, "must be an object"));
            return MAPPER.createObjectNode();
        }
        unknownKeys(section, keys, name + ".", problems);
        return section;
    }

    private static void unknownKeys(JsonNode node, Set<String> keys, String prefix, List<Problem> problems) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!keys.contains(name)) {
                problems.add(new Problem(prefix + name, "is not a setting; the settings here are "
                        + new TreeSet<>(keys)));
            }
        }
    }

    private static double number(JsonNode section, String name, String key, double fallback, double min, double max,
            List<Problem> problems) {
        JsonNode value = section.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (!value.isNumber() || value.asDouble() < min || value.asDouble() > max) {
            problems.add(new Problem(key, "must be a number from " + trim(min) + " to " + trim(max)));
            return fallback;
        }
        return value.asDouble();
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.4f", value);
    }

    private static ZoneId zone(JsonNode sla, ZoneId fallback, List<Problem> problems) {
        JsonNode value = sla.path("timeZone");
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        try {
            return ZoneId.of(value.asText());
        } catch (DateTimeException e) {
            problems.add(new Problem("sla.timeZone", "must be an IANA time zone, such as America/New_York"));
            return fallback;
        }
    }

    private static Set<DayOfWeek> workdays(JsonNode sla, Set<DayOfWeek> fallback, List<Problem> problems) {
        JsonNode value = sla.path("workdays");
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (value.isArray()) {
            for (JsonNode day : value) {
                try {
                    days.add(DayOfWeek.valueOf(day.asText().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    days.clear();
                    break;
                }
            }
        }
        if (days.isEmpty()) {
            problems.add(new Problem("sla.workdays", "must list at least one day, such as \"monday\""));
            return fallback;
        }
        return days;
    }

    private static LocalTime time(JsonNode sla, String name, LocalTime fallback, List<Problem> problems) {
        JsonNode value = sla.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        String text = value.asText();
        if (text.equals("24:00") && name.equals("closes")) {
            return LocalTime.MIDNIGHT;
        }
        // Exactly HH:mm, as documented and as written back: LocalTime.parse alone would take seconds too.
        if (HOUR_MINUTE.matcher(text).matches()) {
            try {
                return LocalTime.parse(text);
            } catch (DateTimeParseException e) {
                // out of range, such as 25:00: reported below
            }
        }
        problems.add(new Problem("sla." + name, "must be a time of day as HH:mm"
                + (name.equals("closes") ? " (24:00 for the end of the day)" : "")));
        return fallback;
    }

    private static Set<LocalDate> holidays(JsonNode sla, List<Problem> problems) {
        JsonNode value = sla.path("holidays");
        Set<LocalDate> days = new TreeSet<>();
        if (value.isMissingNode() || value.isNull()) {
            return days;
        }
        if (!value.isArray() || value.size() > MAX_HOLIDAYS) {
            problems.add(new Problem("sla.holidays", "must be a list of at most " + MAX_HOLIDAYS + " dates"));
            return days;
        }
        for (int i = 0; i < value.size(); i++) {
            try {
                days.add(LocalDate.parse(value.get(i).asText()));
            } catch (DateTimeParseException e) {
                problems.add(new Problem("sla.holidays[" + i + "]", "must be a date as YYYY-MM-DD"));
            }
        }
        return days;
    }
}
