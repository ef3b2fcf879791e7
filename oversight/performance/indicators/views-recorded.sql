-- id: views-recorded
-- title: Children's views recorded at visits
-- theme: Practice
-- definition: Of the visits in the period at which the child was seen (child protection,
--   child in need, child in care, and personal advisers' contacts), the percentage at
--   which the child's views, wishes and feelings were recorded.
-- source: Local
-- unit: percent
-- polarity: higher
-- numerator: visits with the child's views recorded
-- denominator: visits in the period at which the child was seen
-- period: period
-- headline: yes
SELECT v.child_id, v.visited_on AS at, v.views_recorded AS counted, NULL AS team_id,
       v.worker_id, v.kind || ' visit ' || v.visited_on AS event
FROM visit v
WHERE v.seen AND v.visited_on BETWEEN $start AND $end
