-- LogMaster schema v1: users, API tokens, and the day-partitioned events table
-- (docs/adr/0001-record-contracts.md, "PostgreSQL").

CREATE TABLE users (
  id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username      text        NOT NULL UNIQUE CHECK (length(username) BETWEEN 1 AND 128),
  password_hash text        NOT NULL,                 -- BCrypt (spring-security-crypto)
  role          text        NOT NULL CHECK (role IN ('admin', 'analyst', 'auditor')),
  created_at    timestamptz NOT NULL DEFAULT now(),
  disabled      boolean     NOT NULL DEFAULT false
);

-- Only the SHA-256 (lower-case hex) of a token is stored; the token itself is shown once.
CREATE TABLE api_tokens (
  token_hash char(64)    PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  user_id    bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX api_tokens_user_id_idx ON api_tokens (user_id);
CREATE INDEX api_tokens_expires_at_idx ON api_tokens (expires_at);

CREATE TABLE events (
  day          date        NOT NULL,   -- receive day in the configured zone
  event_id     text        NOT NULL,
  received_at  timestamptz NOT NULL,
  event_time   timestamptz NOT NULL,
  peer_address text        NOT NULL,
  hostname     text, appname text, severity smallint, facility smallint,
  message      text,
  doc          jsonb       NOT NULL,
  PRIMARY KEY (day, event_id)
) PARTITION BY RANGE (day);

-- Catches rows whose day has no partition yet, so an insert never fails for a missing day.
CREATE TABLE events_default PARTITION OF events DEFAULT;

-- Partitioned indexes: every partition, present and future, gets its own.
CREATE INDEX events_received_at_idx ON events (received_at);
CREATE INDEX events_hostname_idx ON events (hostname);

-- Creates the daily partitions events_YYYYMMDD for from_day .. from_day + days - 1 that are
-- missing, and returns how many it created. A day whose rows already sit in the DEFAULT
-- partition cannot get its own partition (PostgreSQL rejects it): that day is skipped with a
-- NOTICE and its rows stay in the DEFAULT partition, still queryable.
CREATE FUNCTION logmaster_ensure_event_partitions(from_day date, days int)
RETURNS int
LANGUAGE plpgsql
AS $$
DECLARE
  d       date;
  part    text;
  ns      text;
  created int := 0;
BEGIN
  IF from_day IS NULL OR days IS NULL OR days < 0 OR days > 3660 THEN
    RAISE EXCEPTION 'logmaster_ensure_event_partitions: bad arguments from_day=%, days=%',
      from_day, days;
  END IF;
  -- Partitions live in the schema of the events table the search path resolves.
  SELECT n.nspname INTO ns
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.oid = 'events'::regclass;
  FOR i IN 0 .. days - 1 LOOP
    d := from_day + i;
    part := 'events_' || to_char(d, 'YYYYMMDD');
    CONTINUE WHEN to_regclass(format('%I.%I', ns, part)) IS NOT NULL;
    BEGIN
      EXECUTE format('CREATE TABLE %I.%I PARTITION OF %I.events FOR VALUES FROM (%L) TO (%L)',
                     ns, part, ns, d, d + 1);
      created := created + 1;
    EXCEPTION
      WHEN check_violation THEN
        -- "updated partition constraint for default partition would be violated by some row"
        RAISE NOTICE 'logmaster: partition % skipped: the default partition holds rows for %',
          part, d;
      WHEN duplicate_table THEN
        -- another instance created it concurrently
        NULL;
    END;
  END LOOP;
  RETURN created;
END;
$$;
