package io.attune.learn.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.learn.MessyLeads;
import io.attune.learn.table.CsvTables;
import io.attune.learn.threshold.ThresholdGoal;
import io.attune.learn.train.TrainModels;
import io.attune.learn.train.TrainingOptions;
import io.attune.learn.train.TrainingReport;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

class TrainingHtmlReportTest {
    @Test
    void the_report_has_the_five_charts_as_inline_svg_and_no_script() throws Exception {
        String html = TrainingHtmlReport.render(report(), "leads <2025>.csv");

        assertThat(html).doesNotContain("<script").doesNotContain("http://cdn").doesNotContain("https://");
        assertThat(html.split("<svg ", -1)).hasSize(6);
        assertThat(html).contains("ROC (held out)", "Calibration (held out)", "Lift by score decile",
                "Score distribution", "Threshold trade-off");
        assertThat(html).contains("leads &lt;2025&gt;.csv").doesNotContain("leads <2025>");
        assertThat(html).contains("disposition").contains("dropped");
        assertThat(html).contains("MQLs a week of 100 leads, capacity 10");
        int from = 0;
        while ((from = html.indexOf("<svg ", from)) >= 0) {
            int to = html.indexOf("</svg>", from) + "</svg>".length();
            // Each chart must be well-formed XML, or browsers show nothing.
            DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new InputSource(new StringReader(html.substring(from, to))));
            from = to;
        }
    }

    private static TrainingReport report() throws IOException {
        return TrainModels.withDefaultLearners(7).run(CsvTables.parse(MessyLeads.csv(800, 5, ',', true), ','),
                TrainingOptions.of("converted", Optional.of("lead_id"), List.of(), 7,
                        Optional.of(new ThresholdGoal.Capacity(10, 100))));
    }
}
