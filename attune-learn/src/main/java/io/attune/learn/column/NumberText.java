package io.attune.learn.column;

import java.util.regex.Pattern;

/**
 * Reads numbers that spreadsheets and CRMs export as text: {@code " 42 "}, {@code "1,234.5"},
 * {@code "12%"}, {@code "$30"}, {@code "1.5e3"}. A percentage stays in its written scale (12% is 12),
 * which is all a model needs.
 */
public final class NumberText {
    private static final Pattern THOUSANDS = Pattern.compile("^[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?$");

    private NumberText() {
    }

    /** The number, or NaN when the text is not one. */
    public static double parse(String text) {
        String value = text.strip();
        if (value.isEmpty()) {
            return Double.NaN;
        }
        if (value.endsWith("%")) {
            value = value.substring(0, value.length() - 1).strip();
        }
        if (value.startsWith("$") || value.startsWith("€") || value.startsWith("£")) {
            value = value.substring(1).strip();
        }
        if (THOUSANDS.matcher(value).matches()) {
            value = value.replace(",", "");
        }
        if (value.isEmpty() || !looksNumeric(value)) {
            return Double.NaN;
        }
        try {
            double number = Double.parseDouble(value);
            return Double.isFinite(number) ? number : Double.NaN;
        } catch (NumberFormatException notANumber) {
            return Double.NaN;
        }
    }

    // Double.parseDouble also accepts "NaN", "Infinity", hex and a trailing 'd' or 'f'; CSV numbers are plainer.
    private static boolean looksNumeric(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(Character.isDigit(c) || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                return false;
            }
        }
        return true;
    }
}
