package org.opencti.dialer.campaign;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts and percentages are kept to two decimals, as the database stores them (NUMERIC(…, 2)). */
final class Money {
    private Money() {
    }

    static BigDecimal cents(String field, BigDecimal value) {
        try {
            return value.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(field + " may have at most two decimals, not " + value.toPlainString(), e);
        }
    }
}
