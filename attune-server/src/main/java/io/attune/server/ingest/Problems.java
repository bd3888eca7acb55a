package io.attune.server.ingest;

import java.util.ArrayList;
import java.util.List;

/** The errors found in one message, capped so that a hostile message cannot inflate the response. */
final class Problems {
    static final int MAX_PER_MESSAGE = 10;

    private final int index;
    private final List<MessageError> errors = new ArrayList<>(2);

    Problems(int index) {
        this.index = index;
    }

    void add(FieldPath field, String message) {
        add(field.render(), message);
    }

    void add(String field, String message) {
        if (errors.size() < MAX_PER_MESSAGE) {
            errors.add(new MessageError(index, field, message));
        }
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    List<MessageError> errors() {
        return errors;
    }
}
