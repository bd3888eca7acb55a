package io.attune.core.condition;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;

/** The plain-string matching of anchored path patterns answers exactly as RE2's partial match does. */
class AnchoredAlternativesProperties {

    @Property(tries = 3000)
    void plain_matching_agrees_with_re2(@ForAll("patterns") String regex, @ForAll("paths") String path) {
        AnchoredAlternatives plain = AnchoredAlternatives.parse(regex).orElseThrow();

        boolean re2 = Pattern.compile(regex).matcher(path).find();
        assertThat(plain.test(path)).as("%s on %s", regex, path).satisfiesAnyOf(
                answer -> assertThat(answer).contains(re2),
                answer -> assertThat(answer).isEmpty());
        assertThat(plain.test(path)).as("only the two folding characters defer to RE2: %s on %s", regex, path)
                .matches(answer -> answer.isPresent() || path.contains("\u212A") || path.contains("\u017F"));
    }

    @Example
    void other_shapes_are_left_to_re2() {
        assertThat(AnchoredAlternatives.parse("(?s)^/pricing")).isEmpty();
        assertThat(AnchoredAlternatives.parse("(?i)^(linkedin|shrm)$")).isPresent();
        assertThat(AnchoredAlternatives.parse("/pricing")).isEmpty();
        assertThat(AnchoredAlternatives.parse("^/blog/.*")).isEmpty();
        assertThat(AnchoredAlternatives.parse("^/(a|b)+$")).isEmpty();
        assertThat(AnchoredAlternatives.parse("^/conditions/(anxiety|depression)(/|$)")).isPresent();
        assertThat(AnchoredAlternatives.parse("^/(case-studies|customers)/")).isPresent();
    }

    @Provide
    Arbitrary<String> patterns() {
        Arbitrary<String> word = Arbitraries.of("a", "ab", "b", "ba", "c", "", "a-b", "k", "Ks", "i", "I");
        Arbitrary<String> prefix = Arbitraries.of("", "/", "/a", "/x/", "/ab/");
        Arbitrary<String> group = word.list().ofMinSize(1).ofMaxSize(3).map(words -> "(" + String.join("|", words) + ")");
        Arbitrary<String> body = Combinators.combine(prefix, group.injectNull(0.3)).as((p, g) -> g == null ? p : p + g);
        Arbitrary<String> tail = Arbitraries.of("", "/", "$", "(/|$)");
        Arbitrary<String> flags = Arbitraries.of("", "(?i)");
        return Combinators.combine(flags, body, tail).as((f, b, t) -> f + "^" + b + t)
                .filter(regex -> AnchoredAlternatives.parse(regex).isPresent());
    }

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.strings().withChars('/', 'a', 'b', 'c', 'x', '-', 'A', 'B', 'X', '\u212A', '\u00e1', '\u0130', '\u0131', 'I', 'i')
                .ofMaxLength(8);
    }
}
