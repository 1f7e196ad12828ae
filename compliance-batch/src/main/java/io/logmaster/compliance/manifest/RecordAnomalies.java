package io.logmaster.compliance.manifest;

import java.time.LocalDate;

/**
 * Messages for records that are kept but anomalous. The sealer lists them in the manifest's
 * warnings; the verifier builds the same text, so an anomaly acknowledged at seal time is a warning
 * there, and one that appeared later is a failure. Line numbers are 1-based, in the canonical file.
 */
public final class RecordAnomalies {
    private RecordAnomalies() {}

    public static String notARecord(String device, long line, String why) {
        return device + ": line " + line + ": not a record (" + why + ")";
    }

    public static String wrongDay(String device, long line, LocalDate received, LocalDate day) {
        return device + ": line " + line + ": received on " + received + ", not on " + day;
    }

    public static String duplicateId(String device, long line, String id) {
        return device
                + ": line "
                + line
                + ": duplicate id "
                + id
                + " (same as line "
                + (line - 1)
                + ")";
    }
}
