package io.attune.cli;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The files an import reads, written into a directory: an employer's CRM export of leads (with the
 * mistakes real exports have) and a webinar platform's export of events, each with its mapping.
 */
final class ImportFiles {
    /** 257 characters: one more than the ingestion parser allows in a user id. */
    static final String OVERLONG_ID = "C-" + "9".repeat(255);

    static final String LEADS_MAPPING = """
            kind: leads
            ids: {userId: crm_id, email: email}
            timestamp: created_at
            fields:
              title: title
              company: company
              employees: {column: employees, type: number}
              selfInsured: {column: self_insured, type: boolean}
            constants: {segment: employer}
            """;

    /**
     * Line by line: the header; two good rows (quoted commas in a title, a company and a number); a row
     * without any id; a bad number; a bad date; a user id the server's parser refuses; a good row whose
     * quoted title spans lines 8 and 9; a bad boolean; a good row with an epoch-seconds date.
     */
    static final String LEADS_CSV = "crm_id,email,title,company,employees,self_insured,created_at\n"
            + "C-1001,dana.okafor@northwind-traders.com,\"VP, Benefits\",\"Northwind Traders, Inc.\",2400,yes,"
            + "2025-03-02\n"
            + "C-1002,,HR Manager,Contoso,\"1,200\",no,2025-03-03T10:15:00Z\n"
            + ",,Benefits Analyst,Fabrikam,300,yes,2025-03-04\n"
            + "C-1004,lee.park@contoso.com,CFO,Contoso,lots,no,2025-03-05\n"
            + "C-1005,sam.ruiz@tailspin-toys.com,Director of People,Tailspin Toys,500,no,03/06/2025\n"
            + OVERLONG_ID + ",kim.lee@woodgrove.com,Benefits Manager,Woodgrove,800,no,2025-03-07\n"
            + "C-1007,ray.diaz@litware.com,\"Head of\nTotal Rewards\",Litware,5200,true,2025-03-08\n"
            + "C-1008,ana.silva@proseware.com,Benefits Director,Proseware,900,maybe,2025-03-09\n"
            + "C-1009,,,,,,1741600000\n";

    /** The rows of {@link #LEADS_CSV} that are recorded: C-1001, C-1002, C-1007 and C-1009. */
    static final int LEADS_IMPORTED = 4;

    /** The reject file's rows for {@link #LEADS_CSV}: line, reason and the row as it was. */
    static final List<List<String>> LEADS_REJECTS = List.of(
            List.of("4", "no id: crm_id, email are all empty", "", "", "Benefits Analyst", "Fabrikam", "300", "yes",
                    "2025-03-04"),
            List.of("5", "employees is not a number", "C-1004", "lee.park@contoso.com", "CFO", "Contoso", "lots", "no",
                    "2025-03-05"),
            List.of("6", "created_at is not a date, date-time or epoch time", "C-1005", "sam.ruiz@tailspin-toys.com",
                    "Director of People", "Tailspin Toys", "500", "no", "03/06/2025"),
            List.of("7", "userId must be at most 256 characters", OVERLONG_ID, "kim.lee@woodgrove.com",
                    "Benefits Manager", "Woodgrove", "800", "no", "2025-03-07"),
            List.of("10", "self_insured is not true/false (or yes/no, 1/0)", "C-1008", "ana.silva@proseware.com",
                    "Benefits Director", "Proseware", "900", "maybe", "2025-03-09"));

    static final List<String> LEADS_REJECT_HEADER = List.of("line", "reason", "crm_id", "email", "title", "company",
            "employees", "self_insured", "created_at");

    static final String EVENTS_MAPPING = """
            kind: events
            ids: {userId: user_id, anonymousId: anonymous_id}
            event: event
            timestamp: occurred_at
            messageId: event_id
            fields:
              webinarType: webinar_type
            """;

    /** Two events of C-1001, one of an anonymous visitor, one without a name and one without any id. */
    static final String EVENTS_CSV = """
            event_id,user_id,anonymous_id,event,occurred_at,webinar_type
            ev-1,C-1001,,Webinar Attended,2025-03-10T15:00:00Z,demo
            ev-2,C-1001,,ROI Calculator Completed,2025-03-11T09:30:00Z,
            ev-3,,visitor-77,Pricing Viewed,2025-03-11T10:00:00Z,
            ev-4,C-1002,,,2025-03-12T10:00:00Z,
            ev-5,,,Webinar Attended,2025-03-12 11:00:00,demo
            """;

    static final List<List<String>> EVENTS_REJECTS = List.of(
            List.of("5", "event is empty", "ev-4", "C-1002", "", "", "2025-03-12T10:00:00Z", ""),
            List.of("6", "no id: user_id, anonymous_id are all empty", "ev-5", "", "", "Webinar Attended",
                    "2025-03-12 11:00:00", "demo"));

    private ImportFiles() {
    }

    static Path write(Path directory, String name, String text) {
        try {
            return Files.writeString(directory.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reject file's header, then each row, read back as CSV. */
    static List<List<String>> readCsv(Path file) {
        try (MappingIterator<List<String>> rows = new CsvMapper()
                .enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .readerFor(List.class).with(CsvSchema.emptySchema())
                .readValues(Files.readString(file, StandardCharsets.UTF_8))) {
            return rows.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
