package io.attune.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attune.core.account.AccountId;
import io.attune.core.account.FreeMailDomains;
import io.attune.core.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

class IdentityTest {
    private static final WorkspaceId WORKSPACE = new WorkspaceId("ws");

    @Test
    void an_email_is_one_identity_whatever_its_case_and_spacing() {
        assertThat(Identity.email("  Pat@Acme.COM ")).contains(new Identity(IdentityKind.EMAIL, "pat@acme.com"));
        assertThat(new Identity(IdentityKind.EMAIL, "PAT@acme.com").emailDomain()).contains("acme.com");
        assertThat(Identity.email("not an email")).isEmpty();
        assertThat(Identity.email(null)).isEmpty();
        assertThatThrownBy(() -> new Identity(IdentityKind.EMAIL, "pat@")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_identity_never_shows_its_value() {
        assertThat(new Identity(IdentityKind.EMAIL, "pat@acme.com").toString()).isEqualTo("Identity[email]")
                .doesNotContain("pat");
    }

    @Test
    void ids_are_derived_from_what_they_name_so_a_rebuild_reproduces_them() {
        Identity pat = new Identity(IdentityKind.USER_ID, "pat");

        assertThat(LeadId.derivedFrom(WORKSPACE, pat)).isEqualTo(LeadId.derivedFrom(WORKSPACE, pat))
                .isNotEqualTo(LeadId.derivedFrom(new WorkspaceId("other"), pat))
                .isNotEqualTo(LeadId.derivedFrom(WORKSPACE, pat, 1))
                .isNotEqualTo(LeadId.derivedFrom(WORKSPACE, new Identity(IdentityKind.ANONYMOUS_ID, "pat")));
        assertThat(LeadId.isValid(LeadId.derivedFrom(WORKSPACE, pat).value())).isTrue();
        assertThat(AccountId.ofDomain(WORKSPACE, "ACME.com")).isEqualTo(AccountId.ofDomain(WORKSPACE, "acme.com"))
                .isNotEqualTo(AccountId.ofGroup(WORKSPACE, "acme.com"));
    }

    @Test
    void free_mail_domains_are_known_in_any_case() {
        assertThat(FreeMailDomains.contains("GMAIL.com")).isTrue();
        assertThat(FreeMailDomains.contains("proton.me")).isTrue();
        assertThat(FreeMailDomains.contains("acme.com")).isFalse();
    }
}
