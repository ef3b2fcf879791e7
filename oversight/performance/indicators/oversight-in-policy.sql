-- id: oversight-in-policy
-- title: Cases with management oversight within policy
-- theme: Practice
-- definition: Of the children whose case needed management oversight on the last day of
--   the period (an oversight timescale running for a child in need, on a protection plan,
--   in care or leaving care), the percentage whose last oversight was recent enough:
--   the next was not yet overdue. Local policy sets the interval for each kind of case.
-- source: Local
-- unit: percent
-- polarity: higher
-- numerator: cases whose oversight was not overdue on the last day of the period
-- denominator: cases with an oversight timescale running on the last day of the period
-- period: as at
-- headline: yes
SELECT d.child_id, $end::DATE AS at, d.due_on >= $end AS counted, d.team_id, d.worker_id,
       'oversight due ' || d.due_on AS event
FROM deadline d
WHERE d.rule LIKE 'oversight-%' AND d.started_on <= $end
  AND (d.met_on IS NULL OR d.met_on > $end) AND (d.lapsed_on IS NULL OR d.lapsed_on > $end)
