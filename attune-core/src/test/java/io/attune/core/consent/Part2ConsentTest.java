package io.attune.core.consent;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.core.event.MessageId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** SUD-02: a Part 2 written consent is recorded only with every element 42 CFR §2.31 asks for. */
class Part2ConsentTest {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final ConsentEntries.Origin ORIGIN = new ConsentEntries.Origin(ConsentSource.TRACK, T0, T0,
            Optional.of(new MessageId("m-1")), ConsentRecord.INGESTION, Evidence.NONE);

    private static Map<String, Object> grant() {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("purpose", "part2_written_consent");
        entry.put("granted", true);
        entry.put("recipient", "Harbor Recovery");
        entry.put("text", "I, Jordan Avery, consent to Lakeside Counseling disclosing my SUD diagnosis and treatment"
                + " dates to Harbor Recovery to arrange my admission. I may revoke this consent at any time.");
        entry.put("method", "e_signature");
        entry.put("expiresAt", "2026-07-05T09:00:00Z");
        entry.put("part2", new LinkedHashMap<>(Map.of("patientName", " Jordan Avery ", "discloser",
                "Lakeside Counseling", "information", "SUD diagnosis and outpatient treatment dates", "purpose",
                "Arranging admission to residential treatment", "revocable", true, "redisclosureStatement", true)));
        return entry;
    }

    @Test
    void a_complete_part_2_grant_is_recorded_with_its_elements() {
        ConsentReading reading = ConsentEntries.named(grant(), "properties", ORIGIN);

        assertThat(reading.problems()).isEmpty();
        assertThat(reading.records()).singleElement().satisfies(record -> assertThat(record.part2()).contains(
                new Part2Elements("Jordan Avery", "Lakeside Counseling", "SUD diagnosis and outpatient treatment dates",
                        "Arranging admission to residential treatment", true, true)));
    }

    @Test
    void a_part_2_grant_without_its_elements_is_refused_naming_every_missing_one_and_the_signature() {
        Map<String, Object> entry = grant();
        entry.remove("part2");
        entry.put("method", "web_form");

        ConsentReading reading = ConsentEntries.named(entry, "properties", ORIGIN);

        assertThat(reading.records()).isEmpty();
        assertThat(reading.problems()).extracting(ConsentProblem::field).containsExactlyInAnyOrder(
                "properties.method", "properties.part2.patientName", "properties.part2.discloser",
                "properties.part2.information", "properties.part2.purpose", "properties.part2.revocable",
                "properties.part2.redisclosureStatement");
    }

    @Test
    void a_general_release_an_unstated_right_to_revoke_and_unknown_elements_are_refused() {
        Map<String, Object> entry = grant();
        entry.put("part2", Map.of("patientName", "Jordan Avery", "discloser", "Lakeside Counseling",
                "information", "All records.", "purpose", "Admission", "revocable", false,
                "redisclosureStatement", "yes", "witness", "Sam"));

        ConsentReading reading = ConsentEntries.named(entry, "properties", ORIGIN);

        assertThat(reading.records()).isEmpty();
        assertThat(reading.problems()).extracting(ConsentProblem::field).containsExactlyInAnyOrder(
                "properties.part2.information", "properties.part2.revocable",
                "properties.part2.redisclosureStatement", "properties.part2.witness");
    }

    @Test
    void elements_belong_to_part_2_grants_only() {
        Map<String, Object> share = grant();
        share.put("purpose", "share_chd");
        Map<String, Object> revocation = new LinkedHashMap<>(Map.of("purpose", "part2_written_consent",
                "granted", false, "method", "written", "part2", grant().get("part2")));

        assertThat(ConsentEntries.named(share, "properties", ORIGIN).problems()).extracting(ConsentProblem::field)
                .containsExactly("properties.part2");
        assertThat(ConsentEntries.named(revocation, "properties", ORIGIN).problems())
                .extracting(ConsentProblem::field).containsExactly("properties.part2");
    }
}
