package io.logmaster.api.compliance;

/** Records auditor bundle downloads. */
interface ComplianceDownloadRepository {

    /** Stores one download; throws if it cannot, so nothing is streamed unaudited. */
    void record(ComplianceDownload download);
}
