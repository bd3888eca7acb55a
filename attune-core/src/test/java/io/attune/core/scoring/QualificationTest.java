package io.attune.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.attune.core.TestEvents;
import io.attune.core.TestModels;
import io.attune.core.model.Decay;
import io.attune.core.model.RuleId;
import io.attune.core.model.ScoringModel;
import io.attune.core.model.Segment;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QualificationTest {
    private static final Instant T0 = TestEvents.T0;

    private final ScoringModel byThreshold = TestModels.model("threshold", Segment.EMPLOYER).fitMin(10).threshold(60)
            .compile();
    private final ScoringModel byGrades = TestModels.model("grades", Segment.EMPLOYER)
            .grades(40, 20, 10, 50, 30, 10, "A1", "A2", "B1").compile();

    @Test
    void a_lead_qualifies_when_fit_plus_engagement_reaches_the_threshold() {
        Qualification reached = Qualification.of(byThreshold, score(byThreshold, 20, 40), T0);
        Qualification below = Qualification.of(byThreshold, score(byThreshold, 20, 39.9), T0);

        assertThat(reached.qualified()).isTrue();
        assertThat(reached.total()).isEqualTo(60);
        assertThat(reached.because()).isEqualTo("score 60.0 reached threshold 60.0");
        assertThat(below.qualified()).isFalse();
        assertThat(below.because()).isEqualTo("score 59.9 is below threshold 60.0");
    }

    @Test
    void a_lead_below_fit_min_does_not_qualify_however_engaged() {
        Qualification qualification = Qualification.of(byThreshold, score(byThreshold, 5, 500), T0);

        assertThat(qualification.qualified()).isFalse();
        assertThat(qualification.because()).isEqualTo("fit 5.0 is below fitMin 10.0");
    }

    @Test
    void engagement_counts_as_decayed_at_the_time_asked() {
        LeadScore score = score(byThreshold, 20, 40);

        assertThat(Qualification.of(byThreshold, score, T0).qualified()).isTrue();
        assertThat(Qualification.of(byThreshold, score, T0.plus(Decay.QUARTER)).engagement())
                .isCloseTo(30, within(1e-9));
        assertThat(Qualification.of(byThreshold, score, T0.plus(Decay.QUARTER)).qualified()).isFalse();
    }

    @Test
    void a_grade_matrix_qualifies_the_cells_it_names() {
        assertThat(Qualification.of(byGrades, score(byGrades, 45, 35), T0))
                .satisfies(q -> {
                    assertThat(q.cell()).contains("A2");
                    assertThat(q.qualified()).isTrue();
                    assertThat(q.because()).isEqualTo("cell A2 qualifies");
                });
        assertThat(Qualification.of(byGrades, score(byGrades, 25, 60), T0).cell()).contains("B1");
        assertThat(Qualification.of(byGrades, score(byGrades, 25, 35), T0))
                .satisfies(q -> {
                    assertThat(q.cell()).contains("B2");
                    assertThat(q.qualified()).isFalse();
                    assertThat(q.because()).isEqualTo("cell B2 does not qualify");
                });
        assertThat(Qualification.of(byGrades, score(byGrades, 5, 5), T0).cell()).contains("D4");
    }

    @Test
    void grades_fall_on_their_cut_offs() {
        var grades = byGrades.grades().orElseThrow();

        assertThat(List.of(grades.grade(40), grades.grade(39.9), grades.grade(20), grades.grade(10), grades.grade(9)))
                .containsExactly('A', 'B', 'B', 'C', 'D');
        assertThat(List.of(grades.band(50), grades.band(49), grades.band(30), grades.band(10), grades.band(0)))
                .containsExactly(1, 2, 2, 3, 4);
    }

    @Test
    void a_disqualified_lead_never_qualifies() {
        LeadScore out = LeadScore.restore(byThreshold, 100, List.of(), new DecayingValue(100, T0.toEpochMilli()),
                Map.of(), Optional.empty(), Optional.of(new Disqualification(new RuleId("job_seeker"), "job seeker", T0)));

        Qualification qualification = Qualification.of(byThreshold, out, T0);

        assertThat(qualification.qualified()).isFalse();
        assertThat(qualification.because()).isEqualTo("disqualified by job_seeker: job seeker");
    }

    @Test
    void negative_engagement_counts_as_zero() {
        Qualification qualification = Qualification.of(byThreshold, score(byThreshold, 70, -50), T0);

        assertThat(qualification.engagement()).isZero();
        assertThat(qualification.qualified()).isTrue();
    }

    private static LeadScore score(ScoringModel model, double fit, double engagement) {
        return LeadScore.restore(model, fit, List.of(), new DecayingValue(engagement, T0.toEpochMilli()), Map.of(),
                Optional.empty(), Optional.empty());
    }
}
