package io.logmaster.api.compliance;

import io.logmaster.api.auth.AuthenticatedUser;
import io.logmaster.api.error.InvalidParameterException;
import io.logmaster.api.support.LogSafe;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * {@code GET /api/v1/compliance/bundle?from=YYYY-MM-DD&to=YYYY-MM-DD[&device=NAME]}: a zip of the
 * sealed days of the range for auditors ({@link AuditorBundle}), streamed. Every download is
 * recorded in {@code compliance_downloads} before the first byte. Admins and auditors only
 * (SecurityConfig).
 */
@RestController
class ComplianceBundleController {

    static final int MAX_DAYS = 93;
    private static final Logger LOG = LoggerFactory.getLogger(ComplianceBundleController.class);
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final int MAX_DEVICE_LENGTH = 255;

    private final ComplianceProperties properties;
    private final ComplianceDownloadRepository downloads;
    private final Clock clock;

    ComplianceBundleController(
            ComplianceProperties properties, ComplianceDownloadRepository downloads, Clock clock) {
        this.properties = properties;
        this.downloads = downloads;
        this.clock = clock;
    }

    @GetMapping("/api/v1/compliance/bundle")
    ResponseEntity<StreamingResponseBody> bundle(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String device,
            @AuthenticationPrincipal AuthenticatedUser user,
            HttpServletRequest request)
            throws IOException {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (start.isAfter(end)) {
            throw new InvalidParameterException(
                    "from", "'from' (" + start + ") is after 'to' (" + end + ").");
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw new InvalidParameterException(
                    "to", "At most " + MAX_DAYS + " days can be bundled at once.");
        }
        String deviceName = device == null || device.isEmpty() ? null : device;
        if (deviceName != null && deviceName.length() > MAX_DEVICE_LENGTH) {
            throw new InvalidParameterException("device", "'device' is too long.");
        }
        AuditorBundle bundle = AuditorBundle.plan(properties.sealedDir(), start, end, deviceName);
        downloads.record(
                new ComplianceDownload(
                        clock.instant(),
                        user.username(),
                        request.getRemoteAddr(),
                        start,
                        end,
                        deviceName,
                        bundle.sealed().size()));
        LOG.info(
                "Auditor bundle {}..{} device {} ({} sealed, {} missing days) for {}",
                start,
                end,
                deviceName == null ? "*" : LogSafe.text(deviceName),
                bundle.sealed().size(),
                bundle.missing().size(),
                LogSafe.text(user.username()));
        StreamingResponseBody body = bundle::writeTo;
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(bundle.fileName())
                                .build()
                                .toString())
                .body(body);
    }

    private static LocalDate date(String name, String value) {
        String example = "'" + name + "' must be a date like 2026-12-03.";
        if (value == null || !DATE.matcher(value).matches()) {
            throw new InvalidParameterException(name, example);
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(name, example);
        }
    }
}
