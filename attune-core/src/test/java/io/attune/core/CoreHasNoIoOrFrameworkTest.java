package io.attune.core;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.conditions.ArchConditions.callConstructor;
import static com.tngtech.archunit.lang.conditions.ArchConditions.callMethod;
import static com.tngtech.archunit.lang.conditions.ArchConditions.callMethodWhere;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.io.Serializable;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Date;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The core is pure: it depends on the JDK and the expression engine only, does no I/O, reads no
 * clock and draws no random numbers, so that scoring is a function of (model, events, now).
 */
@AnalyzeClasses(packages = "io.attune.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreHasNoIoOrFrameworkTest {
    /** {@code System.currentTimeMillis()}, {@code Instant.now()}, {@code Clock.systemUTC()} and the like; {@code now(clock)} is fine. */
    static final DescribedPredicate<JavaMethodCall> READS_THE_SYSTEM_CLOCK =
            new DescribedPredicate<>("reads the system clock") {
                @Override
                public boolean test(JavaMethodCall call) {
                    String owner = call.getTargetOwner().getName();
                    String name = call.getName();
                    if (owner.equals(System.class.getName())) {
                        return name.equals("currentTimeMillis") || name.equals("nanoTime");
                    }
                    if (!owner.startsWith("java.time.")) {
                        return false;
                    }
                    if (name.startsWith("system")) {
                        return true;
                    }
                    return name.equals("now") && call.getTarget().getRawParameterTypes().stream()
                            .noneMatch(parameter -> parameter.isAssignableTo(Clock.class));
                }
            };

    @ArchTest
    static final ArchRule core_depends_only_on_the_jdk_and_the_expression_engine = classes()
            .that().resideInAPackage("io.attune.core..")
            .should().onlyDependOnClassesThat(resideInAnyPackage(
                    "java..", "io.attune.core..", "dev.cel..", "com.google.re2j..",
                    // types CEL's API hands back (ImmutableList, protobuf values)
                    "com.google.common..", "com.google.protobuf.."))
            .because("the core knows nothing of HTTP, SQL, Kafka or files (DESIGN.md, Architecture)");

    @ArchTest
    static final ArchRule core_uses_no_web_storage_or_messaging_framework = noClasses()
            .that().resideInAPackage("io.attune.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.fasterxml.jackson..", "io.javalin..", "jakarta.servlet..", "javax.servlet..",
                    "org.apache.kafka..", "java.sql..", "javax.sql..", "org.jdbi..", "com.zaxxer..", "org.sqlite..",
                    "org.postgresql..", "org.flywaydb..", "io.micrometer..", "org.slf4j..")
            .because("adapters live in attune-store, attune-server and attune-streams");

    @ArchTest
    static final ArchRule core_does_no_file_or_stream_io = noClasses()
            .that().resideInAPackage("io.attune.core..")
            .should().dependOnClassesThat(resideInAnyPackage("java.io..", "java.nio.file..", "java.nio.channels..")
                    .and(not(type(Serializable.class))))
            .because("the core reads and writes nothing; records come in and go out through ports");

    @ArchTest
    static final ArchRule core_opens_no_network_connection = noClasses()
            .that().resideInAPackage("io.attune.core..")
            .should().dependOnClassesThat(resideInAPackage("java.net..").and(not(type(URI.class))))
            .because("java.net.URI only parses text (a website trait); sockets, URLs and HTTP clients are I/O");

    @ArchTest
    static final ArchRule core_reads_no_clock = noClasses()
            .that().resideInAPackage("io.attune.core..")
            .should(callMethodWhere(READS_THE_SYSTEM_CLOCK))
            .orShould(callConstructor(Date.class))
            .because("time is passed in, so that replaying the same events gives the same scores");

    @ArchTest
    static final ArchRule core_draws_no_random_numbers = noClasses()
            .that().resideInAPackage("io.attune.core..")
            .should(callMethod(UUID.class, "randomUUID"))
            .orShould(callMethod(Math.class, "random"))
            .orShould(callMethod(ThreadLocalRandom.class, "current"))
            .orShould().dependOnClassesThat(type(Random.class).or(type(SecureRandom.class)))
            .because("ids are derived from what they name, so that a rebuild reproduces them");

    @ArchTest
    static final ArchRule core_reads_no_environment_and_never_exits = noClasses()
            .that().resideInAPackage("io.attune.core..")
            .should(callMethod(System.class, "getenv"))
            .orShould(callMethod(System.class, "getenv", String.class))
            .orShould(callMethod(System.class, "getProperty", String.class))
            .orShould(callMethod(System.class, "exit", int.class))
            .because("configuration is read once at the edge and handed in");
}
