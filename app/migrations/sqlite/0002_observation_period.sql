-- A figure's period set by hand ("observation_period"), for figures the text
-- does not date. SQLite cannot change a CHECK constraint in place, so the
-- table is rebuilt with its rows.
CREATE TABLE corrections_new (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    kind TEXT NOT NULL CHECK (kind IN ('published', 'observation_wrong', 'observation_period', 'event_edit')),
    target TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (article_id, kind, target)
);
INSERT INTO corrections_new (id, article_id, kind, target, body, created_at)
    SELECT id, article_id, kind, target, body, created_at FROM corrections;
DROP TABLE corrections;
ALTER TABLE corrections_new RENAME TO corrections;
