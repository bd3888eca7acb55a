package io.attune.cli.demo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * One {@code POST /v1/batch} worth of messages, each already JSON.
 *
 * @param sequence the batch's place in the whole stream, from 0
 * @param lane the sender lane it belongs to: batches of one lane must be sent in sequence order,
 *     because each person's messages stay in one lane and their order matters (a group call
 *     before the identify that names the segment, an alias before the ids it joins exist); lanes
 *     may be sent concurrently
 */
public record DemoBatch(int sequence, int lane, List<String> messages) {
    /** What the envelope adds around the messages: {@code {"batch":[…],"sentAt":"…"}}, generously counted. */
    static final int ENVELOPE_BYTES = 64;

    public DemoBatch {
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a batch holds at least one message");
        }
    }

    public int messageCount() {
        return messages.size();
    }

    /**
     * The request body, stamped with the time it is sent: Attune (like Segment) corrects each event
     * time by {@code receivedAt - sentAt}, so a resend stamped anew keeps the events' times.
     */
    public byte[] body(Instant sentAt) {
        StringBuilder body = new StringBuilder(ENVELOPE_BYTES + messages.size() * 1_200);
        body.append("{\"batch\":[");
        for (int i = 0; i < messages.size(); i++) {
            if (i > 0) {
                body.append(',');
            }
            body.append(messages.get(i));
        }
        body.append("],\"sentAt\":\"")
                .append(Json.timestamp(sentAt))
                .append("\"}");
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }
}
