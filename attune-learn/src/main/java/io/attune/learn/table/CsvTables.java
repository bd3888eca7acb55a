package io.attune.learn.table;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads a CSV file into a {@link Table} with Jackson's CSV parser, guessing the separator unless given. */
public final class CsvTables {
    private static final int LINES_TO_GUESS_FROM = 20;
    private static final CsvMapper MAPPER = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();

    private CsvTables() {
    }

    public static Table read(Path file, Optional<Character> separator) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return parse(text, separator.orElseGet(() -> SeparatorGuess.of(firstLines(text))));
    }

    /** Parses CSV text whose first record is the header; a leading byte-order mark is ignored. */
    public static Table parse(String text, char separator) throws IOException {
        String withoutBom = text.startsWith("\uFEFF") ? text.substring(1) : text;
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator);
        List<String> header = null;
        List<String[]> rows = new ArrayList<>();
        int skipped = 0;
        try (Reader reader = new StringReader(withoutBom);
             MappingIterator<String[]> records = MAPPER.readerFor(String[].class).with(schema).readValues(reader)) {
            while (records.hasNext()) {
                String[] record = records.next();
                if (header == null) {
                    header = Arrays.stream(record).map(String::strip).toList();
                } else if (record.length == header.size()) {
                    rows.add(record);
                } else {
                    skipped++;
                }
            }
        }
        if (header == null) {
            throw new IllegalArgumentException("the CSV is empty: it needs a header line and rows");
        }
        return new Table(header, rows, skipped);
    }

    private static List<String> firstLines(String text) {
        try (BufferedReader reader = new BufferedReader(new StringReader(text))) {
            return reader.lines().limit(LINES_TO_GUESS_FROM).toList();
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
