package io.attune.core.handoff;

import java.util.Objects;
import java.util.Optional;

/**
 * The words a destination that reaches a person (an SMS or email sender) puts in front of them: the
 * sender name, an email's subject and the body. Written by the organisation, checked when saved
 * (USE-08 and the copy linter), and sent with every hand-off as the message to deliver.
 */
public record MessageTemplate(Optional<String> sender, Optional<String> subject, Optional<String> body) {
    public static final MessageTemplate NONE = new MessageTemplate(Optional.empty(), Optional.empty(),
            Optional.empty());

    public MessageTemplate {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        sender = sender.map(String::strip).filter(text -> !text.isEmpty());
        subject = subject.map(String::strip).filter(text -> !text.isEmpty());
        body = body.filter(text -> !text.isBlank());
    }

    public boolean isEmpty() {
        return sender.isEmpty() && subject.isEmpty() && body.isEmpty();
    }
}
