package io.attune.cli.outcomes;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.attune.cli.importing.RejectFile;
import io.attune.cli.importing.RejectFile.Reject;
import io.attune.core.outcome.OutcomeSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads a CRM export, turns each row into an outcome update, sends them in requests of at most
 * {@value #BATCH}, and writes every row that was not stored — an unknown lead, a value the mapping or
 * the receiver refused — with its line number and reason to a reject file. Rows whose status the
 * mapping ignores are counted, not rejected. Lines are counted as {@code attune import} counts them.
 */
public final class OutcomeImport {
    static final int BATCH = 500;

    private final Optional<OutcomeMapping> mapping;
    private final char separator;
    private final OutcomeSource source;

    /** @param mapping the mapping file's; empty to take the conventional columns from the header */
    public OutcomeImport(Optional<OutcomeMapping> mapping, char separator, OutcomeSource source) {
        this.mapping = mapping;
        this.separator = separator;
        this.source = source;
    }

    /**
     * What an import did. {@code unchanged} counts the stored rows whose lead kept its stage, by reason
     * in alphabetical order;
     * {@code rejectFile} holds the {@code unknownLeads + invalid} rejected rows.
     */
    public record Summary(long rows, long stored, long duplicates, long ignored, long moved,
            Map<String, Integer> unchanged, long unknownLeads, long invalid, Path rejectFile) {
        public long rejected() {
            return unknownLeads + invalid;
        }
    }

    private record Row(long line, List<String> cells) {
    }

    /** Running totals of one import. */
    private static final class Tally {
        long rows;
        long stored;
        long duplicates;
        long ignored;
        long moved;
        long unknownLeads;
        final Map<String, Integer> unchanged = new TreeMap<>();
        final List<Reject> rejects = new ArrayList<>();
    }

    public Summary run(Path csv, Path rejectFile, OutcomeSink sink) throws Exception {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.TRIM_SPACES).enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator);
        Tally tally = new Tally();
        List<String> header;
        try (MappingIterator<List<String>> it = mapper.readerFor(List.class).with(schema)
                .readValues(Files.newBufferedReader(csv, StandardCharsets.UTF_8))) {
            header = it.hasNextValue() ? List.copyOf(it.nextValue()) : List.of();
            OutcomeMapping columns = mapping.orElseGet(() -> OutcomeMapping.conventional(header));
            List<String> missing = columns.columns().stream().filter(column -> !header.contains(column)).toList();
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException(csv + ": the mapping names columns the header lacks: " + missing);
            }
            UpdateRows converter = new UpdateRows(columns);
            List<Row> pending = new ArrayList<>(BATCH);
            List<ObjectNode> updates = new ArrayList<>(BATCH);
            while (true) {
                // the parser stands where the previous row ended, which is where the next one starts
                long line = it.getCurrentLocation().getLineNr();
                List<String> cells;
                try {
                    if (!it.hasNextValue()) {
                        break;
                    }
                    cells = it.nextValue();
                } catch (JacksonException e) {
                    tally.rows++;
                    tally.rejects.add(new Reject(line, List.of(), "not valid CSV (" + e.getOriginalMessage()
                            + "); this row and the rest of the file were not read"));
                    break;
                }
                tally.rows++;
                if (cells.size() > header.size()
                        && !cells.subList(header.size(), cells.size()).stream().allMatch(String::isBlank)) {
                    tally.rejects.add(new Reject(line, cells, "has " + cells.size() + " cells but the header has "
                            + header.size() + " columns"));
                    continue;
                }
                UpdateRows.Converted converted = converter.convert(byColumn(header, cells));
                if (converted instanceof UpdateRows.Rejected rejected) {
                    tally.rejects.add(new Reject(line, cells, rejected.reason()));
                } else if (converted instanceof UpdateRows.Ignored) {
                    tally.ignored++;
                } else {
                    pending.add(new Row(line, cells));
                    updates.add(((UpdateRows.Update) converted).json());
                    if (updates.size() == BATCH) {
                        flush(sink, columns, pending, updates, tally);
                    }
                }
            }
            flush(sink, columns, pending, updates, tally);
        }
        RejectFile.write(rejectFile, separator, header, tally.rejects);
        long invalid = tally.rejects.size() - tally.unknownLeads;
        return new Summary(tally.rows, tally.stored, tally.duplicates, tally.ignored, tally.moved,
                Collections.unmodifiableMap(tally.unchanged), tally.unknownLeads, invalid, rejectFile);
    }

    private static Map<String, String> byColumn(List<String> header, List<String> cells) {
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < Math.min(header.size(), cells.size()); i++) {
            row.putIfAbsent(header.get(i), cells.get(i));
        }
        return row;
    }

    private void flush(OutcomeSink sink, OutcomeMapping columns, List<Row> pending, List<ObjectNode> updates,
            Tally tally) throws Exception {
        if (updates.isEmpty()) {
            return;
        }
        JsonNode answer = sink.send(source, updates);
        for (JsonNode result : answer.path("results")) {
            Row row = pending.get(result.path("index").asInt());
            switch (result.path("result").asText()) {
                case "stored" -> {
                    tally.stored++;
                    if (result.at("/stage/moved").asBoolean()) {
                        tally.moved++;
                    } else {
                        tally.unchanged.merge(result.at("/stage/reason").asText(), 1, Integer::sum);
                    }
                }
                case "duplicate" -> tally.duplicates++;
                case "unknown_lead" -> {
                    tally.unknownLeads++;
                    tally.rejects.add(new Reject(row.line(), row.cells(), "unknown lead: no lead in the workspace "
                            + "has this " + columns.columnOf("lead." + result.path("reference").asText())));
                }
                default -> tally.rejects.add(new Reject(row.line(), row.cells(), invalidReason(columns, result)));
            }
        }
        pending.clear();
        updates.clear();
    }

    /** The receiver's reasons, each under the column it came from. */
    private static String invalidReason(OutcomeMapping columns, JsonNode result) {
        List<String> reasons = new ArrayList<>();
        for (JsonNode param : result.path("invalid-params")) {
            reasons.add(columns.columnOf(param.path("name").asText()) + " " + param.path("reason").asText());
        }
        return reasons.isEmpty() ? result.path("detail").asText("refused") : String.join("; ", reasons);
    }
}
