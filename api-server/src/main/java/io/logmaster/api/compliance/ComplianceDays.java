package io.logmaster.api.compliance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds the day list of {@code GET /api/v1/compliance/days} from the recorded rows. */
final class ComplianceDays {

    private ComplianceDays() {}

    /**
     * Every recorded day in {@code [from, to]} plus an {@code unsealed} entry for each day before
     * {@code today} and not before {@code firstCollected} without a row (a gap: logs were being
     * collected but the day has no seal), newest first.
     */
    static List<ComplianceDay> listing(
            List<ComplianceDay.Recorded> rows,
            LocalDate from,
            LocalDate to,
            LocalDate today,
            java.util.Optional<LocalDate> firstCollected) {
        Map<LocalDate, ComplianceDay.Recorded> byDay =
                rows.stream()
                        .filter(r -> !r.day().isBefore(from) && !r.day().isAfter(to))
                        .collect(
                                Collectors.toMap(
                                        ComplianceDay.Recorded::day,
                                        Function.identity(),
                                        (a, b) -> a));
        List<ComplianceDay> days = new ArrayList<>();
        for (LocalDate d = to; !d.isBefore(from); d = d.minusDays(1)) {
            ComplianceDay.Recorded row = byDay.get(d);
            if (row != null) {
                days.add(row);
            } else if (d.isBefore(today)
                    && firstCollected.isPresent()
                    && !d.isBefore(firstCollected.get())) {
                days.add(new ComplianceDay.Unsealed(d));
            }
        }
        return days;
    }
}
