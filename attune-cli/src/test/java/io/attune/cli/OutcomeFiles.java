package io.attune.cli;

import java.util.List;

/**
 * A consumer workspace's leads and events (so that P-1 is an MQL and P-2 a lead), and the CRM's
 * export of what became of them, with its mapping.
 */
final class OutcomeFiles {
    static final String LEADS_MAPPING = """
            kind: leads
            ids: {userId: user_id, email: email}
            fields:
              state: state
              age: {column: age, type: number}
              insurance: insurance
            """;

    static final String LEADS_CSV = """
            user_id,email,state,age,insurance
            P-1,riley.chen@fastmail.com,CA,40,Aetna
            P-2,morgan.lee@proton.me,,,
            """;

    static final String EVENTS_MAPPING = """
            kind: events
            ids: {userId: user_id}
            event: event
            messageId: event_id
            """;

    static final String EVENTS_CSV = """
            event_id,user_id,event
            e-1,P-1,Insurance Check Completed
            e-2,P-1,Intake Started
            e-3,P-1,Appointment Booked
            """;

    static final String SALESFORCE_MAPPING = """
            lead: {userId: Patient_Id__c, email: Email}
            status: StageName
            statuses: {Qualified: sql, Proposal: opportunity, Closed Won: won, Closed Lost: lost, Prospecting: ignore}
            at: CloseDate
            amount: Amount
            currency: CurrencyIsoCode
            crmId: Id
            bant: {budget: Budget__c, authority: Authority__c, need: Need__c, timeline: Timeline__c}
            """;

    /**
     * Line by line: the header; P-1 won (listed before its SQL and opportunity, which happened earlier);
     * P-1's SQL with BANT, by email; P-1's opportunity; an unknown email; a date the import cannot read; an
     * amount the receiver refuses; an ignored status; an unmapped status; P-2 lost (a lead, so its stage
     * stays); P-2 qualified without BANT (stage stays); P-2 qualified with a partial BANT.
     */
    static final String SALESFORCE_CSV = "Id,Patient_Id__c,Email,StageName,CloseDate,Amount,CurrencyIsoCode,"
            + "Budget__c,Authority__c,Need__c,Timeline__c\n"
            + "006A1,P-1,,Closed Won,2026-03-20,\"18,400.50\",usd,,,,\n"
            + "00QA1,,riley.chen@fastmail.com,Qualified,2026-03-02T10:00:00Z,,,self-pay approved,the patient decides,"
            + "weekly therapy,start this month\n"
            + "006A1,P-1,,Proposal,2026-03-09,,,,,,\n"
            + "006B2,,sam.nobody@outlook.com,Closed Won,2026-03-21,900,USD,,,,\n"
            + "006C3,P-2,,Closed Lost,20/03/2026,,,,,,\n"
            + "006D4,P-2,,Closed Lost,2026-03-22,lots,,,,,\n"
            + "006E5,P-2,,Prospecting,2026-03-23,,,,,,\n"
            + "006F6,P-2,,Negotiation,2026-03-24,,,,,,\n"
            + "006G7,P-2,,Closed Lost,2026-03-25,,,,,,\n"
            + "00QH8,P-2,,Qualified,2026-03-26,,,,,,\n"
            + "00QJ9,P-2,,Qualified,2026-03-27,,,yes,,,\n";

    static final List<String> REJECT_HEADER = List.of("line", "reason", "Id", "Patient_Id__c", "Email", "StageName",
            "CloseDate", "Amount", "CurrencyIsoCode", "Budget__c", "Authority__c", "Need__c", "Timeline__c");

    static final List<List<String>> SALESFORCE_REJECTS = List.of(
            List.of("5", "unknown lead: no lead in the workspace has this Email", "006B2", "", "sam.nobody@outlook.com",
                    "Closed Won", "2026-03-21", "900", "USD", "", "", "", ""),
            List.of("6", "CloseDate is not a date, date-time or epoch time", "006C3", "P-2", "", "Closed Lost",
                    "20/03/2026", "", "", "", "", "", ""),
            List.of("7", "Amount must be a decimal number, or one as text", "006D4", "P-2", "", "Closed Lost",
                    "2026-03-22", "lots", "", "", "", "", ""),
            List.of("9", "StageName is not sql, opportunity, won or lost nor one of the values under statuses in the "
                    + "mapping", "006F6", "P-2", "", "Negotiation", "2026-03-24", "", "", "", "", "", ""),
            List.of("12", "BANT is all four or none: Authority__c, Need__c, Timeline__c are empty", "00QJ9", "P-2", "",
                    "Qualified", "2026-03-27", "", "", "yes", "", "", ""));

    private OutcomeFiles() {
    }
}
