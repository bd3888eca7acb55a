package io.attune.bench.learn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A labelled CSV of any size made from the online shoppers dataset: rows drawn with replacement,
 * every number jittered by about ±10% (counts stay whole and nothing goes below zero), categories
 * and the label kept — so the table has the real data's shape, types and signal, not a copy of it.
 */
final class ResampledShoppers {
    private ResampledShoppers() {
    }

    static String csv(Path source, int rows, long seed) throws IOException {
        List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        List<String[]> data = lines.subList(1, lines.size()).stream().map(line -> line.split(",", -1)).toList();
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder(rows * 100).append(lines.get(0)).append('\n');
        for (int row = 0; row < rows; row++) {
            String[] values = data.get(random.nextInt(data.size()));
            for (int column = 0; column < values.length; column++) {
                if (column > 0) {
                    csv.append(',');
                }
                csv.append(jitter(values[column], random));
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    private static String jitter(String value, Random random) {
        double number;
        try {
            number = Double.parseDouble(value);
        } catch (NumberFormatException notANumber) {
            return value;
        }
        double jittered = Math.max(0, number * (1 + 0.1 * random.nextGaussian()));
        return value.contains(".") ? String.format(Locale.ROOT, "%.4f", jittered) : String.valueOf(Math.round(jittered));
    }
}
