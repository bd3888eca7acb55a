package io.attune.core.model;

import io.attune.core.condition.Condition;
import io.attune.core.condition.ConditionCompiler;
import io.attune.core.condition.ConditionProblem;
import io.attune.core.condition.InvalidConditionException;
import io.attune.core.event.EventKind;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a {@link ModelDefinition} and compiles it into a {@link ScoringModel}. Every problem is
 * collected, each with its file, line and rule, so an author fixes a model in one pass; a model
 * with any problem does not load.
 */
public final class ModelCompiler {
    private static final Pattern SEEN = Pattern.compile("\\bseen\\s*\\.\\s*([a-z][a-z0-9_]*)");
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,6})\\s*([mhdw])");

    private final ConditionCompiler conditions;

    public ModelCompiler(ConditionCompiler conditions) {
        this.conditions = conditions;
    }

    public ScoringModel compile(ModelDefinition definition) throws InvalidModelException {
        Checker check = new Checker(definition.source());
        ModelVersion version = version(definition, check);
        Segment segment = segment(definition, check);
        double decayPerQuarter = definition.decayPerQuarter() == null
                ? Decay.DEFAULT_PER_QUARTER : definition.decayPerQuarter();
        if (!(decayPerQuarter >= 0 && decayPerQuarter <= Decay.MAX_PER_QUARTER)) {
            check.problem(definition.lineOf("decayPerQuarter"), null,
                    "decayPerQuarter must be between 0 and " + Decay.MAX_PER_QUARTER + ", not " + decayPerQuarter);
            decayPerQuarter = Decay.DEFAULT_PER_QUARTER;
        }
        double fitMin = definition.fitMin() == null ? 0 : definition.fitMin();
        Optional<GradeMatrix> grades = grades(definition.grades(), check);
        if (definition.grades() != null && definition.fitMin() != null) {
            check.problem(definition.lineOf("fitMin"), null,
                    "fitMin does not apply to a grades matrix (the fit grades decide); remove one of them");
        }
        // an invalid grades matrix is reported on its own; it does not also call for a threshold
        double threshold = threshold(definition, definition.grades() != null, check);

        List<FitRule> fit = new ArrayList<>();
        List<EngagementRule> engagement = new ArrayList<>();
        List<DisqualifyRule> disqualify = new ArrayList<>();
        for (RuleDefinition rule : definition.fit()) {
            fitRule(rule, false, check).ifPresent(fit::add);
        }
        for (RuleDefinition rule : definition.engagement()) {
            engagementRule(rule, false, check).ifPresent(engagement::add);
        }
        for (RuleDefinition rule : definition.negative()) {
            if (rule.kind() == null) {
                fitRule(rule, true, check).ifPresent(fit::add);
            } else {
                engagementRule(rule, true, check).ifPresent(engagement::add);
            }
        }
        for (RuleDefinition rule : definition.disqualify()) {
            disqualifyRule(rule, check).ifPresent(disqualify::add);
        }
        Optional<AccountModel> account = account(definition.account(), segment, check);
        Optional<LearnedTerm> learned = learned(definition, check);
        check.uniqueIds(definition);
        check.seenNamesEngagementRules(definition, engagement);
        check.throwIfAny();
        try {
            return new ScoringModel(version, segment, definition.description(), new Decay(decayPerQuarter), fitMin,
                    threshold, grades, fit, engagement, disqualify, account, learned);
        } catch (IllegalArgumentException e) {
            throw new InvalidModelException(List.of(new ModelProblem(definition.source(), 1, null, e.getMessage())));
        }
    }

    private static ModelVersion version(ModelDefinition definition, Checker check) {
        String id = definition.id();
        int number = definition.version() == null ? 0 : definition.version();
        if (id == null) {
            check.problem(1, null, "the model needs an id, e.g. id: employer-starter");
        }
        if (definition.version() == null) {
            check.problem(1, null, "the model needs a version number, e.g. version: 1");
        }
        if (id == null || definition.version() == null) {
            return null;
        }
        try {
            return new ModelVersion(id, number);
        } catch (IllegalArgumentException e) {
            check.problem(definition.lineOf("id"), null, e.getMessage());
            return null;
        }
    }

    private static Segment segment(ModelDefinition definition, Checker check) {
        Optional<Segment> segment = Segment.fromWireName(definition.segment());
        if (segment.isEmpty()) {
            check.problem(definition.lineOf("segment"), null, "segment must be one of consumer, employer, payer, "
                    + "referral, community" + (definition.segment() == null ? "" : ", not " + definition.segment()));
            return Segment.CONSUMER;
        }
        return segment.get();
    }

    private static double threshold(ModelDefinition definition, boolean hasGrades, Checker check) {
        if (definition.threshold() == null) {
            if (!hasGrades) {
                check.problem(1, null, "the model needs a threshold (or a grades matrix), e.g. threshold: 70");
            }
            return Double.MAX_VALUE;
        }
        if (definition.threshold() < 0) {
            check.problem(definition.lineOf("threshold"), null, "threshold must not be negative");
        }
        return definition.threshold();
    }

    private static Optional<GradeMatrix> grades(ModelDefinition.GradesDefinition grades, Checker check) {
        if (grades == null) {
            return Optional.empty();
        }
        if (grades.fitA() == null || grades.fitB() == null || grades.fitC() == null || grades.engagement1() == null
                || grades.engagement2() == null || grades.engagement3() == null || grades.qualifying() == null) {
            check.problem(grades.line(), null,
                    "grades need fit {A, B, C}, engagement {1, 2, 3} cut-offs and a qualify list, e.g. [A1, A2, B1]");
            return Optional.empty();
        }
        try {
            return Optional.of(new GradeMatrix(grades.fitA(), grades.fitB(), grades.fitC(), grades.engagement1(),
                    grades.engagement2(), grades.engagement3(), new LinkedHashSet<>(grades.qualifying())));
        } catch (IllegalArgumentException e) {
            check.problem(grades.line(), null, e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<FitRule> fitRule(RuleDefinition rule, boolean negative, Checker check) {
        RuleId id = check.ruleId(rule);
        Condition when = condition(rule, true, check);
        Double points = check.points(rule);
        if (id == null || when == null || points == null) {
            return Optional.empty();
        }
        return Optional.of(new FitRule(id, rule.description(), when, negative ? -Math.abs(points) : points));
    }

    private Optional<EngagementRule> engagementRule(RuleDefinition rule, boolean negative, Checker check) {
        RuleId id = check.ruleId(rule);
        Optional<EventKind> kind = kind(rule, true, check);
        Condition when = condition(rule, false, check);
        Double points = check.points(rule);
        Optional<Cap> cap = cap(rule, check);
        OptionalDouble maxPoints = OptionalDouble.empty();
        if (rule.maxPoints() != null) {
            if (negative || rule.maxPoints() <= 0) {
                check.problem(rule.line(), rule.id(), "maxPoints must be positive and only applies to positive rules");
            } else {
                maxPoints = OptionalDouble.of(rule.maxPoints());
            }
        }
        if (points != null && !negative && points < 0) {
            check.problem(rule.line(), rule.id(), "engagement points must be positive; put subtracting rules under negative");
            return Optional.empty();
        }
        if (id == null || kind.isEmpty() || when == null || points == null) {
            return Optional.empty();
        }
        return Optional.of(new EngagementRule(id, rule.description(), kind.get(), new HashSet<>(rule.names()), when,
                negative ? -Math.abs(points) : points, cap, maxPoints));
    }

    private Optional<DisqualifyRule> disqualifyRule(RuleDefinition rule, Checker check) {
        RuleId id = check.ruleId(rule);
        Optional<EventKind> kind = rule.kind() == null ? Optional.empty() : kind(rule, true, check);
        // On events the kind and names may say it all ("Job Application Submitted"); on attributes a condition is needed.
        Condition when = condition(rule, rule.kind() == null, check);
        if (rule.reason() == null || rule.reason().isBlank()) {
            check.problem(rule.line(), rule.id(), "a disqualifying rule needs a reason, e.g. reason: competitor");
            return Optional.empty();
        }
        if (id == null || when == null || (rule.kind() != null && kind.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new DisqualifyRule(id, rule.description(), kind, new HashSet<>(rule.names()), when,
                rule.reason()));
    }

    private Optional<AccountModel> account(ModelDefinition.AccountDefinition account, Segment segment, Checker check) {
        if (account == null) {
            return Optional.empty();
        }
        if (!segment.isBusiness()) {
            check.problem(account.line(), null, "only business segments (not consumer) have an account section");
            return Optional.empty();
        }
        if (account.threshold() == null) {
            check.problem(account.line(), null, "the account section needs a threshold");
        }
        int coverageDays = account.coverageDays() == null
                ? (int) AccountModel.DEFAULT_COVERAGE.toDays() : account.coverageDays();
        if (coverageDays < 1 || coverageDays > 3650) {
            check.problem(account.line(), null, "coverageDays must be between 1 and 3650");
            coverageDays = 90;
        }
        List<FitRule> fit = new ArrayList<>();
        for (RuleDefinition rule : account.fit()) {
            fitRule(rule, false, check).ifPresent(fit::add);
        }
        List<CommitteeRole> committee = new ArrayList<>();
        Set<String> roles = new HashSet<>();
        for (RuleDefinition rule : account.committee()) {
            Condition when = condition(rule, true, check);
            Double points = check.points(rule);
            if (rule.role() == null) {
                check.problem(rule.line(), rule.id(), "a committee entry needs a role, e.g. role: benefits_leader");
                continue;
            }
            if (!roles.add(rule.role())) {
                check.problem(rule.line(), rule.role(), "role " + rule.role() + " is listed twice");
                continue;
            }
            if (when == null || points == null) {
                continue;
            }
            try {
                committee.add(new CommitteeRole(rule.role(), rule.description(), when, points));
            } catch (IllegalArgumentException e) {
                check.problem(rule.line(), rule.role(), e.getMessage());
            }
        }
        int minRoles = account.minRoles() == null ? 0 : account.minRoles();
        if (minRoles < 0 || minRoles > account.committee().size()) {
            check.problem(account.line(), null, "minRoles must be between 0 and the number of committee roles ("
                    + account.committee().size() + "), not " + minRoles);
            return Optional.empty();
        }
        if (account.threshold() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AccountModel(account.fitMin() == null ? 0 : account.fitMin(), account.threshold(),
                    fit, committee, Duration.ofDays(coverageDays), Math.min(minRoles, committee.size())));
        } catch (IllegalArgumentException e) {
            check.problem(account.line(), null, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The learned term, checked key by key: its weights may only name this model's fit and engagement
     * rules (negative ones included), because those are the values a lead's score keeps. Rule ids are
     * taken as written, so that a rule with a problem of its own is not also reported as unknown here.
     */
    private static Optional<LearnedTerm> learned(ModelDefinition definition, Checker check) {
        ModelDefinition.LearnedDefinition learned = definition.learned();
        if (learned == null) {
            return Optional.empty();
        }
        boolean valid = true;
        if (learned.points() == null) {
            check.problem(learned.line(), null, "learned needs points, e.g. points: 40");
            valid = false;
        } else if (!(learned.points() > 0 && learned.points() <= LearnedTerm.MAX_POINTS)) {
            check.problem(learned.lineOf("points"), null, "learned.points must be above 0 and at most "
                    + (int) LearnedTerm.MAX_POINTS + ", not " + number(learned.points()));
            valid = false;
        }
        if (learned.intercept() == null) {
            check.problem(learned.line(), null, "learned needs an intercept, e.g. intercept: -2.7");
            valid = false;
        }
        valid &= finite(learned.intercept(), "intercept", learned, check);
        valid &= finite(learned.offset(), "calibration.offset", learned, check);
        double slope = learned.slope() == null ? 1 : learned.slope();
        if (!(slope > 0)) {
            check.problem(learned.lineOf("calibration.slope"), null,
                    "learned.calibration.slope must be above 0, not " + number(slope));
            valid = false;
        }
        Set<String> scored = new HashSet<>();
        definition.fit().forEach(rule -> scored.add(rule.id()));
        definition.engagement().forEach(rule -> scored.add(rule.id()));
        definition.negative().forEach(rule -> scored.add(rule.id()));
        Map<RuleId, Double> weights = new LinkedHashMap<>();
        for (Map.Entry<String, Double> weight : learned.weights().entrySet()) {
            if (!scored.contains(weight.getKey()) || !RuleId.isValid(weight.getKey())) {
                check.problem(learned.lineOf("weights." + weight.getKey()), weight.getKey(), "learned.weights."
                        + weight.getKey() + " names no fit or engagement rule of this model");
                valid = false;
            } else if (weight.getValue() == null) {
                check.problem(learned.lineOf("weights." + weight.getKey()), weight.getKey(), "learned.weights."
                        + weight.getKey() + " needs a number, e.g. 0.03");
                valid = false;
            } else if (finite(weight.getValue(), "weights." + weight.getKey(), learned, check)) {
                weights.put(new RuleId(weight.getKey()), weight.getValue());
            } else {
                valid = false;
            }
        }
        if (!valid || learned.points() == null || learned.intercept() == null) {
            return Optional.empty();
        }
        return Optional.of(new LearnedTerm(learned.points(), learned.intercept(), weights, slope,
                learned.offset() == null ? 0 : learned.offset(), learned.trainedOn()));
    }

    /** Whether a learned number is finite or absent; the YAML reader checks this too, other sources may not. */
    private static boolean finite(Double value, String key, ModelDefinition.LearnedDefinition learned, Checker check) {
        if (value == null || Double.isFinite(value)) {
            return true;
        }
        check.problem(learned.lineOf(key), null, "learned." + key + " must be a finite number, not " + value);
        return false;
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }

    private static Optional<EventKind> kind(RuleDefinition rule, boolean required, Checker check) {
        if (rule.kind() == null) {
            if (required) {
                check.problem(rule.line(), rule.id(), "the rule needs a kind: track, page, screen, identify or group");
            }
            return Optional.empty();
        }
        Optional<EventKind> kind = EventKind.fromWireName(rule.kind().toLowerCase(Locale.ROOT));
        if (kind.isEmpty() || kind.get() == EventKind.ALIAS) {
            check.problem(rule.line(), rule.id(),
                    "kind must be track, page, screen, identify or group, not " + rule.kind());
            return Optional.empty();
        }
        return kind;
    }

    private Condition condition(RuleDefinition rule, boolean required, Checker check) {
        if (rule.when() == null || rule.when().isBlank()) {
            if (required) {
                check.problem(rule.line(), rule.id(), "the rule needs a condition (when: …)");
                return null;
            }
            return Condition.ALWAYS;
        }
        try {
            return conditions.compile(rule.when());
        } catch (InvalidConditionException e) {
            for (ConditionProblem problem : e.problems()) {
                int line = Math.max(rule.whenLine(), 1) + problem.line() - 1;
                check.problem(line, rule.id() == null ? rule.role() : rule.id(),
                        "condition does not check: " + problem.message() + " (column " + problem.column() + ")");
            }
            return null;
        }
    }

    private static Optional<Cap> cap(RuleDefinition rule, Checker check) {
        if (rule.capCount() == null && rule.capPer() == null) {
            return Optional.empty();
        }
        if (rule.capCount() == null || rule.capPer() == null) {
            check.problem(rule.line(), rule.id(), "a cap needs both count and per, e.g. cap: {count: 3, per: 7d}");
            return Optional.empty();
        }
        Optional<Duration> per = duration(rule.capPer());
        if (per.isEmpty()) {
            check.problem(rule.line(), rule.id(),
                    "cap per must be a duration such as 30m, 12h, 7d, 2w or P7D, not " + rule.capPer());
            return Optional.empty();
        }
        try {
            return Optional.of(new Cap(rule.capCount(), per.get()));
        } catch (IllegalArgumentException e) {
            check.problem(rule.line(), rule.id(), e.getMessage());
            return Optional.empty();
        }
    }

    static Optional<Duration> duration(String text) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        Matcher shortForm = SHORT_DURATION.matcher(trimmed);
        if (shortForm.matches()) {
            long amount = Long.parseLong(shortForm.group(1));
            return Optional.of(switch (shortForm.group(2)) {
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> Duration.ofDays(7 * amount);
            });
        }
        try {
            return Optional.of(Duration.parse(trimmed.toUpperCase(Locale.ROOT)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Collects problems while the compiler walks the definition. */
    private static final class Checker {
        private final String source;
        private final List<ModelProblem> problems = new ArrayList<>();

        Checker(String source) {
            this.source = source;
        }

        void problem(int line, String rule, String message) {
            problems.add(new ModelProblem(source, line, rule, message));
        }

        RuleId ruleId(RuleDefinition rule) {
            if (rule.id() == null) {
                problem(rule.line(), null, "the rule needs an id, e.g. id: pricing_page");
                return null;
            }
            if (!RuleId.isValid(rule.id())) {
                problem(rule.line(), rule.id(),
                        "rule ids are lower-case letters, digits, '_', '.' or '-', starting with a letter");
                return null;
            }
            return new RuleId(rule.id());
        }

        Double points(RuleDefinition rule) {
            String name = rule.id() == null ? rule.role() : rule.id();
            if (rule.points() == null) {
                problem(rule.line(), name, "the rule needs points, e.g. points: 10");
                return null;
            }
            if (rule.points().isNaN() || rule.points().isInfinite() || rule.points() == 0
                    || Math.abs(rule.points()) > 10_000) {
                problem(rule.line(), name, "points must be a non-zero number between -10000 and 10000");
                return null;
            }
            return rule.points();
        }

        void uniqueIds(ModelDefinition definition) {
            Set<String> seen = new HashSet<>();
            List<RuleDefinition> all = new ArrayList<>();
            all.addAll(definition.fit());
            all.addAll(definition.engagement());
            all.addAll(definition.negative());
            all.addAll(definition.disqualify());
            if (definition.account() != null) {
                all.addAll(definition.account().fit());
            }
            for (RuleDefinition rule : all) {
                if (rule.id() != null && !seen.add(rule.id())) {
                    problem(rule.line(), rule.id(), "rule id " + rule.id() + " is used twice in this model");
                }
            }
        }

        /** {@code seen.<id>} must name an engagement rule, or the condition would fail on every event. */
        void seenNamesEngagementRules(ModelDefinition definition, List<EngagementRule> engagement) {
            Set<String> ids = new HashSet<>();
            engagement.forEach(rule -> ids.add(rule.id().value()));
            List<RuleDefinition> all = new ArrayList<>();
            all.addAll(definition.fit());
            all.addAll(definition.engagement());
            all.addAll(definition.negative());
            all.addAll(definition.disqualify());
            for (RuleDefinition rule : all) {
                if (rule.when() == null) {
                    continue;
                }
                Matcher seen = SEEN.matcher(rule.when());
                while (seen.find()) {
                    if (!ids.contains(seen.group(1))) {
                        problem(rule.whenLine(), rule.id(), "seen." + seen.group(1)
                                + " names no engagement rule of this model");
                    }
                }
            }
        }

        void throwIfAny() throws InvalidModelException {
            if (!problems.isEmpty()) {
                problems.sort(java.util.Comparator.comparingInt(ModelProblem::line));
                throw new InvalidModelException(problems);
            }
        }
    }
}
