package io.attune.core;

import io.attune.core.condition.ConditionCompiler;
import io.attune.core.model.InvalidModelException;
import io.attune.core.model.ModelCatalog;
import io.attune.core.model.ModelCompiler;
import io.attune.core.model.ModelDefinition;
import io.attune.core.model.RuleDefinition;
import io.attune.core.model.ScoringModel;
import io.attune.core.model.Segment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds scoring models for tests the way a model file would: a {@link ModelDefinition} of
 * {@link RuleDefinition}s, compiled by {@link ModelCompiler}. Shared with other modules through
 * the core's test jar.
 *
 * <pre>{@code
 * ScoringModel model = TestModels.model("employer-test", Segment.EMPLOYER)
 *         .threshold(50)
 *         .fit(TestModels.rule("vp_title").when("lead.title.contains('VP')").points(20))
 *         .engagement(TestModels.rule("pricing").kind("page").when("page.path == '/pricing'").points(15)
 *                 .cap(1, "7d"))
 *         .compile();
 * }</pre>
 */
public final class TestModels {
    private TestModels() {
    }

    /** A model with id {@code id}, version 1, of {@code segment}, and nothing else yet. */
    public static ModelBuilder model(String id, Segment segment) {
        return new ModelBuilder(id, segment);
    }

    /** A rule with id {@code id}; for committee entries use {@link #role(String)}. */
    public static RuleBuilder rule(String id) {
        return new RuleBuilder(id, null);
    }

    /** A buying-committee entry of an account section. */
    public static RuleBuilder role(String role) {
        return new RuleBuilder(null, role);
    }

    /** An account section, for business segments. */
    public static AccountBuilder account() {
        return new AccountBuilder();
    }

    /** A learned section as a model file would state it, at line 90; {@code slope} and {@code offset} may be null. */
    public static ModelDefinition.LearnedDefinition learned(double points, double intercept,
            Map<String, Double> weights, Double slope, Double offset) {
        return new ModelDefinition.LearnedDefinition(90, points, intercept, weights, slope, offset, "test outcomes",
                Map.of());
    }

    /** Compiles a definition with a fresh compiler; a test model that does not check is a test bug. */
    public static ScoringModel compile(ModelDefinition definition) {
        try {
            return new ModelCompiler(new ConditionCompiler()).compile(definition);
        } catch (InvalidModelException e) {
            throw new IllegalStateException("the test model does not check:\n" + e.getMessage(), e);
        }
    }

    /** A catalog with these models active, one per segment; leads that name no segment get {@code defaultSegment}. */
    public static ModelCatalog catalog(Segment defaultSegment, ScoringModel... models) {
        Map<Segment, ScoringModel> bySegment = new EnumMap<>(Segment.class);
        for (ScoringModel model : models) {
            if (bySegment.put(model.segment(), model) != null) {
                throw new IllegalArgumentException("two models for segment " + model.segment());
            }
        }
        if (!bySegment.containsKey(defaultSegment)) {
            throw new IllegalArgumentException("no model for the default segment " + defaultSegment);
        }
        return new ModelCatalog() {
            @Override
            public ScoringModel active(Segment segment) {
                ScoringModel model = bySegment.get(segment);
                return model != null ? model : bySegment.get(defaultSegment);
            }

            @Override
            public Segment defaultSegment() {
                return defaultSegment;
            }
        };
    }

    /** A model definition under construction. Rules get consecutive line numbers unless given one. */
    public static final class ModelBuilder {
        private String source;
        private String id;
        private Integer version = 1;
        private String segment;
        private String description;
        private Double decayPerQuarter;
        private Double fitMin;
        private Double threshold;
        private ModelDefinition.GradesDefinition grades;
        private final List<RuleBuilder> fit = new ArrayList<>();
        private final List<RuleBuilder> engagement = new ArrayList<>();
        private final List<RuleBuilder> negative = new ArrayList<>();
        private final List<RuleBuilder> disqualify = new ArrayList<>();
        private AccountBuilder account;
        private ModelDefinition.LearnedDefinition learned;
        private final Map<String, Integer> lines = new LinkedHashMap<>();

        private ModelBuilder(String id, Segment segment) {
            this.id = id;
            this.segment = segment == null ? null : segment.wireName();
            this.source = (id == null ? "model" : id) + ".yaml";
        }

        public ModelBuilder source(String source) {
            this.source = source;
            return this;
        }

        public ModelBuilder id(String id) {
            this.id = id;
            return this;
        }

        public ModelBuilder version(Integer version) {
            this.version = version;
            return this;
        }

        /** The segment as written, which may be one the compiler refuses. */
        public ModelBuilder segment(String segment) {
            this.segment = segment;
            return this;
        }

        public ModelBuilder description(String description) {
            this.description = description;
            return this;
        }

        public ModelBuilder decayPerQuarter(double decayPerQuarter) {
            this.decayPerQuarter = decayPerQuarter;
            return this;
        }

        public ModelBuilder fitMin(double fitMin) {
            this.fitMin = fitMin;
            return this;
        }

        public ModelBuilder threshold(double threshold) {
            this.threshold = threshold;
            return this;
        }

        /** A grade × score matrix: fit cut-offs A > B > C, engagement cut-offs 1 > 2 > 3, qualifying cells. */
        public ModelBuilder grades(double fitA, double fitB, double fitC, double engagement1, double engagement2,
                double engagement3, String... qualifying) {
            this.grades = new ModelDefinition.GradesDefinition(1, fitA, fitB, fitC, engagement1, engagement2,
                    engagement3, List.of(qualifying));
            return this;
        }

