-- LogMaster schema v3: every auditor bundle download (GET /api/v1/compliance/bundle), written
-- before the zip is streamed, so a download that fails half-way is still on record.

CREATE TABLE compliance_downloads (
  id          bigserial   PRIMARY KEY,
  at          timestamptz NOT NULL,
  username    text        NOT NULL,
  remote_addr text,
  from_day    date        NOT NULL,
  to_day      date        NOT NULL,
  device      text,                  -- null: every device
  days        int         NOT NULL   -- sealed days in the bundle
);

CREATE INDEX compliance_downloads_at ON compliance_downloads (at);
