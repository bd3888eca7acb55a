package io.attune.store.copy;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.core.copy.CopyCheck;
import io.attune.core.copy.CopyFormat;
import io.attune.core.copy.CopyLinter;
import io.attune.core.copy.Finding;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example written in the bundled rule files, run through the standard linter: a matching
 * example must produce a finding of its check over exactly the span marked {@code [[…]]}, a passing
 * example no finding of its check.
 */
class CopyRuleExamplesTest {
    private static final CopyLinter LINTER = YamlCopyRules.standardLinter();

    static Stream<Arguments> matching() {
        return YamlCopyRules.standard().checks().stream().flatMap(check -> check.examples().matching().stream()
                .map(example -> Arguments.of(check.id().value(), example, check)));
    }

    static Stream<Arguments> passing() {
        return YamlCopyRules.standard().checks().stream().flatMap(check -> check.examples().passing().stream()
                .map(example -> Arguments.of(check.id().value(), example, check)));
    }

    @ParameterizedTest(name = "{0} finds {1}")
    @MethodSource("matching")
    void each_matching_example_is_found_over_its_marked_span(String id, String example, CopyCheck check) {
        int open = example.indexOf("[[");
        int close = example.indexOf("]]");
        assertThat(open).as("a matching example marks its span with [[…]]: %s", example).isNotNegative();
        assertThat(close).isGreaterThan(open);
        String text = example.substring(0, open) + example.substring(open + 2, close) + example.substring(close + 2);
        int end = close - 2;

        List<Finding> findings = LINTER.lint(text, CopyFormat.TEXT, Set.of()).findings();

        assertThat(findings).as("findings for %s", text)
                .anySatisfy(finding -> {
                    assertThat(finding.check()).isEqualTo(check.id());
                    assertThat(finding.span().start().offset()).isEqualTo(open);
                    assertThat(finding.span().end().offset()).isEqualTo(end);
                    assertThat(finding.severity()).isEqualTo(check.severity());
                    assertThat(finding.rule()).isEqualTo(check.rule());
                });
    }

    @ParameterizedTest(name = "{0} passes {1}")
    @MethodSource("passing")
    void each_passing_example_has_no_finding_of_its_check(String id, String example, CopyCheck check) {
        List<Finding> findings = LINTER.lint(example, CopyFormat.TEXT, Set.of()).findings();

        assertThat(findings).as("findings for %s", example).noneMatch(finding -> finding.check().equals(check.id()));
    }
}
