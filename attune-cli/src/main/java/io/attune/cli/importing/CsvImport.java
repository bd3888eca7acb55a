package io.attune.cli.importing;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.attune.cli.importing.RejectFile.Reject;
import io.attune.server.ingest.SegmentLimits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a CSV, converts each row with a mapping, sends the messages in batches, and writes every
 * row that fails — with its line number and reason — to a reject file. No row is dropped silently.
 * A row's line is the one it starts on; a quoted cell may go on over several lines. Blank lines are
 * not rows.
 */
public final class CsvImport {
    private static final int BATCH = 500;
    /**
     * Half the Tracking API's 500 KB request limit: a batch of wide rows is sent before it nears the limit,
     * which would refuse the whole request and so every row in it.
     */
    private static final int BATCH_BYTES = SegmentLimits.DEFAULT.maxBatchBytes() / 2;

    private final ImportMapping mapping;
    private final char separator;

    public CsvImport(ImportMapping mapping, char separator) {
        this.mapping = mapping;
        this.separator = separator;
    }

    /** What an import did; {@code rejectFile} holds the {@code rejected} rows. */
    public record Summary(long rows, long accepted, long rejected, Path rejectFile) {
    }

    private record Row(long line, List<String> cells) {
    }

    public Summary run(Path csv, Path rejectFile, MessageSink sink) throws Exception {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.TRIM_SPACES).enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        // Rows are read as lists rather than maps keyed by the header, so that a row with more cells than
        // the header is a rejected row, not an exception that ends the import half-way.
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator);
        List<Reject> rejects = new ArrayList<>();
        List<String> header;
        long rows = 0;
        long accepted = 0;
        RowConverter converter = new RowConverter(mapping);
        try (MappingIterator<List<String>> it = mapper.readerFor(List.class).with(schema)
                .readValues(Files.newBufferedReader(csv, StandardCharsets.UTF_8))) {
            header = it.hasNextValue() ? List.copyOf(it.nextValue()) : List.of();
            List<String> missing = mapping.columns().stream().filter(column -> !header.contains(column)).toList();
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException(csv + ": the mapping names columns the header lacks: " + missing);
            }
            List<Row> pending = new ArrayList<>(BATCH);
            List<ObjectNode> messages = new ArrayList<>(BATCH);
            long pendingBytes = 0;
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
                    // a quote that never closes leaves nothing after it readable: say where, and stop there
                    rows++;
                    rejects.add(new Reject(line, List.of(), "not valid CSV (" + e.getOriginalMessage()
                            + "); this row and the rest of the file were not read"));
                    break;
                }
                rows++;
                if (cells.size() > header.size()
                        && !cells.subList(header.size(), cells.size()).stream().allMatch(String::isBlank)) {
                    rejects.add(new Reject(line, cells, "has " + cells.size() + " cells but the header has "
                            + header.size() + " columns"));
                    continue;
                }
                RowConverter.Converted converted = converter.convert(byColumn(header, cells));
                if (converted instanceof RowConverter.Rejected rejected) {
                    rejects.add(new Reject(line, cells, rejected.reason()));
                    continue;
                }
                ObjectNode message = ((RowConverter.Message) converted).json();
                long bytes = message.toString().getBytes(StandardCharsets.UTF_8).length + 1L;
                if (!messages.isEmpty() && pendingBytes + bytes > BATCH_BYTES) {
                    accepted += flush(sink, pending, messages, rejects);
                    pendingBytes = 0;
                }
                pending.add(new Row(line, cells));
                messages.add(message);
                pendingBytes += bytes;
                if (messages.size() == BATCH) {
                    accepted += flush(sink, pending, messages, rejects);
                    pendingBytes = 0;
                }
            }
            accepted += flush(sink, pending, messages, rejects);
        }
        RejectFile.write(rejectFile, separator, header, rejects);
        return new Summary(rows, accepted, rejects.size(), rejectFile);
    }

    /** A row's cells by column name; a short row lacks its last columns, which read as empty. */
    private static Map<String, String> byColumn(List<String> header, List<String> cells) {
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < Math.min(header.size(), cells.size()); i++) {
            row.putIfAbsent(header.get(i), cells.get(i));
        }
        return row;
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
}
