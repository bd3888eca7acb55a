package io.attune.core.privacy;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One workspace's classification rules, built once from its settings: the health terms, the data
 * dictionary, the page rules and the content groups, all over the same terms. Immutable; share it.
 */
public record PrivacyRules(HealthTerms terms, DataDictionary dictionary, PageRules pages,
        ContentGroups contentGroups) {

    public PrivacyRules {
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(dictionary, "dictionary");
        Objects.requireNonNull(pages, "pages");
        Objects.requireNonNull(contentGroups, "contentGroups");
    }

    /** The defaults, with content groups hashed under {@code contentGroupKey}. */
    public static PrivacyRules defaults(KeyedHash contentGroupKey) {
        return configured(contentGroupKey, List.of(), List.of(), Map.of(), List.of(), List.of());
    }

    /**
     * The defaults with a workspace's additions: health and substance-use terms (provider and program
     * names), dictionary entries (which win over the defaults), page rules (tried before the defaults)
     * and content groups.
     */
    public static PrivacyRules configured(KeyedHash contentGroupKey, Collection<String> healthTerms,
            Collection<String> substanceUseTerms, Map<String, DataClass> dictionaryEntries, List<PageRule> pageRules,
            List<ContentGroupRule> contentGroups) {
        HealthTerms terms = HealthTerms.defaults().with(healthTerms, substanceUseTerms);
        PageRules pages = PageRules.defaults(terms).withWorkspaceRules(pageRules);
        return new PrivacyRules(terms, DataDictionary.defaults(terms).with(dictionaryEntries), pages,
                new ContentGroups(contentGroupKey, pages, terms, contentGroups, ContentGroups.DEFAULT_CLICK_IDS));
    }
}
