-- Official statistics (issue 25): one row per pair, measure, period,
-- currency and source. A second import of the same figure updates it in
-- place (a revision), so importing a file twice changes nothing.
CREATE TABLE reference_figures (
    pair TEXT NOT NULL,
    metric TEXT NOT NULL,
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    currency TEXT NOT NULL,
    source TEXT NOT NULL,
    value REAL NOT NULL,
    label TEXT NOT NULL,
    reporter TEXT,
    imported_at TEXT NOT NULL,
    PRIMARY KEY (pair, metric, period_start, period_end, currency, source)
);
