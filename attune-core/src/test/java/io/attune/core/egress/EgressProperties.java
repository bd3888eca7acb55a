package io.attune.core.egress;

import static io.attune.core.egress.Egress.AT;
import static io.attune.core.egress.Egress.FILTER;
import static io.attune.core.egress.Egress.PRIVACY;
import static org.assertj.core.api.Assertions.assertThat;

import io.attune.core.egress.EgressDecision.Blocked;
import io.attune.core.egress.OutboundPayload.Field;
import io.attune.core.handoff.DestinationId;
import io.attune.core.model.Segment;
import io.attune.core.privacy.ContentGroups;
import io.attune.core.privacy.DataClass;
import io.attune.core.privacy.DataDictionary;
import io.attune.core.privacy.PageClass;
import io.attune.core.privacy.Pseudonyms;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * For any payload — random property names and values, dictionary or random data classes, unknown
 * names on consumer leads, page context with health terms and click ids — and any destination
 * policy and consents: nothing of a class the destination may not receive ever leaves, nothing
 * health or substance use ever reaches advertising or analytics, and every change names its rules.
 */
class EgressProperties {
    private static final DestinationId DESTINATION = new DestinationId("dest");
    private static final List<String> NAMES = List.of("email", "phone", "firstName", "name", "address", "userId",
            "anonymousId", "ip", "deviceId", "advertisingId", "userAgent", "title", "company", "employees", "state",
            "city", "zip", "library", "locale", "url", "path", "referrer", "search", "pageTitle", "utm_campaign",
            "gclid", "fbclid", "religion", "sexualOrientation", "race", "age", "dateOfBirth", "diagnosis", "insurance",
            "substanceUse", "drugOfChoice", "part2", "score", "stage", HandOffPayloads.LEAD, HandOffPayloads.SCORE,
            "anxietyLevel", "detoxDate", "q7", "favouriteColour", "notes", "planTier");
    private static final List<String> TEXTS = List.of("therapy session", "opioid detox", "low mood", "VP Benefits",
            "/find-a-therapist?condition=ptsd&gclid=abc", "https://example.org/careers?fbclid=zz&x=1",
            "https://example.org/anxiety-articles?gclid=g2", "/portal/messages", "/book-anxiety-assessment",
            "Paid: Weekly Therapy", "jo@example.org", "alcohol", "Acme Corp", "analytics.js", "WA", "98101",
            "lupus flare", "nothing to see");

    @Property(tries = 2000)
    void nothing_of_a_class_the_destination_may_not_receive_ever_leaves(@ForAll("cases") Case c) {
        EgressDecision decision = FILTER.decide(DESTINATION, c.policy(), c.payload(), c.consents());

        decision.deliverable().ifPresent(out -> {
            for (Field field : out.fields()) {
                if (field.name().equals(Part2Notice.FIELD)) {
                    // the §2.32 notice is no lead data: it goes with a Part 2 disclosure, whatever the allow-list
                    assertThat(field.value()).isEqualTo(Part2Notice.TEXT);
                    assertThat(c.part2() && !c.policy().kind().isTracking()).as("a Part 2 disclosure").isTrue();
                    continue;
                }
                assertThat(c.policy().allows(field.name())).as("allow-listed: %s", field).isTrue();
                Set<EgressRule> ceiling = c.policy().barring(field.dataClass(), out.segment());
                boolean pseudonym = field.dataClass() == DataClass.IDENTIFIER && isPseudonym(field.value());
                assertThat(ceiling.isEmpty() || pseudonym).as("under the ceiling: %s %s", field, ceiling).isTrue();
                assertThat(field.dataClass()).isNotEqualTo(DataClass.SENSITIVE);
                if (field.dataClass() == DataClass.PAGE && !c.policy().receivesPhi()) {
                    assertThat(ContentGroups.isContentGroup((String) field.value())).as("generalised: %s", field)
                            .isTrue();
                }
                if (field.dataClass() == DataClass.SUBSTANCE_USE) {
                    assertThat(c.policy().receivesPhi() && c.policy().part2Agreement() && c.part2()).isTrue();
                }
                assertThat(wasGiven(c.payload(), field) || derived(c.payload(), field)).as("unaltered or derived: %s",
                        field).isTrue();
            }
        });
    }

