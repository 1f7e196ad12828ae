package io.logmaster.api.compliance;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One auditor bundle download, as recorded in {@code compliance_downloads}.
 *
 * @param device the device filter, null for every device
 * @param days number of sealed days in the bundle
 */
record ComplianceDownload(
        Instant at,
        String username,
        String remoteAddr,
        LocalDate from,
        LocalDate to,
        String device,
        int days) {}
