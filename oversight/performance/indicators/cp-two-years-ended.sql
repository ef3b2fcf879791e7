-- id: cp-two-years-ended
-- title: Child protection plans lasting two years or more (ended in the period)
-- theme: Child protection
-- definition: Of the child protection plans that ended in the period, the percentage that
--   had lasted two years or more: ended on or after the second anniversary of their start.
-- source: DfE Children in need statistics (child protection plans ceasing in the year that lasted two years or more)
-- unit: percent
-- polarity: lower
-- numerator: plans ended in the period that had lasted two years or more
-- denominator: child protection plans ended in the period
-- period: period
SELECT p.child_id, p.end_on AS at, p.end_on >= p.start_on + INTERVAL 2 YEAR AS counted,
       NULL AS team_id, NULL AS worker_id,
       'child protection plan ' || p.start_on || ' to ' || p.end_on AS event
FROM plan p
WHERE p.kind = 'cp' AND p.end_on BETWEEN $start AND $end
