package io.attune.learn;

import java.util.Locale;
import java.util.Random;

/**
 * A labelled lead CSV with the faults real exports have: numbers as text with thousands separators
 * and percent signs, placeholders ({@code Select}, {@code N/A}, {@code unknown}, empty), a
 * many-valued category, an e-mail column, a constant column — and, if asked, a planted leak: a
 * {@code disposition} filled in after the outcome that matches it on 98% of rows.
 *
 * <p>The signal: conversion is likelier with more {@code visits}, a {@code referral} source and a
 * higher {@code fit_pct}.
 */
public final class MessyLeads {
    private MessyLeads() {
    }

    public static String csv(int rows, long seed, char separator, boolean withLeak) {
        Random random = new Random(seed);
        String s = String.valueOf(separator);
        StringBuilder csv = new StringBuilder(String.join(s, "lead_id", "email", "visits", "source", "fit_pct",
                "city", "country", withLeak ? "disposition" : "notes", "converted")).append('\n');
        String[] sources = {"search", "referral", "social", "Select", "email", "N/A"};
        for (int row = 0; row < rows; row++) {
            int visits = random.nextInt(40) + (random.nextInt(50) == 0 ? 1500 : 0);
            String source = sources[random.nextInt(sources.length)];
            double fit = random.nextDouble() * 100;
            double logit = -2.5 + 0.06 * Math.min(visits, 40) + (source.equals("referral") ? 1.5 : 0) + 0.02 * fit;
            boolean converted = random.nextDouble() < 1 / (1 + Math.exp(-logit));
            String visitsText = random.nextInt(30) == 0 ? "" : visits >= 1000
                    ? String.format(Locale.ROOT, "\"%,d\"", visits) : String.valueOf(visits);
            String fitText = random.nextInt(25) == 0 ? "unknown" : String.format(Locale.ROOT, "%.1f%%", fit);
            String city = "city-" + random.nextInt(200);
            String last = withLeak
                    ? (converted ^ random.nextInt(50) == 0 ? "closed won" : "closed lost")
                    : "note " + random.nextInt(3);
            csv.append(String.join(s, "L" + row, "person" + row + "@example.com", visitsText, source, fitText, city,
                    "US", last, converted ? "yes" : (random.nextInt(100) == 0 ? "" : "no"))).append('\n');
        }
        return csv.toString();
    }
}
