WITH ig_source AS (SELECT `amount`, `event time`, `label`, `ig_row_id` AS ig_row FROM `events`),
ig_h0 AS (SELECT *, (((ig_row % 2147483647) * 1103515245 % 2147483647) + (((ig_row div 2147483647) % 2147483647) * 69621 % 2147483647) + 42) % 2147483647 AS ig_h0 FROM ig_source),
ig_h1 AS (SELECT *, (((ig_h0 * 1597334677 + 12345) % 2147483647) ^ (((ig_h0 * 1597334677 + 12345) % 2147483647) div 8192)) AS ig_h1 FROM ig_h0),
ig_h2 AS (SELECT *, (((ig_h1 * 1220703125 + 2654435) % 2147483647) ^ (((ig_h1 * 1220703125 + 2654435) % 2147483647) div 131072)) AS ig_h2 FROM ig_h1),
ig_h3 AS (SELECT *, (((ig_h2 * 1914874415 + 374761393) % 2147483647) ^ (((ig_h2 * 1914874415 + 374761393) % 2147483647) div 2048)) AS ig_h3 FROM ig_h2),
ig_ranked AS (SELECT *, row_number() OVER (PARTITION BY `label` ORDER BY ig_h3, ig_row) AS ig_rank FROM ig_h3)
SELECT `amount`, `event time`, `label`, ig_row, CASE WHEN CASE CAST(`label` AS STRING)
  WHEN '0' THEN ig_rank <= 1980
  WHEN '1' THEN ig_rank <= 20
  WHEN 'it\'s' THEN ig_rank <= 1
  ELSE FALSE END THEN 'holdout' ELSE 'training' END AS ig_part FROM ig_ranked
