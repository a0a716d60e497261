-- Articles as received, what the extractor read from them, where each came
-- from, and the corrections users made. Observations and events are also kept
-- whole as JSON (`body`); the columns beside it are what queries filter on.

CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    -- SHA-256 of the bytes as received, hex: the same content twice is one article.
    hash TEXT NOT NULL UNIQUE,
    raw BLOB NOT NULL,
    name TEXT NOT NULL,
    added_at TEXT NOT NULL,
    -- The latest extraction; NULL version means "extract me".
    extractor_version TEXT,
    text TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    published TEXT,
    document TEXT NOT NULL DEFAULT '{}'
);

-- Where an article came from: `file:<path>` (with size and modification time,
-- so an unchanged file is not read again) or `upload:<article id>`. An article
-- with no origin left (its file deleted or changed) is kept but not shown.
CREATE TABLE origins (
    origin TEXT PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    size INTEGER,
    modified INTEGER,
    seen_at TEXT NOT NULL
);
CREATE INDEX origins_article ON origins(article_id);

CREATE TABLE observations (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    -- `CN-RU`, directed for exports and imports.
    pair TEXT NOT NULL,
    metric TEXT NOT NULL,
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    value REAL NOT NULL,
    currency TEXT,
    unit TEXT,
    qualifier TEXT,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    -- Set from a user's correction: kept, shown as wrong, left out of series.
    wrong INTEGER NOT NULL DEFAULT 0,
    body TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX observations_pair ON observations(pair, metric);

CREATE TABLE events (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    -- The undirected pair of the participants, or of the article.
    pair TEXT,
    kind TEXT NOT NULL,
    date_start TEXT,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    edited INTEGER NOT NULL DEFAULT 0,
    body TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX events_pair ON events(pair);

-- What users changed. `target` names an observation or event by what survives
-- re-extraction (metric or kind and character span), not by its position.
CREATE TABLE corrections (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    kind TEXT NOT NULL CHECK (kind IN ('published', 'observation_wrong', 'event_edit')),
    target TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (article_id, kind, target)
);
