package io.attune.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.core.event.Attributes;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountRollupTest {

    @Test
    void an_organisation_domain_comes_from_its_domain_or_website_trait_without_www() {
        assertThat(AccountRollup.domainOf(Attributes.of(Map.of("website", "https://www.Acme.com/about"))))
                .contains("acme.com");
        assertThat(AccountRollup.domainOf(Attributes.of(Map.of("domain", "beta.org", "website", "https://x.io"))))
                .contains("beta.org");
        assertThat(AccountRollup.domainOf(Attributes.of(Map.of("website", "www.gamma.health")))).contains("gamma.health");
    }

    @Test
    void text_that_names_no_domain_gives_none() {
        assertThat(AccountRollup.domainOf(Attributes.of(Map.of("website", "not a website")))).isEmpty();
        assertThat(AccountRollup.domainOf(Attributes.of(Map.of("website", "localhost")))).isEmpty();
        assertThat(AccountRollup.domainOf(Attributes.of(Map.of("domain", 42)))).isEmpty();
        assertThat(AccountRollup.domainOf(Attributes.EMPTY)).isEmpty();
    }
}
