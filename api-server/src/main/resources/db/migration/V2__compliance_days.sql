-- LogMaster schema v2: per-day seal status for Law 5651, written by the compliance batch after
-- every seal or stamp attempt (io.logmaster.compliance.status.JdbcDayStatusStore) and read by
-- GET /api/v1/compliance/days. The sealed archive stays the source of truth; this is its index.

CREATE TABLE compliance_days (
  day                      date        PRIMARY KEY,   -- receive day in the configured zone
  state                    text        NOT NULL CHECK (state IN ('sealed', 'pending', 'failed')),
  devices                  int,
  records                  bigint,
  manifest_sha256          text,      -- SHA-256 (hex) of the sealed manifest.json bytes
  previous_manifest_sha256 text,      -- the manifest hash of the day this one is chained to
  sealed_at                timestamptz,
  stamped_at               timestamptz, -- genTime of the RFC 3161 time stamp
  tsa                      text,
  detail                   text,      -- pending: why no TSA answered; failed: the reason
  updated_at               timestamptz NOT NULL
);