    @Property(tries = 2000)
    void nothing_health_or_substance_use_ever_reaches_advertising_or_analytics(@ForAll("trackingCases") Case c) {
        EgressDecision decision = FILTER.decide(DESTINATION, c.policy(), c.payload(), c.consents());

        if (c.payload().substanceUse()
                || c.payload().segment() == Segment.CONSUMER && c.payload().flow() != FlowKind.EVENT) {
            assertThat(decision).isInstanceOf(Blocked.class);
        }
        decision.deliverable().ifPresent(out -> {
            assertThat(PRIVACY.terms().mentionsHealth(out.eventName())).isFalse();
            for (Field field : out.fields()) {
                assertThat(field.dataClass()).isNotIn(DataClass.HEALTH, DataClass.SUBSTANCE_USE, DataClass.SCORE,
                        DataClass.CONTACT, DataClass.MINOR, DataClass.SENSITIVE);
                assertThat(PRIVACY.terms().mentionsHealth(field.name())).as(field.name()).isFalse();
                for (String text : DataDictionary.texts(field.value())) {
                    assertThat(PRIVACY.terms().mentionsHealth(text)).as("%s holds a health term", field).isFalse();
                }
            }
            Set<String> barredValues = new HashSet<>();
            for (Field given : c.payload().fields()) {
                if (!c.policy().barring(given.dataClass(), out.segment()).isEmpty()) {
                    barredValues.addAll(DataDictionary.texts(given.value()));
                }
            }
            String sent = out.attributes().asMap().toString();
            for (String barred : barredValues) {
                if (barred.length() >= 6) {
                    assertThat(sent).doesNotContain(barred);
                }
            }
        });
    }

    private static OutboundPayload withoutNotice(OutboundPayload out) {
        return out.withFields(out.fields().stream().filter(field -> !field.name().equals(Part2Notice.FIELD)).toList());
    }

    @Property(tries = 1000)
    void every_change_and_every_block_names_its_rules(@ForAll("cases") Case c) {
        EgressDecision decision = FILTER.decide(DESTINATION, c.policy(), c.payload(), c.consents());

        switch (decision.outcome()) {
            // sent as it was, but for the §2.32 notice a Part 2 disclosure gains
            case "sent" -> assertThat(withoutNotice(decision.deliverable().orElseThrow())).isEqualTo(c.payload());
            case "redacted", "blocked" -> assertThat(decision.rules()).isNotEmpty();
            default -> throw new AssertionError(decision.outcome());
        }
        if (c.policy().remuneration() != Remuneration.NONE) {
            assertThat(decision.ruleIds()).contains("USE-04");
        }
        if (c.payload().substanceUse() && c.policy().remuneration().byVolume()) {
            assertThat(decision.ruleIds()).contains("SUD-04");
        }
        assertThat(FILTER.decide(DESTINATION, c.policy(), c.payload(), c.consents())).isEqualTo(decision);
    }

    private static boolean isPseudonym(Object value) {
        return value instanceof String text && text.startsWith(Pseudonyms.PREFIX);
    }

    private static boolean wasGiven(OutboundPayload payload, Field field) {
        return payload.field(field.name()).map(given -> given.equals(field)
                || given.dataClass() == DataClass.PAGE && ContentGroups.isContentGroup((String) field.value())
                || isPseudonym(field.value())).orElse(false);
    }

    /** A click id taken out of a page URL's query. */
    private static boolean derived(OutboundPayload payload, Field field) {
        return field.dataClass() == DataClass.CLICK_ID && payload.field(field.name()).isEmpty()
                && ContentGroups.DEFAULT_CLICK_IDS.contains(field.name());
    }

    record Case(OutboundPayload payload, EgressPolicy policy, boolean sharing, boolean part2) {
        EgressConsents consents() {
            return EgressConsents.of(sharing, part2);
        }
    }

    record Spec(String name, Object value, Optional<DataClass> dataClass) {
    }

    /** Any destination, any flow. */
    @Provide
    Arbitrary<Case> cases() {
        return cases(Arbitraries.of(DestinationKind.class), Arbitraries.of(FlowKind.class), sometimes(0.3),
                eventNames(), Arbitraries.of(PageClass.class).optional(0.3));
    }

