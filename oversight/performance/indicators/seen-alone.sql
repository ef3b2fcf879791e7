-- id: seen-alone
-- title: Children seen alone at visits
-- theme: Practice
-- definition: Of the child protection, child in need and child in care visits in the
--   period at which the child was seen, the percentage at which the child was seen alone.
-- source: Local
-- unit: percent
-- polarity: higher
-- numerator: visits at which the child was seen alone
-- denominator: visits in the period at which the child was seen
-- period: period
-- headline: yes
SELECT v.child_id, v.visited_on AS at, v.seen_alone AS counted, NULL AS team_id,
       v.worker_id, v.kind || ' visit ' || v.visited_on AS event
FROM visit v
WHERE v.kind IN ('cp', 'cin', 'cla') AND v.seen AND v.visited_on BETWEEN $start AND $end
