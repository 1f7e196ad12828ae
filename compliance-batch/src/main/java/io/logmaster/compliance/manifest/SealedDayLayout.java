package io.logmaster.compliance.manifest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** File names inside a sealed day directory {@code <data>/archive/sealed/YYYY-MM-DD/}. */
public final class SealedDayLayout {
    public static final String MANIFEST = "manifest.json";
    public static final String SIGNATURE = "manifest.sig";
    public static final String TIME_STAMP_RESPONSE = "manifest.tsr";
    public static final String TIME_STAMP_TOKEN = "manifest.tst";
    public static final String SIGNER_CHAIN = "signer-chain.pem";
    public static final String SIGNER_PUBLIC_KEY = "signer-public.pem";
    public static final String TSA_CHAIN = "tsa-chain.pem";
    public static final String README = "README.txt";
    public static final String DEVICES = "devices";
    public static final String RECORDS_FILE = "records.jsonl.gz";

    private SealedDayLayout() {}

    /** The manifest's {@code file} value of a device: {@code devices/<device>/records.jsonl.gz}. */
    public static String deviceFile(String device) {
        return DEVICES + "/" + device + "/" + RECORDS_FILE;
    }

    /** The day a directory is named after, if its name is exactly YYYY-MM-DD. */
    public static Optional<LocalDate> dayOf(Path dir) {
        Path name = dir.getFileName();
        if (name == null || name.toString().length() != 10) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(name.toString()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
