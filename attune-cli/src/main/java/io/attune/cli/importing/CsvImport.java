package io.attune.cli.importing;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a CSV, converts each row with a mapping, sends the messages in batches, and writes every
 * row that fails — with its line number and reason — to a reject file. No row is dropped silently.
 */
public final class CsvImport {
    private static final int BATCH = 500;

    private final ImportMapping mapping;
    private final char separator;

    public CsvImport(ImportMapping mapping, char separator) {
        this.mapping = mapping;
        this.separator = separator;
    }

    /** What an import did; {@code rejectFile} holds the {@code rejected} rows. */
    public record Summary(long rows, long accepted, long rejected, Path rejectFile) {
    }

    private record Row(long line, Map<String, String> cells) {
    }

    private record Reject(long line, Map<String, String> cells, String reason) {
    }

    public Summary run(Path csv, Path rejectFile, MessageSink sink) throws Exception {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.TRIM_SPACES);
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(separator);
        List<Reject> rejects = new ArrayList<>();
        List<String> header;
        long rows = 0;
        long accepted = 0;
        RowConverter converter = new RowConverter(mapping);
        try (MappingIterator<Map<String, String>> it = mapper.readerFor(Map.class).with(schema)
                .readValues(Files.newBufferedReader(csv, StandardCharsets.UTF_8))) {
            header = headerOf(it);
            List<String> missing = mapping.columns().stream().filter(column -> !header.contains(column)).toList();
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException(csv + ": the mapping names columns the header lacks: " + missing);
            }
            List<Row> pending = new ArrayList<>(BATCH);
            List<ObjectNode> messages = new ArrayList<>(BATCH);
            while (true) {
                long line = it.getCurrentLocation().getLineNr();
                Map<String, String> cells;
                try {
                    if (!it.hasNextValue()) {
                        break;
                    }
                    cells = it.nextValue();
                } catch (RuntimeJsonMappingException e) {
                    rows++;
                    rejects.add(new Reject(Math.max(line, 2), Map.of(), "unreadable CSV row: " + e.getMessage()));
                    continue;
                }
                rows++;
                line = Math.max(line, 2);
                RowConverter.Converted converted = converter.convert(cells);
                if (converted instanceof RowConverter.Rejected rejected) {
                    rejects.add(new Reject(line, cells, rejected.reason()));
                    continue;
                }
                pending.add(new Row(line, cells));
                messages.add(((RowConverter.Message) converted).json());
                if (messages.size() == BATCH) {
                    accepted += flush(sink, pending, messages, rejects);
                }
            }
            accepted += flush(sink, pending, messages, rejects);
        }
        writeRejects(rejectFile, header, rejects);
        return new Summary(rows, accepted, rejects.size(), rejectFile);
    }

    private static List<String> headerOf(MappingIterator<Map<String, String>> it) throws IOException {
        if (!it.hasNextValue()) {
            return List.of();
        }
        CsvSchema read = (CsvSchema) it.getParserSchema();
        List<String> names = new ArrayList<>();
        read.forEach(column -> names.add(column.getName()));
        return names;
    }

    private static long flush(MessageSink sink, List<Row> pending, List<ObjectNode> messages, List<Reject> rejects)
            throws Exception {
        if (messages.isEmpty()) {
            return 0;
        }
        Map<Integer, String> refused = sink.send(messages);
        refused.forEach((index, reason) -> {
            Row row = pending.get(index);
            rejects.add(new Reject(row.line(), row.cells(), reason));
        });
        long accepted = messages.size() - refused.size();
        pending.clear();
        messages.clear();
        return accepted;
    }

    private void writeRejects(Path file, List<String> header, List<Reject> rejects) throws IOException {
        CsvSchema.Builder columns = CsvSchema.builder().addColumn("line").addColumn("reason");
        header.forEach(columns::addColumn);
        CsvSchema schema = columns.build().withHeader().withColumnSeparator(separator);
        rejects.sort(java.util.Comparator.comparingLong(Reject::line));
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            var sequence = new CsvMapper().writer(schema).writeValues(writer);
            for (Reject reject : rejects) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("line", reject.line());
                row.put("reason", reject.reason());
                header.forEach(column -> row.put(column, reject.cells().getOrDefault(column, "")));
                sequence.write(row);
            }
            sequence.close();
        }
    }
}
