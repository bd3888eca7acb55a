package io.attune.cli.demo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Cuts the stream into batches the way an SDK's queue does: each lane's messages in time order,
 * flushed when the next message would take the batch past its message or byte budget. Some
 * messages go out a second time a little later, as an SDK resends a batch whose acknowledgement
 * it never saw; the copy carries the same message id, so Attune records it once.
 */
final class Batcher {
    /** One person's message and the lane that person's traffic travels in; {@code order} breaks time ties. */
    record Queued(int lane, long order, Journey.Message message) {
    }

    /** The batches and how many of their messages are resent copies. */
    record Result(List<DemoBatch> batches, int resent) {
    }

    /** A message on its way into a batch, timed by when it is sent: a copy goes with the message it follows. */
    private record Outgoing(Instant sentWith, String json) {
    }

    /** A lane's batch before it has its place in the whole stream. */
    private record LaneBatch(int lane, Instant firstAt, List<String> messages) {
    }

    private final int maxMessages;
    private final int maxBytes;
    private final double resendShare;

    Batcher(int maxMessages, int maxBytes, double resendShare) {
        this.maxMessages = maxMessages;
        this.maxBytes = maxBytes;
        this.resendShare = resendShare;
    }

    Result batch(List<Queued> queued, int lanes, Dice dice) {
        List<List<Queued>> byLane = new ArrayList<>();
        for (int lane = 0; lane < lanes; lane++) {
            byLane.add(new ArrayList<>());
        }
        queued.forEach(message -> byLane.get(message.lane()).add(message));
        int resent = 0;
        List<LaneBatch> all = new ArrayList<>();
        for (int lane = 0; lane < lanes; lane++) {
            List<Queued> messages = byLane.get(lane);
            messages.sort(Comparator.comparing((Queued q) -> q.message().at()).thenComparingLong(Queued::order));
            List<Outgoing> stream = withResends(messages, dice);
            resent += stream.size() - messages.size();
            all.addAll(cut(lane, stream));
        }
        // Lanes interleave by time, as several devices' queues flush side by side.
        all.sort(Comparator.comparing(LaneBatch::firstAt).thenComparingInt(LaneBatch::lane));
        List<DemoBatch> batches = new ArrayList<>(all.size());
        for (LaneBatch batch : all) {
            batches.add(new DemoBatch(batches.size(), batch.lane(), batch.messages()));
        }
        return new Result(batches, resent);
    }

    private List<Outgoing> withResends(List<Queued> messages, Dice dice) {
        List<Outgoing> stream = new ArrayList<>(messages.size() + messages.size() / 20);
        List<String> pending = new ArrayList<>();
        List<Integer> dueAfter = new ArrayList<>();
        for (Queued queued : messages) {
            Journey.Message message = queued.message();
            stream.add(new Outgoing(message.at(), message.json()));
            for (int i = 0; i < pending.size(); i++) {
                if (dueAfter.get(i) <= stream.size()) {
                    stream.add(new Outgoing(message.at(), pending.remove(i)));
                    dueAfter.remove(i);
                    i--;
                }
            }
            if (dice.chance(resendShare)) {
                pending.add(message.json());
                dueAfter.add(stream.size() + dice.between(1, 40));
            }
        }
        Instant last = messages.isEmpty() ? Instant.EPOCH : messages.get(messages.size() - 1).message().at();
        pending.forEach(json -> stream.add(new Outgoing(last, json)));
        return stream;
    }

    private List<LaneBatch> cut(int lane, List<Outgoing> stream) {
        List<LaneBatch> batches = new ArrayList<>();
        List<String> current = new ArrayList<>();
        Instant firstAt = null;
        int bytes = DemoBatch.ENVELOPE_BYTES;
        for (Outgoing message : stream) {
            int size = message.json().getBytes(StandardCharsets.UTF_8).length + 1;
            if (!current.isEmpty() && (current.size() >= maxMessages || bytes + size > maxBytes)) {
                batches.add(new LaneBatch(lane, firstAt, current));
                current = new ArrayList<>();
                bytes = DemoBatch.ENVELOPE_BYTES;
            }
            if (current.isEmpty()) {
                firstAt = message.sentWith();
            }
            current.add(message.json());
            bytes += size;
        }
        if (!current.isEmpty()) {
            batches.add(new LaneBatch(lane, firstAt, current));
        }
        return batches;
    }
}
