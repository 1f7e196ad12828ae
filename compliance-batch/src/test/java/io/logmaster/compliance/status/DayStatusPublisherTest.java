package io.logmaster.compliance.status;

import io.logmaster.compliance.SealFixture;
import io.logmaster.compliance.merkle.Sha256;
import io.logmaster.compliance.seal.DayResult;
import io.logmaster.compliance.seal.DaySealer;
import io.logmaster.compliance.seal.SealSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.logmaster.compliance.SealFixture.ZONE;
import static org.assertj.core.api.Assertions.assertThat;

class DayStatusPublisherTest {
    private static final LocalDate DAY1 = LocalDate.of(2026, 11, 30);
    private static final LocalDate DAY2 = LocalDate.of(2026, 12, 1);
    private static final Instant NOW =
            DAY2.plusDays(1).atStartOfDay(ZONE).toInstant().plusSeconds(3600);

    /** Records every upsert call, or fails like an unreachable database when told to. */
    static final class FakeStore implements DayStatusStore {
        final List<List<DayStatus>> calls = new ArrayList<>();
        StatusStoreException failure;

        @Override
        public void upsert(List<DayStatus> days) throws StatusStoreException {
            calls.add(List.copyOf(days));
            if (failure != null) {
                throw failure;
            }
        }
    }

    @TempDir Path tmp;
    Path data;
    SealFixture fx;
    FakeStore store;
    DaySealer sealer;
    DayStatusPublisher publisher;

