package io.logmaster.api.compliance;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ComplianceDaysTest {
    private static final LocalDate D1 = LocalDate.of(2026, 12, 1);

    private static ComplianceDay.Recorded row(LocalDate day, String state) {
        return new ComplianceDay.Recorded(day, state, null, null, null, null, null, null, null);
    }

    @Test
    void fillsPastGapsOnlyAndSortsNewestFirst() {
        List<ComplianceDay> days =
                ComplianceDays.listing(
                        List.of(row(D1, "failed"), row(D1.plusDays(3), "sealed")),
                        D1.minusDays(1),
                        D1.plusDays(4),
                        D1.plusDays(2),
                        java.util.Optional.of(D1.minusDays(30)));

        assertThat(days)
                .extracting(ComplianceDay::day, ComplianceDay::state)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(D1.plusDays(3), "sealed"),
                        org.assertj.core.groups.Tuple.tuple(D1.plusDays(1), "unsealed"),
                        org.assertj.core.groups.Tuple.tuple(D1, "failed"),
                        org.assertj.core.groups.Tuple.tuple(D1.minusDays(1), "unsealed"));
    }

    @Test
    void rowsOutsideTheRangeAreIgnored() {
        assertThat(
                        ComplianceDays.listing(
                                List.of(row(D1.minusDays(5), "sealed")),
                                D1,
                                D1,
                                D1,
                                java.util.Optional.of(D1.minusDays(30))))
                .isEmpty();
    }

    @Test
    void daysBeforeCollectionStartedAreNotGaps() {
        List<ComplianceDay> days =
                ComplianceDays.listing(
                        List.of(),
                        D1.minusDays(3),
                        D1.plusDays(1),
                        D1.plusDays(2),
                        java.util.Optional.of(D1));

        assertThat(days)
                .extracting(ComplianceDay::day, ComplianceDay::state)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(D1.plusDays(1), "unsealed"),
                        org.assertj.core.groups.Tuple.tuple(D1, "unsealed"));
        assertThat(
                        ComplianceDays.listing(
                                List.of(), D1, D1, D1.plusDays(1), java.util.Optional.empty()))
                .isEmpty();
    }
}
