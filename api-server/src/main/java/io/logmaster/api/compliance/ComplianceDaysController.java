package io.logmaster.api.compliance;

import io.logmaster.api.error.InvalidParameterException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * {@code GET /api/v1/compliance/days?from=YYYY-MM-DD&to=YYYY-MM-DD} (default: the last 31 days up
 * to today): the seal state of each day, newest first; past days without a seal are listed as
 * {@code unsealed}. Admins and auditors only (SecurityConfig).
 */
@RestController
@RequestMapping("/api/v1/compliance/days")
class ComplianceDaysController {

    static final int DEFAULT_DAYS = 31;
    static final int MAX_DAYS = 366;

    private final ComplianceDayRepository repository;
    private final ComplianceProperties properties;
    private final Clock clock;

    ComplianceDaysController(
            ComplianceDayRepository repository, ComplianceProperties properties, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
    }

    /** The response body. */
    record DaysResponse(List<ComplianceDay> days) {}

    @GetMapping
    DaysResponse days(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), properties.zone());
        LocalDate end = to == null ? today : date("to", to);
        LocalDate start = from == null ? end.minusDays(DEFAULT_DAYS - 1) : date("from", from);
        if (start.isAfter(end)) {
            throw new InvalidParameterException(
                    "from", "'from' (" + start + ") is after 'to' (" + end + ").");
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw new InvalidParameterException(
                    "from", "At most " + MAX_DAYS + " days can be listed at once.");
        }
        return new DaysResponse(
                ComplianceDays.listing(
                        repository.findBetween(start, end),
                        start,
                        end,
                        today,
                        repository.firstCollectedDay()));
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(
                    name, "'" + name + "' must be a date like 2026-12-03.");
        }
    }
}
