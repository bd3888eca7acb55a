package io.attune.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.core.TestEvents;
import io.attune.core.identity.Identity;
import io.attune.core.identity.IdentityKind;
import io.attune.core.identity.LeadId;
import io.attune.core.workspace.WorkspaceId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdentityResolverTest {
    private static final WorkspaceId WORKSPACE = new WorkspaceId("ws");

    private final InMemoryLeadBook book = new InMemoryLeadBook();
    private final IdentityResolver resolver = new IdentityResolver();

    @Test
    void an_unknown_sender_needs_a_new_lead_seeded_by_the_user_id() {
        IdentityResolver.Resolution resolution = resolver.resolve(TestEvents.user("u-1", "a-1").track("Signed Up"),
                book);

        assertThat(resolution.lead()).isEmpty();
        assertThat(resolution.merge()).isEmpty();
        assertThat(resolution.seed()).isEqualTo(user("u-1"));
        assertThat(resolution.link()).containsExactly(user("u-1"), anonymous("a-1"));
    }

    @Test
    void a_known_anonymous_id_resolves_to_its_lead_and_links_the_new_user_id() {
        LeadId lead = lead(anonymous("a-1"));

        IdentityResolver.Resolution resolution = resolver.resolve(
                TestEvents.user("u-1", "a-1").identify(Map.of("email", " Pat@Acme.com ")), book);

        assertThat(resolution.lead()).contains(lead);
        assertThat(resolution.merge()).isEmpty();
        assertThat(resolution.link()).containsExactly(user("u-1"), new Identity(IdentityKind.EMAIL, "pat@acme.com"));
    }

    @Test
    void an_email_in_identify_traits_finds_the_lead_that_gave_it() {
        LeadId lead = lead(new Identity(IdentityKind.EMAIL, "pat@acme.com"));

        IdentityResolver.Resolution resolution = resolver.resolve(
                TestEvents.anonymous("a-2").identify(Map.of("email", "PAT@acme.com")), book);

        assertThat(resolution.lead()).contains(lead);
    }

    @Test
    void ids_of_two_leads_in_one_event_merge_them() {
        LeadId first = lead(anonymous("a-1"));
        LeadId second = lead(user("u-1"));

        IdentityResolver.Resolution resolution = resolver.resolve(TestEvents.user("u-1", "a-1").track("Viewed"), book);

        assertThat(resolution.lead()).contains(second);
        assertThat(resolution.merge()).containsExactly(first);
        assertThat(resolution.link()).containsExactly(anonymous("a-1"));
    }

    @Test
    void two_different_user_ids_on_one_browser_stay_apart() {
        LeadId parent = lead(user("u-parent"), anonymous("shared"));

        IdentityResolver.Resolution resolution = resolver.resolve(
                TestEvents.user("u-teen", "shared").track("Viewed"), book);

        assertThat(resolution.lead()).isEmpty();
        assertThat(resolution.merge()).isEmpty();
        assertThat(resolution.seed()).isEqualTo(user("u-teen"));
        assertThat(resolution.link()).containsExactly(user("u-teen"));
        assertThat(book.leadOf(anonymous("shared"))).contains(parent);
    }

    @Test
    void two_user_ids_sharing_a_family_email_stay_apart() {
        LeadId parent = lead(user("u-parent"), new Identity(IdentityKind.EMAIL, "family@example.com"));
        LeadId teen = lead(user("u-teen"));

        IdentityResolver.Resolution resolution = resolver.resolve(
                TestEvents.user("u-teen").identify(Map.of("email", "family@example.com")), book);

        assertThat(resolution.lead()).contains(teen);
        assertThat(resolution.merge()).doesNotContain(parent).isEmpty();
        assertThat(resolution.link()).isEmpty();
    }

    @Test
    void an_alias_merges_even_across_user_ids() {
        LeadId old = lead(user("u-old"));
        LeadId current = lead(user("u-new"));

        IdentityResolver.Resolution resolution = resolver.resolve(TestEvents.user("u-new").alias("u-old"), book);

        assertThat(resolution.lead()).contains(current);
        assertThat(resolution.merge()).containsExactly(old);
    }

    @Test
    void a_lead_that_an_alias_gave_two_user_ids_still_merges_with_its_own_devices() {
        LeadId aliased = lead(user("u-old"), user("u-new"), new Identity(IdentityKind.EMAIL, "sam@acme.com"));
        LeadId phone = lead(anonymous("phone"));

        IdentityResolver.Resolution resolution = resolver.resolve(
                TestEvents.anonymous("phone").identify(Map.of("email", "sam@acme.com")), book);

        assertThat(resolution.lead()).contains(phone);
        assertThat(resolution.merge()).containsExactly(aliased);
    }

    @Test
    void an_alias_of_an_anonymous_id_merges_its_lead() {
        LeadId browsing = lead(anonymous("a-9"));
        LeadId current = lead(user("u-1"));

        IdentityResolver.Resolution resolution = resolver.resolve(TestEvents.user("u-1").alias("a-9"), book);

        assertThat(resolution.lead()).contains(current);
        assertThat(resolution.merge()).containsExactly(browsing);
    }

    @Test
    void an_alias_of_an_unknown_id_links_it_as_an_anonymous_id() {
        LeadId current = lead(user("u-1"));

        IdentityResolver.Resolution resolution = resolver.resolve(TestEvents.user("u-1").alias("never-seen"), book);

        assertThat(resolution.lead()).contains(current);
        assertThat(resolution.link()).containsExactly(anonymous("never-seen"));
    }

    private LeadId lead(Identity... identities) {
        LeadId lead = LeadId.derivedFrom(WORKSPACE, identities[0]);
        for (Identity identity : identities) {
            book.link(identity, lead);
        }
        return lead;
    }

    private static Identity user(String id) {
        return new Identity(IdentityKind.USER_ID, id);
    }

    private static Identity anonymous(String id) {
        return new Identity(IdentityKind.ANONYMOUS_ID, id);
    }
}
