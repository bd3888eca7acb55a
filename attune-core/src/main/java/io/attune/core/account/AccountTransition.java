package io.attune.core.account;

import io.attune.core.lifecycle.Actor;
import java.time.Instant;
import java.util.Objects;

/** An account becoming (or ceasing to be) a marketing qualified account. */
public record AccountTransition(AccountId account, boolean mqa, Instant at, String cause, Actor actor) {
    public AccountTransition {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(actor, "actor");
    }
}
