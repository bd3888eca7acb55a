package io.attune.core.lifecycle;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/** An amount in a currency (ISO 4217 code), as a CRM reports deal values. */
public record Money(BigDecimal amount, String currency) {
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final BigDecimal LIMIT = new BigDecimal("1e15");

    public Money {
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() < 0 || amount.compareTo(LIMIT) >= 0 || amount.scale() > 4) {
            throw new IllegalArgumentException("an amount is between 0 and 10^15 with at most 4 decimals");
        }
        if (currency == null || !CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("a currency is a three-letter ISO 4217 code such as USD");
        }
        amount = amount.stripTrailingZeros();
    }
}