    @BeforeEach
    void setUp() throws Exception {
        data = tmp.resolve("data");
        fx = new SealFixture(tmp);
        store = new FakeStore();
        SealSettings settings =
                new SealSettings(data, ZONE, Duration.ofMinutes(15), Clock.fixed(NOW, ZONE));
        sealer = new DaySealer(settings, fx.signer, fx.stamper, List.of(fx.pki.rootCertificate()));
        publisher = new DayStatusPublisher(settings.sealedDir(), store);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private byte[] manifest(LocalDate day) throws Exception {
        return Files.readAllBytes(data.resolve("archive/sealed/" + day + "/manifest.json"));
    }

    @Test
    void sealedDaysCarryManifestHashCountsChainAndStamp() throws Exception {
        SealFixture.writeDay(data, DAY1, "10.1.2.3", 40, 2, 1);
        SealFixture.writeDay(data, DAY2, "10.1.2.3", 7, 1, 2);
        SealFixture.writeDay(data, DAY2, "10.9.9.9", 5, 1, 3);
        List<DayResult> results = sealer.sealClosedDays();

        assertThat(publisher.publish(results)).isEqualTo("day status recorded for 2 day(s)");

        assertThat(store.calls).hasSize(1);
        List<DayStatus> rows = store.calls.get(0);
        assertThat(rows).extracting(DayStatus::day).containsExactly(DAY1, DAY2);
        DayStatus d1 = rows.get(0);
        DayStatus d2 = rows.get(1);
        assertThat(d1.state()).isEqualTo(DayStatus.State.SEALED);
        assertThat(d1.devices()).isEqualTo(1);
        assertThat(d1.records()).isEqualTo(40);
        assertThat(d1.manifestSha256()).isEqualTo(Sha256.hex(Sha256.of(manifest(DAY1))));
        assertThat(d1.previousManifestSha256()).isNull();
        assertThat(d1.sealedAt()).isEqualTo(NOW);
        assertThat(d1.stampedAt()).isNotNull();
        assertThat(d1.tsa()).contains("CN=");
        assertThat(d1.detail()).isNull();
        assertThat(d2.state()).isEqualTo(DayStatus.State.SEALED);
        assertThat(d2.devices()).isEqualTo(2);
        assertThat(d2.records()).isEqualTo(12);
        assertThat(d2.previousManifestSha256()).isEqualTo(d1.manifestSha256());
        assertThat(d2.manifestSha256()).isEqualTo(Sha256.hex(Sha256.of(manifest(DAY2))));
    }

    @Test
    void alreadySealedDaysAreReportedAgainFromDisk() throws Exception {
        SealFixture.writeDay(data, DAY1, "10.1.2.3", 10, 1, 1);
        DayStatus first = publisherRow(sealer.sealClosedDays());

        List<DayResult> again = sealer.sealClosedDays();
        assertThat(again).extracting(DayResult::state).containsExactly(DayResult.State.SKIPPED);
        DayStatus second = publisherRow(again);

        assertThat(second).isEqualTo(first);
        assertThat(second.state()).isEqualTo(DayStatus.State.SEALED);
    }

    @Test
    void dayWithoutTimeStampIsPendingWithTheReasonThenSealedOnRetry() throws Exception {
        SealFixture.writeDay(data, DAY1, "10.1.2.3", 10, 1, 1);
        fx.stamper.up = false;
        DayStatus pending = publisherRow(sealer.sealClosedDays());

        assertThat(pending.state()).isEqualTo(DayStatus.State.PENDING);
        assertThat(pending.detail()).contains("test TSA is down");
        assertThat(pending.records()).isEqualTo(10);
        assertThat(pending.manifestSha256()).isEqualTo(Sha256.hex(Sha256.of(manifest(DAY1))));
        assertThat(pending.stampedAt()).isNull();
        assertThat(pending.tsa()).isNull();

        fx.stamper.up = true;
        DayStatus sealed = publisherRow(sealer.sealClosedDays());
        assertThat(sealed.state()).isEqualTo(DayStatus.State.SEALED);
        assertThat(sealed.manifestSha256()).isEqualTo(pending.manifestSha256());
        assertThat(sealed.stampedAt()).isNotNull();
        assertThat(sealed.detail()).isNull();
    }

    @Test
    void failedDayIsReportedWithItsReasonAndNoManifestFields() {
        DayResult failed = sealer.seal(DAY1); // no daily files at all
        assertThat(failed.state()).isEqualTo(DayResult.State.FAILED);

        DayStatus row = publisherRow(List.of(failed));

        assertThat(row).isEqualTo(DayStatus.failed(DAY1, failed.reason()));
        assertThat(row.detail()).startsWith("no daily files");
    }

    @Test
    void unreadableSealedDayIsFailedNotSilentlySealed() throws Exception {
        SealFixture.writeDay(data, DAY1, "10.1.2.3", 3, 1, 1);
        sealer.sealClosedDays();
        Files.writeString(data.resolve("archive/sealed/" + DAY1 + "/manifest.json"), "{}");

        DayStatus row = publisherRow(List.of(new DayResult(DAY1, DayResult.State.SKIPPED, "x")));

        assertThat(row.state()).isEqualTo(DayStatus.State.FAILED);
        assertThat(row.detail()).contains("unreadable").contains("previous");
    }

    @Test
    void storeOutageIsAWarningNoteNotAnException() {
        store.failure =
                new StatusStoreException(
                        "storing the status of 1 day(s)",
                        new java.sql.SQLException("Connection refused"));
        String note = publisher.publish(List.of(new DayResult(DAY1, DayResult.State.FAILED, "x")));

        assertThat(note)
                .startsWith("WARNING: day status not recorded")
                .contains("Connection refused");
        assertThat(store.calls).hasSize(1);
    }

    @Test
    void nothingSeenIsNothingStored() {
        assertThat(publisher.publish(List.of())).isEqualTo("day status: nothing to record");
        assertThat(store.calls).isEmpty();
    }

    @Test
    void longDetailIsCapped() {
        String reason = "e".repeat(DayStatusPublisher.MAX_DETAIL + 50);
        DayStatus row = publisherRow(List.of(new DayResult(DAY1, DayResult.State.FAILED, reason)));
        assertThat(row.detail())
                .hasSize(DayStatusPublisher.MAX_DETAIL + "… (50 more chars)".length());
        assertThat(row.detail()).endsWith("… (50 more chars)");
    }

    private DayStatus publisherRow(List<DayResult> results) {
        store.calls.clear();
        publisher.publish(results);
        assertThat(store.calls).hasSize(1);
        assertThat(store.calls.get(0)).hasSize(1);
        return store.calls.get(0).get(0);
    }
}
