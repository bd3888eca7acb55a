package io.attune.server.models;

import io.attune.core.event.EventKind;
import io.attune.core.model.AccountModel;
import io.attune.core.model.GradeMatrix;
import io.attune.core.model.LearnedTerm;
import io.attune.core.model.ModelDiff;
import io.attune.core.model.ScoringModel;
import io.attune.core.model.StoredModel;
import io.attune.server.models.ModelBodies.AccountSection;
import io.attune.server.models.ModelBodies.Cap;
import io.attune.server.models.ModelBodies.CommitteeRole;
import io.attune.server.models.ModelBodies.Diff;
import io.attune.server.models.ModelBodies.DisqualifyRule;
import io.attune.server.models.ModelBodies.EngagementRule;
import io.attune.server.models.ModelBodies.FitRule;
import io.attune.server.models.ModelBodies.Grades;
import io.attune.server.models.ModelBodies.LearnedSection;
import io.attune.server.models.ModelBodies.ModelDocument;
import io.attune.server.models.ModelBodies.ModelSummary;
import io.attune.server.models.ModelBodies.RuleChange;
import io.attune.server.models.ModelBodies.RuleText;
import io.attune.server.models.ModelBodies.Rules;
import io.attune.server.models.ModelBodies.SettingChange;
import io.attune.server.models.ModelBodies.Thresholds;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Describes compiled models for people tuning them: thresholds and each rule, as the file states them. */
final class ModelViews {
    private ModelViews() {
    }

    static ModelSummary summary(StoredModel stored, boolean active) {
        ScoringModel model = stored.model();
        return new ModelSummary(stored.version().toString(), stored.version().modelId(), stored.version().version(),
                model.segment().wireName(), stored.status(), active, model.description(), stored.createdAt());
    }

    static ModelDocument document(StoredModel stored, boolean active) {
        ScoringModel model = stored.model();
        return new ModelDocument(stored.version().toString(), stored.version().modelId(), stored.version().version(),
                model.segment().wireName(), stored.status(), active, model.description(), stored.createdAt(),
                model.decay().perQuarter(), thresholds(model), rules(model),
                model.account().map(ModelViews::account).orElse(null),
                model.learned().map(ModelViews::learned).orElse(null), stored.source(),
                stored.review().author().orElse(null), stored.review().approvedBy().orElse(null),
                stored.review().approvedAt().orElse(null));
    }

    static Diff diff(ModelDiff diff) {
        return new Diff(diff.from().toString(), diff.to().toString(), diff.settings().stream()
                .map(setting -> new SettingChange(setting.name(), setting.before().orElse(null),
                        setting.after().orElse(null))).toList(),
                diff.rules().stream().map(rule -> new RuleChange(rule.section(), rule.id(),
                        rule.kind().name().toLowerCase(Locale.ROOT), rule.before().map(ModelViews::rule).orElse(null),
                        rule.after().map(ModelViews::rule).orElse(null))).toList());
    }

    private static RuleText rule(ModelDiff.Rule rule) {
        return new RuleText(rule.when(), rule.points().orElse(null), rule.detail().isEmpty() ? null : rule.detail());
    }

    private static LearnedSection learned(LearnedTerm term) {
        Map<String, Double> weights = new LinkedHashMap<>();
        term.weights().forEach((rule, weight) -> weights.put(rule.value(), weight));
        return new LearnedSection(term.points(), term.intercept(), weights, term.slope(), term.offset(),
                term.trainedOn());
    }

    private static Thresholds thresholds(ScoringModel model) {
        Grades grades = model.grades().map(ModelViews::grades).orElse(null);
        return new Thresholds(model.fitMin(), grades == null ? model.threshold() : null, grades);
    }

    private static Grades grades(GradeMatrix matrix) {
        Map<String, Double> fit = new LinkedHashMap<>();
        fit.put("A", matrix.fitA());
        fit.put("B", matrix.fitB());
        fit.put("C", matrix.fitC());
        Map<String, Double> engagement = new LinkedHashMap<>();
        engagement.put("1", matrix.engagement1());
        engagement.put("2", matrix.engagement2());
        engagement.put("3", matrix.engagement3());
        return new Grades(fit, engagement, List.copyOf(new TreeSet<>(matrix.qualifying())));
    }

    private static Rules rules(ScoringModel model) {
        return new Rules(fitRules(model.fit()),
                model.engagement().stream().map(rule -> new EngagementRule(rule.id().value(), rule.description(),
                        rule.kind().wireName(), sorted(rule.names()), rule.when().source(), rule.points(),
                        rule.cap().map(cap -> new Cap(cap.count(), cap.per().toString())).orElse(null),
                        rule.maxPoints().isPresent() ? rule.maxPoints().getAsDouble() : null)).toList(),
                model.disqualify().stream().map(rule -> new DisqualifyRule(rule.id().value(), rule.description(),
                        rule.kind().map(EventKind::wireName).orElse(null), sorted(rule.names()),
                        rule.when().source(), rule.reason())).toList());
    }

    private static AccountSection account(AccountModel account) {
        return new AccountSection(account.fitMin(), account.threshold(), account.coverageWindow().toDays(),
                account.minRoles(),
                fitRules(account.fit()), account.committee().stream().map(role -> new CommitteeRole(role.role(),
                        role.description(), role.when().source(), role.points())).toList());
    }

    private static List<FitRule> fitRules(List<io.attune.core.model.FitRule> rules) {
        return rules.stream().map(rule -> new FitRule(rule.id().value(), rule.description(), rule.when().source(),
                rule.points())).toList();
    }

    private static List<String> sorted(Set<String> names) {
        return List.copyOf(new TreeSet<>(names));
    }
}
