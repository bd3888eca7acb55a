package io.attune.bench.handoff;

import io.attune.bench.handoff.WebhookReceiver.Arrival;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Matches what the receiver got with what the outbox holds and what the load sent: for each MQL, the
 * message that made it (the sent message of that lead whose event time is the move's time) and so
 * its latency from sent to first received; every message's arrivals (at least once: the first counts,
 * later ones are duplicates); and, per lead, whether the first arrivals came in the outbox's order.
 */
final class HandOffLedger {
    /** One outbox row after the run; {@code attemptAt} is when its delivered attempt started, -1 if none did. */
    record Message(String id, String subject, String type, long seq, long atMillis, String status, int attempts,
            long attemptAtMillis) {
    }

    /** Converts the server's wall-clock milliseconds to this JVM's {@link System#nanoTime()} scale. */
    record Clocks(long anchorNanos, long anchorMillis) {
        long nanosOf(long wallMillis) {
            return anchorNanos + (wallMillis - anchorMillis) * 1_000_000;
        }
    }

    /** Which MQL messages count: those made by a message meant to leave in [{@code fromNanos}, {@code toNanos}). */
    record Window(long fromNanos, long toNanos) {
        boolean contains(long nanos) {
            return nanos >= fromNanos && nanos < toNanos;
        }
    }

    record Findings(Latencies handOff, Latencies ingestion, Latencies pickup, Latencies send, int messages,
            int arrivals, int duplicates, int unverified, int unknown, int undelivered, int unmatched,
            int unexpectedMqls, int missingMqls, int outOfOrderLeads, int leadsWithSeveral, Map<Integer, Integer> mqlStep) {
    }

    static final String MQL = "lead.mql";

    private HandOffLedger() {
    }

    /**
     * @param batchAcks for each batch, when its acknowledgement came back (nanoTime), 0 if it never did
     * @param journeys the journey a lead id belongs to
     * @param all every journey the load started
     */
    static Findings reconcile(List<Message> messages, List<Arrival> arrivals, Function<String, Optional<Journey>> journeys,
            Iterable<Journey> all, long[] batchAcks, Clocks clocks, Window window) {
        Map<String, Arrival> first = new HashMap<>();
        int unverified = 0;
        for (Arrival arrival : arrivals) {
            if (!arrival.verified()) {
                unverified++;
                continue;
            }
            first.merge(arrival.webhookId(), arrival, (a, b) -> a.arrivedNanos() <= b.arrivedNanos() ? a : b);
        }
        int verified = arrivals.size() - unverified;
        Map<String, Message> byId = new HashMap<>();
        messages.forEach(message -> byId.put(message.id(), message));
        int unknown = (int) first.keySet().stream().filter(id -> !byId.containsKey(id)).count();

        List<Long> handOff = new ArrayList<>();
        List<Long> ingestion = new ArrayList<>();
        List<Long> pickup = new ArrayList<>();
        List<Long> send = new ArrayList<>();
        Map<Integer, Integer> mqlStep = new TreeMap<>();
        int missing = 0;
        int unmatched = 0;
        int unexpected = 0;
        int undelivered = 0;
        Map<String, Integer> mqlsByLead = new HashMap<>();
        for (Message message : messages) {
            Arrival arrival = first.get(message.id());
            if (arrival == null) {
                undelivered++;
            }
            if (!message.type().equals(MQL)) {
                continue;
            }
            mqlsByLead.merge(message.subject(), 1, Integer::sum);
            Optional<Journey> journey = journeys.apply(message.subject());
            OptionalInt step = journey.map(j -> j.stepAt(message.atMillis())).orElse(OptionalInt.empty());
            if (step.isEmpty()) {
                unmatched++;
                continue;
            }
            if (journey.get().shape() != Journey.Shape.QUALIFYING) {
                unexpected++;
            }
            mqlStep.merge(step.getAsInt(), 1, Integer::sum);
            long sent = journey.get().intendedNanos(step.getAsInt());
            if (!window.contains(sent)) {
                continue;
            }
            if (arrival == null) {
                missing++;
                continue;
            }
            handOff.add(arrival.arrivedNanos() - sent);
            long acked = batchAcks[journey.get().batch(step.getAsInt())];
            if (acked > 0 && message.attemptAtMillis() >= 0) {
                long attempt = clocks.nanosOf(message.attemptAtMillis());
                ingestion.add(acked - sent);
                pickup.add(attempt - acked);
                send.add(arrival.arrivedNanos() - attempt);
            }
        }
        int missingMqls = missingQualifying(all, messages);
        int[] order = outOfOrder(messages, first);
        return new Findings(latencies(handOff, missing), latencies(ingestion, 0), latencies(pickup, 0),
                latencies(send, 0), messages.size(), verified, verified - first.size(), unverified, unknown,
                undelivered, unmatched, unexpected, missingMqls, order[0], order[1], mqlStep);
    }

    /** Qualifying journeys that finished without any MQL message in the outbox. */
    static int missingQualifying(Iterable<Journey> journeys, List<Message> messages) {
        Map<String, Boolean> hasMql = new HashMap<>();
        messages.stream().filter(m -> m.type().equals(MQL)).forEach(m -> hasMql.put(m.subject(), true));
        int missing = 0;
        for (Journey journey : journeys) {
            if (journey.shape() == Journey.Shape.QUALIFYING && journey.finished()
                    && journey.leads().stream().noneMatch(lead -> hasMql.containsKey(lead.value()))) {
                missing++;
            }
        }
        return missing;
    }

    /**
     * Per lead, the messages sorted by their place in the outbox; a lead is out of order when the first
     * arrival of a later message precedes that of an earlier one. Answers {out of order, leads with more
     * than one delivered message}.
     */
    static int[] outOfOrder(List<Message> messages, Map<String, Arrival> first) {
        Map<String, List<Message>> byLead = new HashMap<>();
        for (Message message : messages) {
            if (first.containsKey(message.id())) {
                byLead.computeIfAbsent(message.subject(), lead -> new ArrayList<>()).add(message);
            }
        }
        int outOfOrder = 0;
        int several = 0;
        for (List<Message> lead : byLead.values()) {
            if (lead.size() < 2) {
                continue;
            }
            several++;
            lead.sort(Comparator.comparingLong(Message::seq));
            for (int i = 1; i < lead.size(); i++) {
                if (first.get(lead.get(i).id()).arrivedNanos() < first.get(lead.get(i - 1).id()).arrivedNanos()) {
                    outOfOrder++;
                    break;
                }
            }
        }
        return new int[] {outOfOrder, several};
    }

    /**
     * How long after {@code backNanos} the last message written before it first arrived: the time the
     * backlog of an outage took to drain. Negative when everything had arrived before.
     */
    static long drained(List<Message> messages, List<Arrival> arrivals, Clocks clocks, long backNanos) {
        Map<String, Long> first = new HashMap<>();
        for (Arrival arrival : arrivals) {
            if (arrival.verified()) {
                first.merge(arrival.webhookId(), arrival.arrivedNanos(), Math::min);
            }
        }
        long last = Long.MIN_VALUE;
        for (Message message : messages) {
            if (clocks.nanosOf(message.atMillis()) < backNanos) {
                last = Math.max(last, first.getOrDefault(message.id(), Long.MAX_VALUE));
            }
        }
        return last == Long.MAX_VALUE ? Long.MAX_VALUE : last - backNanos;
    }

    private static Latencies latencies(List<Long> nanos, int missing) {
        return Latencies.of(nanos.stream().mapToLong(Long::longValue).toArray(), missing);
    }
}
