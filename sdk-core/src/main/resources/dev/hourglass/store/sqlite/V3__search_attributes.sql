-- Hourglass store, schema version 3, SQLite: the current search attributes of each run, indexed for listing.
-- A run's history is the truth (its started event and its UpsertWorkflowSearchAttributes events); this table holds
-- their current values, kept in the transaction that records those events. A keyword list has one row per element
-- (element 0, 1, ...), every other type one row (element 0). Keyword and Text values are in keyword_value, Long and
-- Bool (0 or 1) and Datetime (milliseconds since 1970, UTC) in long_value, Double in double_value.
CREATE TABLE hourglass_search_attributes (
    run_id        TEXT    NOT NULL REFERENCES hourglass_runs (run_id),
    name          TEXT    NOT NULL,
    element       INTEGER NOT NULL CHECK (element >= 0),
    value_type    TEXT    NOT NULL CHECK (value_type IN ('Keyword', 'Text', 'Long', 'Double', 'Bool', 'Datetime',
                                                         'KeywordList')),
    keyword_value TEXT,
    long_value    INTEGER,
    double_value  REAL,
    PRIMARY KEY (run_id, name, element)
) STRICT;

CREATE INDEX hourglass_search_attributes_by_keyword ON hourglass_search_attributes (name, keyword_value, run_id)
    WHERE keyword_value IS NOT NULL;
CREATE INDEX hourglass_search_attributes_by_long ON hourglass_search_attributes (name, long_value, run_id)
    WHERE long_value IS NOT NULL;
CREATE INDEX hourglass_search_attributes_by_double ON hourglass_search_attributes (name, double_value, run_id)
    WHERE double_value IS NOT NULL;
