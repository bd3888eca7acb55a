package io.attune.bench.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.bench.handoff.HandOffLedger.Clocks;
import io.attune.bench.handoff.HandOffLedger.Findings;
import io.attune.bench.handoff.HandOffLedger.Message;
import io.attune.bench.handoff.HandOffLedger.Window;
import io.attune.bench.handoff.WebhookReceiver.Arrival;
import io.attune.core.identity.LeadId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class HandOffLedgerTest {
    private static final long MS = 1_000_000;
    /** nanoTime 0 is wall-clock millisecond 1,000,000 here. */
    private static final Clocks CLOCKS = new Clocks(0, 1_000_000);
    private static final Window ALL = new Window(Long.MIN_VALUE, Long.MAX_VALUE);

    private final Journey alice = journey(0, "ld_aaaaaaaaaaaaaaaaaaaaaaaa", 3);
    private final Journey bob = journey(1, "ld_bbbbbbbbbbbbbbbbbbbbbbbb", 3);
    private final Function<String, Optional<Journey>> lookup = lead -> Optional.ofNullable(
            Map.of(alice.lead().value(), alice, bob.lead().value(), bob).get(lead));

    HandOffLedgerTest() {
        // Alice's and Bob's messages leave a second apart, in batches 0, 100 and 200; event time = wall time.
        for (int step = 0; step < 3; step++) {
            long intended = step * 1000 * MS;
            alice.markSent(intended, 1_000_000 + step * 1000, step * 100);
            bob.markSent(intended + 10 * MS, 1_000_000 + step * 1000 + 10, step * 100 + 1);
        }
    }

    @Test
    void an_mql_is_timed_from_the_sending_of_the_event_whose_time_is_the_move_s_to_its_first_arrival() {
        // Alice became an MQL on her second message (event time 1,001,000), Bob on his third.
        List<Message> messages = List.of(
                message("msg_a1", alice, "lead.mql", 1, 1_001_000, 1_001_150),
                message("msg_b1", bob, "lead.mql", 2, 1_002_010, 1_002_090));
        long[] acks = new long[300];
        acks[100] = 1000 * MS + 20 * MS;
        acks[201] = 2010 * MS + 30 * MS;
        List<Arrival> arrivals = List.of(
                arrival("msg_a1", 1000 + 200),
                arrival("msg_a1", 1000 + 900),
                arrival("msg_b1", 2010 + 100));

        Findings findings = reconcile(messages, arrivals, acks, ALL);

        assertThat(findings.handOff().count()).isEqualTo(2);
        assertThat(findings.handOff().percentile(50)).isEqualTo(100 * MS);
        assertThat(findings.handOff().max()).isEqualTo(200 * MS);
        assertThat(findings.duplicates()).isEqualTo(1);
        assertThat(findings.undelivered()).isZero();
        assertThat(findings.mqlStep()).containsExactly(Map.entry(1, 1), Map.entry(2, 1));
        // Alice: acknowledged after 20 ms, attempt started 150 ms after her message (130 after the ack), received 50 later.
        assertThat(findings.ingestion().max()).isEqualTo(30 * MS);
        assertThat(findings.pickup().max()).isEqualTo(130 * MS);
        assertThat(findings.send().max()).isEqualTo(50 * MS);
    }

    @Test
    void an_mql_that_never_arrived_counts_as_lost_in_the_percentiles() {
        List<Message> messages = List.of(
                message("msg_a1", alice, "lead.mql", 1, 1_001_000, 1_001_010),
                message("msg_b1", bob, "lead.mql", 2, 1_002_010, -1));

        Findings findings = reconcile(messages, List.of(arrival("msg_a1", 1000 + 40)), new long[300], ALL);

        assertThat(findings.undelivered()).isEqualTo(1);
        assertThat(findings.handOff().percentile(50)).isEqualTo(40 * MS);
        assertThat(findings.handOff().max()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void only_mqls_made_by_messages_meant_to_leave_in_the_window_are_timed() {
        List<Message> messages = List.of(
                message("msg_a1", alice, "lead.mql", 1, 1_001_000, 1_001_010),
                message("msg_b1", bob, "lead.mql", 2, 1_002_010, 1_002_020));
        List<Arrival> arrivals = List.of(arrival("msg_a1", 1000 + 40), arrival("msg_b1", 2010 + 70));

        Findings findings = reconcile(messages, arrivals, new long[300], new Window(1500 * MS, 2500 * MS));

        assertThat(findings.handOff().count()).isEqualTo(1);
        assertThat(findings.handOff().max()).isEqualTo(70 * MS);
    }

    @Test
    void an_mql_whose_time_is_no_sent_message_of_its_lead_is_unmatched_rather_than_guessed() {
        List<Message> messages = List.of(message("msg_a1", alice, "lead.mql", 1, 1_001_500, 1_001_600));

        Findings findings = reconcile(messages, List.of(arrival("msg_a1", 1700)), new long[300], ALL);

        assertThat(findings.unmatched()).isEqualTo(1);
        assertThat(findings.handOff().count()).isZero();
    }

    @Test
    void a_lead_whose_later_message_arrived_first_is_out_of_order_and_a_retry_of_the_first_does_not_hide_it() {
        List<Message> messages = List.of(
                message("msg_a1", alice, "lead.mql", 1, 1_001_000, 1_001_010),
                message("msg_a2", alice, "lead.sql", 5, 1_003_000, 1_003_010),
                message("msg_b1", bob, "lead.mql", 2, 1_002_010, 1_002_020),
                message("msg_b2", bob, "lead.sql", 6, 1_003_010, 1_003_020));
        List<Arrival> arrivals = List.of(
                arrival("msg_a1", 1100), arrival("msg_a2", 3100), arrival("msg_a1", 3200),
                arrival("msg_b2", 3050), arrival("msg_b1", 3060));

        Findings findings = reconcile(messages, arrivals, new long[300], ALL);

        assertThat(findings.leadsWithSeveral()).isEqualTo(2);
        assertThat(findings.outOfOrderLeads()).isEqualTo(1);
        assertThat(findings.duplicates()).isEqualTo(1);
    }

    @Test
    void an_unverified_request_is_not_an_arrival() {
        List<Message> messages = List.of(message("msg_a1", alice, "lead.mql", 1, 1_001_000, 1_001_010));
        List<Arrival> arrivals = List.of(new Arrival("msg_a1", "lead.mql", alice.lead().value(), 1_001_000,
                1100 * MS, false));

        Findings findings = reconcile(messages, arrivals, new long[300], ALL);

        assertThat(findings.unverified()).isEqualTo(1);
        assertThat(findings.undelivered()).isEqualTo(1);
    }

    @Test
    void the_backlog_has_drained_when_the_last_message_written_before_the_return_first_arrived() {
        List<Message> messages = List.of(
                message("msg_a1", alice, "lead.mql", 1, 1_001_000, 1_001_010),
                message("msg_b1", bob, "lead.mql", 2, 1_002_010, 1_002_020),
                message("msg_a2", alice, "lead.sql", 5, 1_009_000, 1_009_010));
        List<Arrival> arrivals = List.of(arrival("msg_a1", 6000), arrival("msg_b1", 7500), arrival("msg_b1", 7600),
                arrival("msg_a2", 9500));

        assertThat(HandOffLedger.drained(messages, arrivals, CLOCKS, 5000 * MS)).isEqualTo(2500 * MS);
        assertThat(HandOffLedger.drained(messages.subList(0, 2), List.of(arrival("msg_a1", 6000)), CLOCKS, 5000 * MS))
                .isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void a_qualifying_journey_that_finished_without_an_mql_is_counted() {
        Journey unfinished = journey(2, "ld_cccccccccccccccccccccccc", 3);
        unfinished.markSent(0, 1_000_000, 0);
        List<Message> messages = List.of(message("msg_a1", alice, "lead.mql", 1, 1_001_000, -1));

        assertThat(HandOffLedger.missingQualifying(List.of(alice, bob, unfinished), messages)).isEqualTo(1);
    }

    private Findings reconcile(List<Message> messages, List<Arrival> arrivals, long[] acks, Window window) {
        return HandOffLedger.reconcile(messages, arrivals, lookup, List.of(alice, bob), acks, CLOCKS, window);
    }

    private static Journey journey(int number, String lead, int length) {
        return new Journey(number, new LeadId(lead), Journey.Shape.QUALIFYING, length, false);
    }

    private static Message message(String id, Journey journey, String type, long seq, long atMillis,
            long attemptAtMillis) {
        return new Message(id, journey.lead().value(), type, seq, atMillis, "delivered", 1, attemptAtMillis);
    }

    /** A verified arrival {@code millis} after nanoTime 0. */
    private static Arrival arrival(String id, long millis) {
        return new Arrival(id, "", "", 0, millis * MS, true);
    }
}
