package io.attune.core.consent;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.core.event.MessageId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Reading consent entries is total: any JSON-shaped entry gives consent records or named problems, never an exception. */
class ConsentEntriesProperties {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final ConsentEntries.Origin ORIGIN = new ConsentEntries.Origin(ConsentSource.TRACK, T0, T0,
            Optional.of(new MessageId("m-1")), ConsentRecord.INGESTION, Evidence.NONE);

    @Property(tries = 400)
    void an_entry_reads_as_one_record_or_as_problems_naming_its_fields(@ForAll("entries") Map<String, Object> entry) {
        ConsentReading reading = ConsentEntries.named(entry, "properties", ORIGIN);

        assertThat(reading.records().size() + (reading.problems().isEmpty() ? 0 : 1)).isEqualTo(1);
        assertThat(reading.problems()).allSatisfy(problem -> assertThat(problem.field()).startsWith("properties."));
        reading.records().forEach(record -> {
            assertThat(record.capturedAt()).isBeforeOrEqualTo(T0);
            assertThat(record.granted() || record.expiresAt().isEmpty()).isTrue();
        });
    }

    @Provide
    Arbitrary<Map<String, Object>> entries() {
        Arbitrary<Object> anything = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(12).map(s -> (Object) s),
                Arbitraries.of(true, false).map(b -> (Object) b), Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.just(List.of("sms")), Arbitraries.just(Map.of("a", 1L)));
        Map<String, Arbitrary<Object>> plausible = new LinkedHashMap<>();
        plausible.put("purpose", Arbitraries.of(Purpose.wireNames()).map(s -> (Object) s));
        plausible.put("granted", Arbitraries.of(true, false).map(b -> (Object) b));
        plausible.put("channel", Arbitraries.of(Channel.wireNames()).map(s -> (Object) s));
        plausible.put("recipient", Arbitraries.of("Northside", "  ", "Valley Clinic").map(s -> (Object) s));
        plausible.put("text", Arbitraries.of("I agree.", " I  agree ", "").map(s -> (Object) s));
        plausible.put("version", Arbitraries.of("v1", "x".repeat(101)).map(s -> (Object) s));
        plausible.put("method", Arbitraries.of(CaptureMethod.wireNames()).map(s -> (Object) s));
        plausible.put("capturedAt", Arbitraries.of("2026-01-04T09:00:00Z", "2026-01-06T09:00:00Z", "yesterday")
                .map(s -> (Object) s));
        plausible.put("expiresAt", Arbitraries.of("2026-06-01T00:00:00+02:00", "2028-01-01T00:00:00Z",
                "2025-01-01T00:00:00Z").map(s -> (Object) s));
        plausible.put("page", Arbitraries.of("https://northside.example/optin").map(s -> (Object) s));
        plausible.put("part2", Arbitraries.of(Map.of("patientName", "Jordan Avery", "discloser", "Lakeside",
                "information", "Outpatient SUD treatment dates", "purpose", "Admission", "revocable", true,
                "redisclosureStatement", false), Map.of("patientName", " ", "information", "All records",
                "revocable", false)).map(m -> (Object) m));
        plausible.put("colour", Arbitraries.of("blue").map(s -> (Object) s));
        return Arbitraries.subsetOf(plausible.keySet()).flatMap(keys -> {
            Arbitrary<Map<String, Object>> built = Arbitraries.just(new LinkedHashMap<>());
            for (String key : keys) {
                Arbitrary<Object> value = Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(4, plausible.get(key)), net.jqwik.api.Tuple.of(1, anything));
                built = built.flatMap(map -> value.map(v -> {
                    Map<String, Object> next = new LinkedHashMap<>(map);
                    next.put(key, v);
                    return next;
                }));
            }
            return built;
        });
    }
}
