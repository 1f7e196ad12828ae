package io.logmaster.api.partition;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;

/**
 * Keeps daily partitions of the {@code events} table ready: at start-up (failing start-up if the
 * database refuses) and then every hour (cheap and idempotent, so a missed midnight heals itself),
 * it calls {@code logmaster_ensure_event_partitions} for today - daysBack .. today + daysAhead in
 * the configured zone.
 */
@Component
@Order(20)
class EventPartitionMaintainer implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(EventPartitionMaintainer.class);

    /** The days to ensure, from {@code first} on. */
    record Window(LocalDate first, int days) {}

    private final JdbcClient jdbc;
    private final PartitionProperties properties;
    private final Clock clock;

    EventPartitionMaintainer(JdbcClient jdbc, PartitionProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    static Window window(Clock clock, PartitionProperties properties) {
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        return new Window(
                today.minusDays(properties.daysBack()),
                properties.daysBack() + 1 + properties.daysAhead());
    }

    @Override
    public void run(ApplicationArguments args) {
        ensure();
    }

    @Scheduled(cron = "0 7 * * * *", zone = "${logmaster.partitions.zone}")
    void scheduled() {
        try {
            ensure();
        } catch (DataAccessException e) {
            LOG.error("Ensuring events partitions failed; retrying next hour", e);
        }
    }

    int ensure() {
        Window w = window(clock, properties);
        Integer created =
                jdbc.sql("SELECT logmaster_ensure_event_partitions(:first, :days)")
                        .param("first", Date.valueOf(w.first()))
                        .param("days", w.days())
                        .query(Integer.class)
                        .single();
        int n = created == null ? 0 : created;
        if (n > 0) {
            LOG.info(
                    "Created {} events partitions; {} days from {} are covered ({})",
                    n,
                    w.days(),
                    w.first(),
                    properties.zone());
        } else {
            LOG.debug("Events partitions for {} days from {} already exist", w.days(), w.first());
        }
        return n;
    }
}