        /** The file line of a top-level key ({@code threshold}, {@code segment}…), for error messages. */
        public ModelBuilder line(String key, int line) {
            lines.put(key, line);
            return this;
        }

        public ModelBuilder fit(RuleBuilder... rules) {
            fit.addAll(Arrays.asList(rules));
            return this;
        }

        public ModelBuilder engagement(RuleBuilder... rules) {
            engagement.addAll(Arrays.asList(rules));
            return this;
        }

        public ModelBuilder negative(RuleBuilder... rules) {
            negative.addAll(Arrays.asList(rules));
            return this;
        }

        public ModelBuilder disqualify(RuleBuilder... rules) {
            disqualify.addAll(Arrays.asList(rules));
            return this;
        }

        public ModelBuilder account(AccountBuilder account) {
            this.account = account;
            return this;
        }

        public ModelBuilder learned(ModelDefinition.LearnedDefinition learned) {
            this.learned = learned;
            return this;
        }

        public ModelDefinition definition() {
            int[] line = {10};
            return new ModelDefinition(source, id, version, segment, description, decayPerQuarter, fitMin, threshold,
                    grades, definitions(fit, line), definitions(engagement, line), definitions(negative, line),
                    definitions(disqualify, line), account == null ? null : account.definition(line), learned, lines);
        }

        /** Compiles the model; see {@link TestModels#compile(ModelDefinition)}. */
        public ScoringModel compile() {
            return TestModels.compile(definition());
        }
    }

    /** The account section of a business model under construction. */
    public static final class AccountBuilder {
        private Double fitMin;
        private Double threshold;
        private Integer coverageDays;
        private Integer minRoles;
        private final List<RuleBuilder> fit = new ArrayList<>();
        private final List<RuleBuilder> committee = new ArrayList<>();

        private AccountBuilder() {
        }

        public AccountBuilder fitMin(double fitMin) {
            this.fitMin = fitMin;
            return this;
        }

        public AccountBuilder threshold(double threshold) {
            this.threshold = threshold;
            return this;
        }

        public AccountBuilder coverageDays(int coverageDays) {
            this.coverageDays = coverageDays;
            return this;
        }

        public AccountBuilder minRoles(int minRoles) {
            this.minRoles = minRoles;
            return this;
        }

        public AccountBuilder fit(RuleBuilder... rules) {
            fit.addAll(Arrays.asList(rules));
            return this;
        }

        public AccountBuilder committee(RuleBuilder... roles) {
            committee.addAll(Arrays.asList(roles));
            return this;
        }

        private ModelDefinition.AccountDefinition definition(int[] line) {
            int at = line[0]++;
            return new ModelDefinition.AccountDefinition(at, fitMin, threshold, coverageDays, minRoles,
                    definitions(fit, line),
                    definitions(committee, line));
        }
    }

    /** One rule as a model file would state it; every field but the id may stay absent. */
    public static final class RuleBuilder {
        private final String id;
        private final String role;
        private Integer line;
        private String description;
        private String kind;
        private final List<String> names = new ArrayList<>();
        private String when;
        private int whenLine;
        private Double points;
        private Integer capCount;
        private String capPer;
        private Double maxPoints;
        private String reason;

        private RuleBuilder(String id, String role) {
            this.id = id;
            this.role = role;
        }

        /** The file line of the rule; by default rules take consecutive lines from 10. */
        public RuleBuilder line(int line) {
            this.line = line;
            return this;
        }

        public RuleBuilder description(String description) {
            this.description = description;
            return this;
        }

        /** The event kind as written: track, page, screen, identify or group. */
        public RuleBuilder kind(String kind) {
            this.kind = kind;
            return this;
        }

        public RuleBuilder names(String... names) {
            this.names.addAll(Arrays.asList(names));
            return this;
        }

        /** The CEL condition; its first line is the rule's line unless {@link #when(String, int)} says otherwise. */
        public RuleBuilder when(String when) {
            this.when = when;
            return this;
        }

        /** The CEL condition, whose first line is at {@code whenLine} of the file. */
        public RuleBuilder when(String when, int whenLine) {
            this.when = when;
            this.whenLine = whenLine;
            return this;
        }

        public RuleBuilder points(double points) {
            this.points = points;
            return this;
        }

        /** At most {@code count} scorings in any window of {@code per} (30m, 12h, 7d, 2w or ISO-8601). */
        public RuleBuilder cap(Integer count, String per) {
            this.capCount = count;
            this.capPer = per;
            return this;
        }

        public RuleBuilder maxPoints(double maxPoints) {
            this.maxPoints = maxPoints;
            return this;
        }

        public RuleBuilder reason(String reason) {
            this.reason = reason;
            return this;
        }

        /** This rule as the compiler reads it, at {@code line} unless a line was set. */
        public RuleDefinition definition(int line) {
            int at = this.line == null ? line : this.line;
            return new RuleDefinition(id, at, description, kind, names, when, whenLine == 0 ? at : whenLine,
                    points, capCount, capPer, maxPoints, reason, role);
        }
    }

    private static List<RuleDefinition> definitions(List<RuleBuilder> rules, int[] line) {
        List<RuleDefinition> definitions = new ArrayList<>(rules.size());
        for (RuleBuilder rule : rules) {
            definitions.add(Objects.requireNonNull(rule, "rule").definition(line[0]++));
        }
        return definitions;
    }
}
