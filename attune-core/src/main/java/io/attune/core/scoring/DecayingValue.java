package io.attune.core.scoring;

import io.attune.core.model.Decay;

/**
 * A sum of decaying contributions kept as its value at one instant, {@code asOfMillis}. Because
 * every contribution decays at the same rate, the sum decays as one: adding a contribution and
 * reading the value at any time are both O(1), in any order of event times.
 */
public record DecayingValue(double value, long asOfMillis) {
    public static final DecayingValue ZERO = new DecayingValue(0, 0);

    public DecayingValue {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("a decaying value must be finite");
        }
    }

    /** The value at {@code atMillis}; reading before {@code asOfMillis} gives the value at {@code asOfMillis}. */
    public double at(long atMillis, Decay decay) {
        return value * decay.factor(asOfMillis, atMillis);
    }

    /** This value with {@code points} earned at {@code atMillis} added. */
    public DecayingValue plus(double points, long atMillis, Decay decay) {
        if (value == 0 && asOfMillis == 0) {
            return new DecayingValue(points, atMillis);
        }
        if (atMillis >= asOfMillis) {
            return new DecayingValue(value * decay.factor(asOfMillis, atMillis) + points, atMillis);
        }
        return new DecayingValue(value + points * decay.factor(atMillis, asOfMillis), asOfMillis);
    }

    /** The sum of two values of the same decay, kept as of the later of their instants. */
    public DecayingValue plus(DecayingValue other, Decay decay) {
        if (other.value == 0) {
            return this;
        }
        return plus(other.value, other.asOfMillis, decay);
    }

    public DecayingValue negated() {
        return new DecayingValue(-value, asOfMillis);
    }
}
