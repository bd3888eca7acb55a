package io.attune.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContentGroupsTest {
    private static final KeyedHash KEY = KeyedHash.of("workspace-secret-0123456789");
    private final HealthTerms terms = HealthTerms.defaults();
    private final PageRules pages = PageRules.defaults(terms);
    private final ContentGroups groups = new ContentGroups(KEY, pages, terms);

    @Test
    void a_url_becomes_an_opaque_id_without_its_condition_or_query() {
        String group = groups.ofUrl("https://www.example.org/find-a-therapist?condition=ptsd");

        assertThat(ContentGroups.isContentGroup(group)).isTrue();
        assertThat(terms.mentionsHealth(group)).isFalse();
        assertThat(group).doesNotContain("ptsd", "therapist", "condition");
    }

    @Test
    void the_same_page_always_has_the_same_group_whatever_its_query_host_or_fragment() {
        assertThat(groups.ofUrl("/find-a-therapist?condition=ptsd"))
                .isEqualTo(groups.ofUrl("https://example.org/find-a-therapist?condition=anxiety#top"))
                .isEqualTo(new ContentGroups(KEY, pages, terms).ofUrl("/find-a-therapist"));
    }

    @Test
    void pages_of_one_class_share_the_group_of_their_first_segment_without_a_health_term() {
        assertThat(groups.ofUrl("/anxiety/articles/coping")).isEqualTo(groups.ofUrl("/depression/articles/sleep"));
        assertThat(groups.ofUrl("/careers/nurses")).isEqualTo(groups.ofUrl("/careers/front-desk"));
        assertThat(groups.ofUrl("/careers/nurses")).isNotEqualTo(groups.ofUrl("/visiting-hours"));
        assertThat(groups.ofUrl("/anxiety-articles")).isNotEqualTo(groups.ofUrl("/book-anxiety-assessment"));
    }

    @Test
    void a_different_key_gives_different_ids_so_guesses_cannot_be_hashed() {
        ContentGroups other = new ContentGroups(KeyedHash.of("another-workspace-secret"), pages, terms);

        assertThat(other.ofUrl("/anxiety-articles")).isNotEqualTo(groups.ofUrl("/anxiety-articles"));
    }

    @Test
    void a_configured_group_takes_every_page_under_its_prefix() {
        ContentGroups own = new ContentGroups(KEY, pages, terms,
                List.of(new ContentGroupRule("/locations", "locations")), ContentGroups.DEFAULT_CLICK_IDS);

        assertThat(own.ofUrl("/locations/brooklyn")).isEqualTo(own.ofUrl("/locations/queens-detox-center"));
        assertThat(own.ofUrl("/locationsx")).isNotEqualTo(own.ofUrl("/locations"));
    }

    @Test
    void titles_and_search_terms_with_health_terms_share_one_group_per_kind() {
        assertThat(groups.ofText("title", "Anxiety Articles | Clinic"))
                .isEqualTo(groups.ofText("title", "Living with OCD"))
                .isNotEqualTo(groups.ofText("search", "ocd"));
        assertThat(groups.ofText("search", "opioid detox")).isNotEqualTo(groups.ofText("search", "ocd"));
        assertThat(groups.ofText("title", "Careers")).isNotEqualTo(groups.ofText("title", "Visiting hours"));
        assertThat(groups.generalise("referrer", "https://google.com/search?q=rehab"))
                .isEqualTo(groups.ofUrl("https://google.com/search?q=rehab"));
    }

    @Test
    void only_allow_listed_click_ids_survive_the_query() {
        assertThat(groups.clickIds("/visit?gclid=abc&condition=ptsd&fbclid=def&utm_campaign=anxiety&gclid=zzz"))
                .containsExactly(java.util.Map.entry("gclid", "abc"), java.util.Map.entry("fbclid", "def"));
        assertThat(groups.clickIds("/visit?li_fat_id=1&MSCLKID=2")).containsOnlyKeys("li_fat_id", "msclkid");
        assertThat(groups.clickIds("/visit")).isEmpty();
    }
}
