package io.logmaster.api.partition;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.ZoneId;

/**
 * Daily partitions of the {@code events} table ({@code logmaster.partitions.*}).
 *
 * @param zone zone whose calendar day cuts partitions (LOGMASTER_ZONE)
 * @param daysBack past days (before today) whose partitions are ensured
 * @param daysAhead future days (after today) whose partitions are created ahead of time
 */
@Validated
@ConfigurationProperties("logmaster.partitions")
public record PartitionProperties(
        @NotNull ZoneId zone, @Min(0) @Max(31) int daysBack, @Min(0) @Max(366) int daysAhead) {}