    /**
     * Advertising and analytics, leaning towards what may pass (events, generic names, pages open to
     * tracking, no substance-use flag) so that most cases exercise the field rules, not only the blocks.
     */
    @Provide
    Arbitrary<Case> trackingCases() {
        return cases(Arbitraries.of(DestinationKind.AD_PLATFORM, DestinationKind.ANALYTICS),
                Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(FlowKind.EVENT)),
                        Tuple.of(2, Arbitraries.of(FlowKind.class))),
                sometimes(0.1),
                Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.of("", "lead_submitted", "Form Submitted",
                        "ROI Calculator Completed")), Tuple.of(2, eventNames())),
                Arbitraries.frequencyOf(
                        Tuple.of(8, Arbitraries.of(PageClass.NON_HEALTH, PageClass.HEALTH_EDUCATIONAL).optional(0.5)),
                        Tuple.of(2, Arbitraries.of(PageClass.class).optional(0.5))));
    }

    private static Arbitrary<Boolean> sometimes(double probability) {
        int in = (int) Math.round(probability * 100);
        return Arbitraries.frequency(Tuple.of(in, true), Tuple.of(100 - in, false));
    }

    private static Arbitrary<Case> cases(Arbitrary<DestinationKind> kinds, Arbitrary<FlowKind> flows,
            Arbitrary<Boolean> substanceUse, Arbitrary<String> eventNames, Arbitrary<Optional<PageClass>> pages) {
        Arbitrary<OutboundPayload> payloads = Combinators.combine(flows, eventNames, Arbitraries.of(Segment.class),
                substanceUse, pages, specs().list().ofMaxSize(12)).as(EgressProperties::payload);
        return payloads.flatMap(payload -> {
            Set<String> candidates = new HashSet<>(NAMES);
            payload.fields().forEach(field -> candidates.add(field.name()));
            return Combinators.combine(kinds, Arbitraries.of(true, false),
                    Arbitraries.of(true, false), remunerations(), Arbitraries.subsetOf(candidates),
                    Arbitraries.of(true, false), Arbitraries.of(true, false))
                    .as((kind, baa, qso, remuneration, allowed, sharing, part2) -> new Case(payload,
                            new EgressPolicy(kind, baa && kind != DestinationKind.AD_PLATFORM, qso, remuneration,
                                    allowed), sharing, part2));
        });
    }

    private static OutboundPayload payload(FlowKind flow, String eventName, Segment segment, boolean substanceUse,
            Optional<PageClass> pageClass, List<Spec> specs) {
        Map<String, Field> fields = new LinkedHashMap<>();
        int i = 0;
        for (Spec spec : specs) {
            Object value = spec.value() instanceof String text ? text + "~" + i++ : spec.value();
            DataClass dataClass = spec.dataClass().orElseGet(() -> PRIVACY.dictionary().classify(spec.name(), value,
                    segment));
            fields.putIfAbsent(spec.name(), new Field(spec.name(), dataClass, value));
        }
        OutboundPayload payload = new OutboundPayload(flow, eventName, segment, substanceUse, Optional.empty(), AT,
                new ArrayList<>(fields.values()));
        return pageClass.map(payload::withPageClass).orElse(payload);
    }

    private static Arbitrary<Spec> specs() {
        Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.of(NAMES),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12),
                Arbitraries.strings().alpha().ofMaxLength(6).map(s -> s + "Therapy"));
        Arbitrary<Object> values = Arbitraries.oneOf(
                Arbitraries.of(TEXTS).map(text -> (Object) text),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(24).map(text -> (Object) text),
                Arbitraries.longs().map(number -> (Object) number),
                Arbitraries.of(true, false).map(flag -> (Object) flag),
                Arbitraries.of(Map.of("reason", "grief counseling"), List.of("ptsd", "ocd"), Map.of("n", 1L),
                        List.of("Acme", "Beta")).map(value -> (Object) value));
        Arbitrary<Optional<DataClass>> classes = Arbitraries.of(DataClass.class).optional(0.5);
        return Combinators.combine(names, values, classes).as(Spec::new);
    }

    private static Arbitrary<String> eventNames() {
        return Arbitraries.oneOf(Arbitraries.of("", "lead.mql", "lead_submitted", "Form Submitted",
                "Paid: Weekly Therapy", "Detox_Call", "ROI Calculator Completed", "Mental Health Webinar"),
                Arbitraries.strings().alpha().ofMaxLength(16));
    }

    private static Arbitrary<Remuneration> remunerations() {
        return Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.just(Remuneration.NONE)),
                Tuple.of(1, Arbitraries.of(Remuneration.class)));
    }
}
