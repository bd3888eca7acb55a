package io.attune.store.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attune.core.copy.CatalogueId;
import io.attune.core.copy.CheckKind;
import io.attune.core.copy.CopyCategory;
import io.attune.core.copy.CopyCheck;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class YamlCopyRulesTest {
    private static final String VALID = """
            category: pressure
            rule: CRISIS-06
            source: "RULES.md CRISIS-06"
            checks:
              - id: act-now
                severity: warn
                match: ['act now']
                why: "Urgency."
                examples:
                  match: ["[[Act now]]."]
                  pass: ["Call when ready."]
            """;

    @Test
    void the_standard_rules_cover_every_category_with_the_catalogue_rules_of_the_issue() {
        List<CopyCheck> checks = YamlCopyRules.standard().checks();

        assertThat(checks.stream().map(CopyCheck::category).collect(Collectors.toSet()))
                .isEqualTo(EnumSet.allOf(CopyCategory.class));
        assertThat(checks.stream().map(check -> check.rule().value()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("CLAIM-01", "CLAIM-02", "CLAIM-04", "CRISIS-06", "USE-07", "INS-01",
                        "INS-02", "SUD-05", "SUD-07", "LANG-01");
        assertThat(checks).filteredOn(check -> check.kind() == CheckKind.TOPIC).extracting(check -> check.id().value())
                .containsExactly("crisis-resources");
    }

    @Test
    void a_file_takes_its_rule_and_source_for_every_check_that_names_none() {
        CopyCheck check = YamlCopyRules.read("test.yaml", VALID).get(0);

        assertThat(check.rule()).isEqualTo(new CatalogueId("CRISIS-06"));
        assertThat(check.source()).isEqualTo("RULES.md CRISIS-06");
        assertThat(check.kind()).isEqualTo(CheckKind.CLAIM);
        assertThat(check.substantiable()).isFalse();
        assertThat(check.suggestion()).isEmpty();
    }

    @Test
    void an_unknown_key_is_refused_with_the_file_name() {
        assertThatThrownBy(() -> YamlCopyRules.read("test.yaml", VALID.replace("why:", "reason:")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("test.yaml: ")
                .hasMessageContaining("reason");
    }

    @Test
    void a_bad_value_is_refused_naming_the_file_and_the_check() {
        assertThatThrownBy(() -> YamlCopyRules.read("test.yaml", VALID.replace("severity: warn", "severity: fatal")))
                .hasMessage("test.yaml, check act-now: severity \"fatal\" is not one of the allowed values");
        assertThatThrownBy(() -> YamlCopyRules.read("test.yaml", VALID.replace("'act now'", "'act (now'")))
                .hasMessageStartingWith("test.yaml, check act-now: the phrase \"act (now\" is not a valid regular expression");
        assertThatThrownBy(() -> YamlCopyRules.read("test.yaml", VALID.replace("category: pressure", "category: spam")))
                .hasMessage("test.yaml: category \"spam\" is not one of the allowed values");
    }

    @Test
    void a_check_without_examples_both_ways_is_refused() {
        String noPass = VALID.replace("      pass: [\"Call when ready.\"]\n", "");

        assertThatThrownBy(() -> YamlCopyRules.read("test.yaml", noPass))
                .hasMessage("test.yaml, check act-now: check act-now needs examples that must match and examples "
                        + "that must not");
    }

    @Test
    void only_claims_may_be_substantiated() {
        String term = VALID.replace("severity: warn", "severity: warn\n    kind: term\n    substantiable: true");

        assertThatThrownBy(() -> YamlCopyRules.read("test.yaml", term))
                .hasMessageContaining("can be substantiated only if it is a claim");
    }
}
