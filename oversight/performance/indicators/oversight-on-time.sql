-- id: oversight-on-time
-- title: Management oversight recorded on time
-- theme: Practice
-- definition: Of the management oversight that fell due in the period (an oversight
--   timescale for a child in need, on a protection plan, in care or leaving care, with its
--   due date in the period), the percentage recorded on or before its due date. Oversight
--   not recorded by the end of the period counts as late; oversight that stopped being
--   needed before it fell due (the plan ended) is left out. Local policy sets the interval
--   for each kind of case.
-- source: Local
-- unit: percent
-- polarity: higher
-- numerator: oversight recorded on or before its due date
-- denominator: oversight due in the period and still needed on its due date
-- period: period
SELECT d.child_id, d.due_on AS at, d.met_on IS NOT NULL AND d.met_on <= d.due_on AS counted,
       d.team_id, d.worker_id, 'oversight due ' || d.due_on AS event
FROM deadline d
WHERE d.rule LIKE 'oversight-%' AND d.due_on BETWEEN $start AND $end
  AND (d.lapsed_on IS NULL OR d.lapsed_on > d.due_on)
