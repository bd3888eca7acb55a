package io.attune.store.copy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.attune.core.copy.CatalogueId;
import io.attune.core.copy.CheckId;
import io.attune.core.copy.CheckKind;
import io.attune.core.copy.CopyCategory;
import io.attune.core.copy.CopyCheck;
import io.attune.core.copy.CopyLinter;
import io.attune.core.copy.CopyRules;
import io.attune.core.copy.Phrase;
import io.attune.core.copy.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads copy-linter rule files (YAML) into {@link CopyRules}, and holds the standard rules bundled
 * with Attune: one file per category under {@code /copy-rules/}. A file names its category and the
 * catalogue rule and source its checks share; each check may name its own rule and source.
 */
public final class YamlCopyRules {
    /** The bundled rule files, in the order their checks run. */
    public static final List<String> STANDARD_FILES = List.of("outcome-claims.yaml", "credential-claims.yaml",
            "pressure.yaml", "testimonials.yaml", "privacy-claims.yaml", "insurance-inducements.yaml",
            "referral-claims.yaml", "stigma.yaml", "safe-messaging.yaml");

    private static final ObjectMapper YAML = YAMLMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private YamlCopyRules() {
    }

    /** The standard rules, read once. */
    public static CopyRules standard() {
        return Standard.RULES;
    }

    /** A linter over the standard rules. */
    public static CopyLinter standardLinter() {
        return Standard.LINTER;
    }

    /**
     * The checks of one rule file.
     *
     * @param name how problems name the file
     * @throws IllegalArgumentException naming the file and check when the file is not a valid rule file
     */
    public static List<CopyCheck> read(String name, String yaml) {
        RuleFile file;
        try {
            file = YAML.readValue(yaml, RuleFile.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(name + ": " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        }
        if (file == null || file.checks() == null || file.checks().isEmpty()) {
            throw new IllegalArgumentException(name + ": a rule file needs a list of checks");
        }
        CopyCategory category = required(name + ": ", "category", file.category(), CopyCategory::ofWireName);
        List<CopyCheck> checks = new ArrayList<>();
        for (RuleCheck check : file.checks()) {
            String where = name + ", check " + check.id();
            try {
                checks.add(check.toCheck(file, category));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        return checks;
    }

    /** @param where how the message starts ("outcome-claims.yaml: "), or empty inside a check */
    private static <T> T required(String where, String key, String value, Function<String, Optional<T>> parse) {
        if (value == null) {
            throw new IllegalArgumentException(where + key + " is required");
        }
        return parse.apply(value).orElseThrow(() -> new IllegalArgumentException(where + key + " \""
                + value + "\" is not one of the allowed values"));
    }

    private static String text(String resource) {
        try (InputStream in = YamlCopyRules.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the rule file " + resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shape of a rule file, as Jackson reads it. */
    record RuleFile(String category, String rule, String source, List<RuleCheck> checks) {
    }

    record RuleExamples(List<String> match, List<String> pass) {
    }

    record RuleCheck(String id, String rule, String severity, String kind, List<String> match, List<String> unless,
            Boolean substantiable, String why, String suggestion, String source, RuleExamples examples) {

        CopyCheck toCheck(RuleFile file, CopyCategory category) {
            if (id == null) {
                throw new IllegalArgumentException("id is required");
            }
            String ruleId = rule != null ? rule : file.rule();
            if (ruleId == null) {
                throw new IllegalArgumentException("rule is required, in the check or for the whole file");
            }
            return new CopyCheck(new CheckId(id), new CatalogueId(ruleId), category,
                    required("", "severity", severity, Severity::ofWireName),
                    kind == null ? CheckKind.CLAIM : required("", "kind", kind, CheckKind::ofWireName),
                    phrases(match), phrases(unless), Boolean.TRUE.equals(substantiable), why,
                    Optional.ofNullable(suggestion), source != null ? source : file.source(),
                    new CopyCheck.Examples(examples == null || examples.match() == null ? List.of() : examples.match(),
                            examples == null || examples.pass() == null ? List.of() : examples.pass()));
        }

        private static List<Phrase> phrases(List<String> written) {
            return written == null ? List.of() : written.stream().map(Phrase::of).toList();
        }
    }

    /** Holder: the standard rules are read and compiled when first used, once. */
    private static final class Standard {
        static final CopyRules RULES = load();
        static final CopyLinter LINTER = new CopyLinter(RULES);

        private static CopyRules load() {
            List<CopyCheck> checks = new ArrayList<>();
            for (String file : STANDARD_FILES) {
                // The bundled files ship inside this jar and are tested; one that fails is a bug.
                checks.addAll(read(file, text("/copy-rules/" + file)));
            }
            return new CopyRules(checks);
        }
    }
}
