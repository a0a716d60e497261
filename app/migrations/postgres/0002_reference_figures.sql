-- Official statistics (issue 25), as `../sqlite/0003_reference_figures.sql`.
CREATE TABLE reference_figures (
    pair TEXT NOT NULL,
    metric TEXT NOT NULL,
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    currency TEXT NOT NULL,
    source TEXT NOT NULL,
    value DOUBLE PRECISION NOT NULL,
    label TEXT NOT NULL,
    reporter TEXT,
    imported_at TEXT NOT NULL,
    PRIMARY KEY (pair, metric, period_start, period_end, currency, source)
);
