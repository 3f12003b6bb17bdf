-- One row per student: the profile as JSONB (the same document the TinyDB store keeps),
-- plus the columns a query needs: when the student's next nudge is due, and which worker
-- holds a claim on it (see bot/pg_store.py, claim_due).
CREATE TABLE profiles (
    user_id    bigint PRIMARY KEY,
    doc        jsonb NOT NULL,
    next_due   timestamptz,
    claimed_by text,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Workers look for due nudges with `next_due <= now`; only plans with a nudge ahead are indexed.
CREATE INDEX profiles_next_due ON profiles (next_due) WHERE next_due IS NOT NULL;
