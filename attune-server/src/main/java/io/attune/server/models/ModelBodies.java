package io.attune.server.models;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON bodies of the model endpoints. Conditions appear as their CEL text; durations as ISO-8601. */
public final class ModelBodies {
    private ModelBodies() {
    }

    /** One model version; {@code active} when it is the one its segment scores with now. */
    public record ModelSummary(String version, String id, int number, String segment, String status,
            boolean active, String description, Instant createdAt) {
    }

    /** Grade × score qualification: fit cut-offs for A–C, engagement cut-offs for bands 1–3, qualifying cells. */
    public record Grades(Map<String, Double> fit, Map<String, Double> engagement, List<String> qualifying) {
    }

    /** {@code threshold} is {@code null} when the model qualifies by grades instead. */
    public record Thresholds(double fitMin, Double threshold, Grades grades) {
    }

    public record FitRule(String id, String description, String when, double points) {
    }

    public record Cap(int count, String per) {
    }

    public record EngagementRule(String id, String description, String kind, List<String> names, String when,
            double points, Cap cap, Double maxPoints) {
    }

    /** {@code kind} is {@code null} for rules on the lead's attributes rather than on events. */
    public record DisqualifyRule(String id, String description, String kind, List<String> names, String when,
            String reason) {
    }

    public record Rules(List<FitRule> fit, List<EngagementRule> engagement, List<DisqualifyRule> disqualify) {
    }

    public record CommitteeRole(String role, String description, String when, double points) {
    }

    public record AccountSection(double fitMin, double threshold, long coverageDays, int minRoles, List<FitRule> fit,
            List<CommitteeRole> committee) {
    }

    /** The learned term: points × sigmoid(slope × (intercept + Σ weight × rule value) + offset). */
    public record LearnedSection(double points, double intercept, Map<String, Double> weights, double slope,
            double offset, String trainedOn) {
    }

    /** {@code author} and {@code approvedBy} are actors ({@code key:key_…}); null when not recorded. */
    public record ModelDocument(String version, String id, int number, String segment, String status, boolean active,
            String description, Instant createdAt, double decayPerQuarter, Thresholds thresholds, Rules rules,
            AccountSection account, LearnedSection learned, String source, String author, String approvedBy, Instant approvedAt) {
    }

    /** A setting that differs; {@code before} or {@code after} is null where the version does not set it. */
    public record SettingChange(String name, String before, String after) {
    }

    /** A rule as a version states it; {@code points} is null for disqualifying rules. */
    public record RuleText(String when, Double points, String detail) {
    }

    /** {@code change} is added, removed or changed; {@code before} is null for an added rule, {@code after} for a removed one. */
    public record RuleChange(String section, String id, String change, RuleText before, RuleText after) {
    }

    public record Diff(String from, String to, List<SettingChange> settings, List<RuleChange> rules) {
    }
}
