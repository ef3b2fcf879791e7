-- id: cp-reviews-on-time
-- title: Child protection plans reviewed within timescales
-- theme: Child protection
-- definition: Of the children who had been the subject of a child protection plan
--   continuously for at least the last 3 months on the last day of the period, the
--   percentage whose review conferences were all held on time: the first within 3 months
--   of the initial conference, then at most 6 months apart. A review that has fallen due
--   and not been held counts as late.
-- source: DfE Children in need statistics (child protection plans reviewed within required timescales)
-- unit: percent
-- polarity: higher
-- numerator: those whose every review fallen due so far was held on or before its due date
-- denominator: children on a plan for the last 3 months or more on the last day of the period
-- period: as at
SELECT p.child_id, $end::DATE AS at,
       NOT EXISTS (
           SELECT 1 FROM deadline d
           WHERE d.subject = 'plan:' || p.id AND d.rule IN ('rcpc-first', 'rcpc-next')
             AND d.due_on <= $end
             AND (d.met_on > d.due_on
                  OR (d.met_on IS NULL AND (d.lapsed_on IS NULL OR d.lapsed_on > d.due_on)))
       ) AS counted,
       NULL AS team_id, NULL AS worker_id, 'child protection plan since ' || p.start_on AS event
FROM plan p
WHERE p.kind = 'cp' AND p.start_on <= $end - INTERVAL 3 MONTH
  AND (p.end_on IS NULL OR p.end_on > $end)
