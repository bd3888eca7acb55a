package io.attune.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.core.model.Segment;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Totality of the classifiers over any text, and content groups that never carry a health term. */
class PrivacyProperties {
    private final HealthTerms terms = HealthTerms.defaults();
    private final PageRules pages = PageRules.defaults(terms);
    private final ContentGroups groups = new ContentGroups(KeyedHash.of("property-secret-0123456789"), pages, terms);
    private final DataDictionary dictionary = DataDictionary.defaults();

    @Property(tries = 1000)
    void every_text_gets_a_term_class_a_page_class_and_a_data_class(@ForAll("texts") String text,
            @ForAll Segment segment) {
        assertThat(terms.classify(text)).isNotNull();
        assertThat(pages.classify(text)).isNotNull();
        assertThat(dictionary.classify(text, text, segment)).isNotNull();
    }

    @Property(tries = 1000)
    void a_content_group_is_opaque_and_never_holds_a_health_term(@ForAll("texts") String text) {
        for (String group : new String[] {groups.ofUrl(text), groups.ofText("title", text),
                groups.generalise("search", text), groups.generalise("referrer", text)}) {
            assertThat(ContentGroups.isContentGroup(group)).isTrue();
            assertThat(terms.mentionsHealth(group)).isFalse();
        }
    }

    @Property(tries = 500)
    void a_term_between_any_separators_is_always_found(@ForAll("terms") String term, @ForAll("words") String before,
            @ForAll("words") String after, @ForAll("separators") String left, @ForAll("separators") String right) {
        assertThat(terms.classify(before + left + term + right + after).isHealth()).isTrue();
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(80),
                Arbitraries.strings().withChars("/?&=#%-_.:abcdefhilmoprstuyADHPST0123456789 ").ofMaxLength(60),
                Arbitraries.of("/find-a-therapist?condition=ptsd", "https://portal.example.org/x?gclid=1",
                        "/anxiety-articles", "//example.org", "http://", "%E2%82", "%%", "?", "#", "/./../"));
    }

    @Provide
    Arbitrary<String> terms() {
        return Arbitraries.of("therapy", "Therapy", "PTSD", "mental health", "mental-health", "rehab", "Detox",
                "suboxone", "eating disorder", "self-harm", "opioids", "therapists", "anxiety", "Sober Living");
    }

    @Provide
    Arbitrary<String> words() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(8);
    }

    @Provide
    Arbitrary<String> separators() {
        return Arbitraries.of("/", "-", "_", " ", "?q=", "&", ": ", "%20", ".", "|");
    }
}
