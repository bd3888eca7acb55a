package io.attune.core.ingest;

import static io.attune.core.TestModels.account;
import static io.attune.core.TestModels.role;
import static io.attune.core.TestModels.rule;

import io.attune.core.TestModels;
import io.attune.core.model.ScoringModel;
import io.attune.core.model.Segment;

/** Small consumer and employer models in the shape of the starter models, for recording tests. */
final class IngestModels {
    static final ScoringModel CONSUMER = TestModels.model("consumer-test", Segment.CONSUMER)
            .threshold(40)
            .fit(rule("adult").when("has(lead.age) && lead.age >= 18").points(10))
            .engagement(
                    rule("condition_page").kind("page").when("page.path.startsWith('/conditions/')").points(5)
                            .cap(2, "1d").maxPoints(15),
                    rule("condition_page_return").kind("page")
                            .when("seen.condition_page >= 1 && page.path.startsWith('/conditions/')").points(10),
                    rule("insurance_check").kind("track").names("Insurance Checked").points(20),
                    rule("booking").kind("track").names("Appointment Booked").points(40))
            .negative(rule("careers_page").kind("page").when("page.path.startsWith('/careers')").points(10))
            .disqualify(rule("minor").when("has(lead.age) && lead.age < 18").reason("under 18"))
            .compile();

    static final ScoringModel EMPLOYER = employer(1, 60);

    private IngestModels() {
    }

    /** The employer model as another version qualifying at another threshold. */
    static ScoringModel employer(int version, double threshold) {
        return TestModels.model("employer-test", Segment.EMPLOYER).version(version)
                .threshold(threshold)
                .fit(rule("benefits_title").when("has(lead.title) && lead.title.matches('(?i)benefits|people')")
                                .points(20),
                        rule("self_insured").when("has(account.selfInsured) && account.selfInsured == true").points(10))
                .engagement(
                        rule("pricing_page").kind("page").when("page.path == '/pricing'").points(15).cap(1, "7d"),
                        rule("blog_read").kind("page").when("page.path.startsWith('/blog/')").points(3).maxPoints(9),
                        rule("condition_page").kind("page").when("page.path.startsWith('/conditions/')").points(1),
                        rule("roi_calculator").kind("track").names("ROI Calculator Completed").points(25),
                        rule("demo_request").kind("track").names("Demo Requested").points(30))
                .negative(rule("careers_page").kind("page").when("page.path.startsWith('/careers')").points(10))
                .disqualify(
                        rule("competitor").when("has(lead.emailDomain) && lead.emailDomain == 'rival.com'")
                                .reason("competitor"),
                        rule("job_seeker").kind("track").names("Job Application Submitted").when("true")
                                .reason("job seeker"))
                .account(account().threshold(100).coverageDays(90)
                        .fit(rule("large_employer").when("has(account.employees) && account.employees >= 1000")
                                .points(20))
                        .committee(
                                role("benefits_leader").when("has(lead.title) && lead.title.matches('(?i)benefits')")
                                        .points(20),
                                role("finance").when("has(lead.title) && lead.title.matches('(?i)cfo|finance')")
                                        .points(20)))
                .compile();
    }
}
