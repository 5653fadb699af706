WITH ig_source AS (SELECT `amount`, `event time`, `label`, `ig_row_id` AS ig_row FROM `events`),
ig_ranked AS (SELECT *, `event time` AS ig_time, row_number() OVER (ORDER BY `event time` ASC NULLS LAST, ig_row) AS ig_rank, count(*) OVER () AS ig_rows FROM ig_source),
ig_cut AS (SELECT min(ig_time) AS ig_cut FROM ig_ranked WHERE ig_rank = ig_rows - CAST(ceil(ig_rows * CAST('0.2' AS DOUBLE)) AS BIGINT) + 1)
SELECT `amount`, `event time`, `label`, ig_row, CASE WHEN ig_time >= ig_cut THEN 'holdout' ELSE 'training' END AS ig_part FROM ig_ranked CROSS JOIN ig_cut
