package io.attune.core;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each rule of {@link CoreHasNoIoOrFrameworkTest} fails on what it forbids and passes what it allows. */
class CoreRulesCatchViolationsTest {

    @Test
    void the_clock_rule_catches_every_way_of_reading_the_system_clock() {
        assertViolates(CoreHasNoIoOrFrameworkTest.core_reads_no_clock, ReadsMillis.class, ReadsInstantNow.class,
                ReadsSystemClock.class, ReadsLocalDateInZone.class);
        assertAllows(CoreHasNoIoOrFrameworkTest.core_reads_no_clock, ReadsAGivenClock.class);
    }

    @Test
    void the_io_rules_catch_files_and_urls_but_allow_uri_parsing() {
        assertViolates(CoreHasNoIoOrFrameworkTest.core_does_no_file_or_stream_io, OpensAFile.class);
        assertViolates(CoreHasNoIoOrFrameworkTest.core_opens_no_network_connection, OpensAUrl.class);
        assertAllows(CoreHasNoIoOrFrameworkTest.core_opens_no_network_connection, ParsesAUri.class);
        assertViolates(CoreHasNoIoOrFrameworkTest.core_depends_only_on_the_jdk_and_the_expression_engine,
                UsesAssertJ.class);
    }

    @Test
    void the_randomness_rule_catches_random_ids() {
        assertViolates(CoreHasNoIoOrFrameworkTest.core_draws_no_random_numbers, MakesARandomId.class);
    }

    private static void assertViolates(ArchRule rule, Class<?>... violators) {
        for (Class<?> violator : violators) {
            assertThatThrownBy(() -> rule.check(classes(violator))).as(violator.getSimpleName())
                    .isInstanceOf(AssertionError.class);
        }
    }

    private static void assertAllows(ArchRule rule, Class<?> allowed) {
        assertThatCode(() -> rule.check(classes(allowed))).doesNotThrowAnyException();
    }

    private static JavaClasses classes(Class<?> type) {
        return new ClassFileImporter().importClasses(type);
    }

    static final class ReadsMillis {
        long now() {
            return System.currentTimeMillis();
        }
    }

    static final class ReadsInstantNow {
        Instant now() {
            return Instant.now();
        }
    }

    static final class ReadsSystemClock {
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    static final class ReadsLocalDateInZone {
        LocalDate today() {
            return LocalDate.now(ZoneOffset.UTC);
        }
    }

    static final class ReadsAGivenClock {
        Instant now(Clock clock) {
            return Instant.now(clock);
        }
    }

    static final class OpensAFile {
        boolean exists() {
            return new File("data").exists();
        }
    }

    static final class OpensAUrl {
        URL url() throws Exception {
            return URI.create("https://example.com").toURL();
        }
    }

    static final class ParsesAUri {
        String host() {
            return URI.create("https://example.com").getHost();
        }
    }

    static final class UsesAssertJ {
        Object check() {
            return org.assertj.core.api.Assertions.assertThat(1);
        }
    }

    static final class MakesARandomId {
        String id() {
            return UUID.randomUUID().toString();
        }
    }
}
