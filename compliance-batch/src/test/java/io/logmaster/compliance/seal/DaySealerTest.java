package io.logmaster.compliance.seal;

import io.logmaster.compliance.SealFixture;
import io.logmaster.compliance.manifest.Manifest;
import io.logmaster.compliance.manifest.SealedDayLayout;
import io.logmaster.compliance.merkle.MerkleTree;
import io.logmaster.compliance.merkle.Sha256;
import io.logmaster.compliance.seal.DayResult.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static io.logmaster.compliance.SealFixture.ZONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DaySealerTest {
    private static final LocalDate DAY1 = LocalDate.of(2026, 11, 30);
    private static final LocalDate DAY2 = LocalDate.of(2026, 12, 1);

    @TempDir Path tmp;
    Path data;
    SealFixture fx;

    @BeforeEach
    void setUp() throws Exception {
        data = tmp.resolve("data");
        fx = new SealFixture(tmp);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private DaySealer sealer(Instant now) {
        return new DaySealer(
                new SealSettings(data, ZONE, Duration.ofMinutes(15), Clock.fixed(now, ZONE)),
                fx.signer,
                fx.stamper,
                List.of(fx.pki.rootCertificate()));
    }

    private static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    @Test
    void canonicalFileHoldsEveryCommittedLineSortedByTimeThenId() throws Exception {
        List<String> a = SealFixture.writeDay(data, DAY1, "10.1.2.3", 500, 3, 1);
        List<String> b = SealFixture.writeDay(data, DAY1, "fe80::1", 40, 2, 2);

        DayResult r = sealer(endOf(DAY1).plus(Duration.ofMinutes(16))).seal(DAY1);

        assertThat(r.state()).as(r.toString()).isEqualTo(State.SEALED);
        Path day = data.resolve("archive/sealed/" + DAY1);
        String expectedA = String.join("\n", a) + "\n";
        byte[] contentA = SealFixture.gunzip(day.resolve("devices/10.1.2.3/records.jsonl.gz"));
        assertThat(new String(contentA, StandardCharsets.UTF_8)).isEqualTo(expectedA);
        assertThat(SealFixture.gunzip(day.resolve("devices/fe80__1/records.jsonl.gz")))
                .isEqualTo((String.join("\n", b) + "\n").getBytes(StandardCharsets.UTF_8));

        Manifest m = Manifest.parse(Files.readAllBytes(day.resolve("manifest.json")));
        assertThat(m.day()).isEqualTo(DAY1);
        assertThat(m.previous()).isNull();
        assertThat(m.totals()).isEqualTo(new Manifest.Totals(2, 540));
        assertThat(m.warnings()).isEmpty();
        Manifest.DeviceEntry d = m.devices().get(0);
        assertThat(d.device()).isEqualTo("10.1.2.3");
        assertThat(d.records()).isEqualTo(500);
        assertThat(d.size()).isEqualTo(contentA.length);
        assertThat(d.sha256()).isEqualTo(Sha256.hex(Sha256.of(contentA)));
        byte[] stored = Files.readAllBytes(day.resolve(d.file()));
        assertThat(d.storedSize()).isEqualTo(stored.length);
        assertThat(d.storedSha256()).isEqualTo(Sha256.hex(Sha256.of(stored)));
        MerkleTree tree =
                MerkleTree.of(a.stream().map(l -> l.getBytes(StandardCharsets.UTF_8)).toList());
        assertThat(d.merkleRoot()).isEqualTo(Sha256.hex(tree.root()));
        assertThat(m.devices().get(1).device()).isEqualTo("fe80__1");
        for (String f :
                List.of(
                        "manifest.sig",
                        "manifest.tsr",
                        "manifest.tst",
                        "signer-chain.pem",
                        "signer-public.pem",
                        "tsa-chain.pem",
                        "README.txt")) {
            assertThat(day.resolve(f)).as(f).isRegularFile();
        }
        assertThat(Files.readString(day.resolve("README.txt")))
                .contains("openssl ts -verify -data manifest.json -in manifest.tsr");
        assertThat(data.resolve("archive/sealed/." + DAY1 + ".work")).doesNotExist();
    }

    @Test
    void chainsDaysOldestFirstAndNeverResealsASealedDay() throws Exception {
        SealFixture.writeDay(data, DAY1, "10.1.2.3", 20, 1, 1);
        SealFixture.writeDay(data, DAY2, "10.1.2.3", 20, 1, 2);
        DaySealer sealer = sealer(endOf(DAY2).plus(Duration.ofHours(1)));

        List<DayResult> first = sealer.sealClosedDays();

        assertThat(first).extracting(DayResult::day).containsExactly(DAY1, DAY2);
        assertThat(first).extracting(DayResult::state).containsOnly(State.SEALED);
        byte[] m1 = Files.readAllBytes(data.resolve("archive/sealed/" + DAY1 + "/manifest.json"));
        Manifest m2 =
                Manifest.parse(
                        Files.readAllBytes(
                                data.resolve("archive/sealed/" + DAY2 + "/manifest.json")));
        assertThat(m2.previous()).isEqualTo(new Manifest.Previous(DAY1, Sha256.hex(Sha256.of(m1))));

        int calls = fx.stamper.calls;
        List<DayResult> again = sealer.sealClosedDays();
        assertThat(again).extracting(DayResult::state).containsOnly(State.SKIPPED);
        assertThat(fx.stamper.calls).isEqualTo(calls);
        assertThat(Files.readAllBytes(data.resolve("archive/sealed/" + DAY1 + "/manifest.json")))
                .isEqualTo(m1);
    }

    @Test
    void refusesADayThatIsNotClosedYet() throws Exception {
        SealFixture.writeDay(data, DAY1, "10.1.2.3", 5, 1, 1);
        DaySealer sealer = sealer(endOf(DAY1).plus(Duration.ofMinutes(10)));

        assertThatThrownBy(() -> sealer.seal(DAY1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("day 2026-11-30 is not closed yet")
                .hasMessageContaining("grace PT15M");
        assertThat(sealer.sealClosedDays()).isEmpty();
        assertThat(data.resolve("archive/sealed/" + DAY1)).doesNotExist();
    }

    @Test
    void tsaDownLeavesTheDayPendingThenALaterRunStampsTheSameManifest() throws Exception {
        SealFixture.writeDay(data, DAY1, "10.1.2.3", 30, 2, 1);
        DaySealer sealer = sealer(endOf(DAY1).plus(Duration.ofHours(1)));
        fx.stamper.up = false;

        DayResult pending = sealer.seal(DAY1);

        Path day = data.resolve("archive/sealed/" + DAY1);
        assertThat(pending.state()).isEqualTo(State.PENDING);
        assertThat(pending.reason()).contains("test TSA is down");
        assertThat(day.resolve("manifest.json")).isRegularFile();
        assertThat(day.resolve("manifest.sig")).isRegularFile();
        assertThat(day.resolve("manifest.tsr")).doesNotExist();
        assertThat(day.resolve("manifest.tst")).doesNotExist();
        byte[] manifest = Files.readAllBytes(day.resolve("manifest.json"));
        assertThat(sealer.sealClosedDays())
                .extracting(DayResult::state)
                .containsExactly(State.PENDING);

        fx.stamper.up = true;
        List<DayResult> retry = sealer.sealClosedDays();

        assertThat(retry).extracting(DayResult::state).containsExactly(State.SEALED);
        assertThat(retry.get(0).reason()).isEqualTo("time-stamped on retry");
        assertThat(Files.readAllBytes(day.resolve("manifest.json"))).isEqualTo(manifest);
        assertThat(day.resolve("manifest.tsr")).isRegularFile();
        assertThat(day.resolve("tsa-chain.pem")).isRegularFile();
    }

    @Test
    void discardsALeftoverWorkDirectoryAndRebuilds() throws Exception {
        SealFixture.writeDay(data, DAY1, "10.1.2.3", 10, 1, 1);
        Path work = data.resolve("archive/sealed/." + DAY1 + ".work");
        Files.createDirectories(work.resolve("devices/junk"));
        Files.writeString(work.resolve("manifest.json"), "half written");

        DayResult r = sealer(endOf(DAY1).plus(Duration.ofHours(1))).seal(DAY1);

        assertThat(r.state()).isEqualTo(State.SEALED);
        assertThat(work).doesNotExist();
        Path day = data.resolve("archive/sealed/" + DAY1);
        assertThat(day.resolve("devices/junk")).doesNotExist();
        assertThat(Manifest.parse(Files.readAllBytes(day.resolve("manifest.json"))).totals())
                .isEqualTo(new Manifest.Totals(1, 10));
    }

    @Test
    void keepsAnomalousLinesAndListsThemAsWarnings() throws Exception {
        List<String> good = SealFixture.writeDay(data, DAY1, "10.1.2.3", 3, 1, 1);
        Path part = data.resolve("archive/live/" + DAY1 + "/10.1.2.3/part-x.jsonl");
        long nextDay = DAY2.atStartOfDay(ZONE).toInstant().getEpochSecond() * 1_000_000_000L + 5;
        String wrongDay =
                good.get(0)
                        .replaceFirst("\"received_nanos\":\\d+", "\"received_nanos\":" + nextDay);
        Files.writeString(part, "not json at all\n" + wrongDay + "\n" + good.get(1) + "\n\n");

        DayResult r = sealer(endOf(DAY1).plus(Duration.ofHours(1))).seal(DAY1);

        assertThat(r.state()).isEqualTo(State.SEALED);
        Path day = data.resolve("archive/sealed/" + DAY1);
        Manifest m = Manifest.parse(Files.readAllBytes(day.resolve(SealedDayLayout.MANIFEST)));
        assertThat(m.totals().records()).isEqualTo(6);
        assertThat(m.warnings())
                .containsExactly(
                        "10.1.2.3: 1 empty line(s) in part-x.jsonl skipped",
                        "10.1.2.3: line 1: not a record (not valid JSON: Unrecognized token"
                                + " 'not': was expecting (JSON String, Number, Array, Object or"
                                + " token 'null', 'true' or 'false'))",
                        "10.1.2.3: line 4: duplicate id "
                                + good.get(1).substring(7, 43)
                                + " (same as line 3)",
                        "10.1.2.3: line 6: received on 2026-12-01, not on 2026-11-30");
        String content =
                new String(
                        SealFixture.gunzip(day.resolve("devices/10.1.2.3/records.jsonl.gz")),
                        StandardCharsets.UTF_8);
        assertThat(content).startsWith("not json at all\n");
        assertThat(content.split("\n")).hasSize(6);
    }
}
