package io.attune.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailuresTest {
    @Test
    void a_logged_failure_names_classes_and_throw_sites_but_never_messages() {
        Exception failure = new IllegalStateException("pat@example.com is in crisis",
                new IllegalArgumentException("insurance: Aetna"));
        String described = Failures.describe(failure);
        assertThat(described).contains(IllegalStateException.class.getName(), IllegalArgumentException.class.getName(),
                "FailuresTest");
        assertThat(described).doesNotContain("pat@", "crisis", "Aetna");
    }
}
