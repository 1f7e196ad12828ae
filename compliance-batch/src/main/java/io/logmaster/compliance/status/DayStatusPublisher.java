package io.logmaster.compliance.status;

import io.logmaster.compliance.manifest.Manifest;
import io.logmaster.compliance.manifest.SealedDayLayout;
import io.logmaster.compliance.merkle.Sha256;
import io.logmaster.compliance.seal.DayResult;
import io.logmaster.compliance.tsa.TimeStampTokens;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.tsp.TimeStampToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Publishes the outcome of a seal run to a {@link DayStatusStore}: for every day the run saw
 * (sealed, stamped, still pending, failed, or already sealed), the status as read back from the
 * sealed day on disk, which stays the source of truth. A store that cannot be reached is logged as
 * a warning and never changes the seal's outcome.
 */
public final class DayStatusPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(DayStatusPublisher.class);
    static final int MAX_DETAIL = 2000;

    private final Path sealedDir;
    private final DayStatusStore store;

    /**
     * @param sealedDir {@code <data>/archive/sealed}
     */
    public DayStatusPublisher(Path sealedDir, DayStatusStore store) {
        this.sealedDir = Objects.requireNonNull(sealedDir, "sealedDir");
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Stores the status of each day of {@code results}; returns a one-line note for the operator.
     */
    public String publish(List<DayResult> results) {
        List<DayStatus> statuses = new ArrayList<>();
        for (DayResult r : results) {
            statuses.add(statusOf(r));
        }
        if (statuses.isEmpty()) {
            return "day status: nothing to record";
        }
        try {
            store.upsert(statuses);
            return "day status recorded for " + statuses.size() + " day(s)";
        } catch (StatusStoreException | RuntimeException e) {
            String why = describe(e);
            LOG.warn(
                    "Could not record the status of {} day(s); the seal itself is unaffected: {}",
                    statuses.size(),
                    why);
            return "WARNING: day status not recorded (the seal is unaffected): " + why;
        }
    }

    /** The status of the day of {@code r}, read from its sealed directory when there is one. */
    DayStatus statusOf(DayResult r) {
        Path dir = sealedDir.resolve(r.day().toString());
        Path manifestFile = dir.resolve(SealedDayLayout.MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            String reason =
                    r.state() == DayResult.State.FAILED
                            ? r.reason()
                            : "not sealed: " + manifestFile + " is missing (" + r.reason() + ")";
            return DayStatus.failed(r.day(), cap(reason));
        }
        try {
            byte[] bytes = Files.readAllBytes(manifestFile);
            Manifest m = Manifest.parse(bytes);
            Path tsr = dir.resolve(SealedDayLayout.TIME_STAMP_RESPONSE);
            DayStatus.State state;
            Instant stampedAt = null;
            String tsa = null;
            String detail;
            if (Files.isRegularFile(tsr)) {
                TimeStampToken token = TimeStampTokens.parseToken(Files.readAllBytes(tsr));
                state = DayStatus.State.SEALED;
                stampedAt = token.getTimeStampInfo().getGenTime().toInstant();
                tsa = tsaName(token);
                detail =
                        r.state() == DayResult.State.FAILED
                                ? r.reason()
                                : m.warnings().isEmpty()
                                        ? null
                                        : m.warnings().size()
                                                + " warning(s): "
                                                + String.join("; ", m.warnings());
            } else {
                state = DayStatus.State.PENDING;
                detail =
                        r.state() == DayResult.State.SEALED
                                ? "no time stamp in " + dir
                                : r.reason();
            }
            return new DayStatus(
                    r.day(),
                    state,
                    m.totals().devices(),
                    m.totals().records(),
                    Sha256.hex(Sha256.of(bytes)),
                    m.previous() == null ? null : m.previous().manifestSha256(),
                    m.sealedAt(),
                    stampedAt,
                    tsa,
                    detail == null ? null : cap(detail));
        } catch (IOException | Manifest.ManifestFormatException | RuntimeException e) {
            return DayStatus.failed(
                    r.day(), cap("sealed day " + dir + " unreadable: " + describe(e)));
        }
    }

    /** The TSA named in the token, else the subject of the certificate that signed it. */
    static String tsaName(TimeStampToken token) {
        GeneralName name = token.getTimeStampInfo().getTsa();
        if (name != null) {
            return name.getName().toString();
        }
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> signers =
                token.getCertificates().getMatches(token.getSID());
        return signers.isEmpty() ? null : signers.iterator().next().getSubject().toString();
    }

    static String cap(String text) {
        if (text.length() <= MAX_DETAIL) {
            return text;
        }
        return text.substring(0, MAX_DETAIL)
                + "… ("
                + (text.length() - MAX_DETAIL)
                + " more chars)";
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (sb.length() > 0) {
                sb.append(": ");
            }
            sb.append(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
        }
        return sb.toString();
    }
}
