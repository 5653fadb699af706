WITH ig_source AS (SELECT `amount`, `event time`, `label`, `ig_row_id` AS ig_row FROM `events`),
ig_ranked AS (SELECT *, row_number() OVER (ORDER BY `event time` ASC NULLS LAST, ig_row) AS ig_rank, count(*) OVER () AS ig_rows FROM ig_source)
SELECT `amount`, `event time`, `label`, ig_row, CASE WHEN ig_rank > ig_rows - CAST(floor(ig_rows * CAST('0.2' AS DOUBLE) + 0.5) AS BIGINT) THEN 'holdout' ELSE 'training' END AS ig_part FROM ig_ranked
