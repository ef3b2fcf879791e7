-- id: workforce-turnover
-- title: Social worker turnover
-- theme: Workforce
-- definition: The employed (not agency) registered social workers who left in the period,
--   as a percentage of the employed registered social workers in post on its last day:
--   the DfE's turnover rate, counted in people (headcount). A leaver is not in post, so
--   the numerator is not part of the denominator, and the rate can pass 100%. The DfE
--   counts the year to 30 September.
-- source: DfE Children's social work workforce statistics (turnover rate, headcount)
-- unit: percent
-- polarity: lower
-- numerator: employed social workers who left in the period
-- denominator: employed social workers in post on the last day of the period
-- period: period
-- units: workers
-- base: uncounted
-- breakdowns: team
SELECT NULL::BIGINT AS child_id, w.left_on AS at, TRUE AS counted, w.team_id,
       w.id AS worker_id, 'left' AS event
FROM worker w
WHERE w.registered AND NOT w.is_agency AND w.left_on BETWEEN $start AND $end
UNION ALL
SELECT NULL::BIGINT, $end::DATE, FALSE, w.team_id, w.id, 'in post'
FROM worker w
WHERE w.registered AND NOT w.is_agency
  AND (w.started_on IS NULL OR w.started_on <= $end) AND (w.left_on IS NULL OR w.left_on > $end)
