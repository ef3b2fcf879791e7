-- id: views-recorded-all-events
-- title: Children's views recorded at visits, assessments, conferences and reviews
-- theme: Practice
-- definition: Of the events in the period that should hear from the child (visits at
--   which the child was seen, completed assessments, initial and review child protection
--   conferences, and child in need, child in care and pathway plan reviews), the
--   percentage at which the child's views, wishes and feelings were recorded. Events
--   before the child was born are left out. Broken down by team and by the child's
--   ethnic group, it shows whose voices are heard less.
-- source: Local
-- unit: percent
-- polarity: higher
-- numerator: events with the child's views recorded
-- denominator: visits at which the child was seen, assessments completed, conferences and
--   reviews held, in the period, after the child's birth
-- period: period
-- breakdowns: team worker age sex ethnicity disability
WITH events AS (
    SELECT v.child_id, v.visited_on AS at, v.views_recorded,
           v.kind || ' visit ' || v.visited_on AS event
    FROM visit v
    WHERE v.seen AND v.visited_on BETWEEN $start AND $end
    UNION ALL
    SELECT a.child_id, a.completed_on, a.views_recorded,
           'assessment completed ' || a.completed_on
    FROM assessment a
    WHERE a.completed_on BETWEEN $start AND $end
    UNION ALL
    SELECT f.child_id, f.held_on, f.views_recorded, f.kind || ' conference ' || f.held_on
    FROM conference f
    WHERE f.held_on BETWEEN $start AND $end
    UNION ALL
    SELECT r.child_id, r.held_on, r.views_recorded, r.kind || ' review ' || r.held_on
    FROM review r
    WHERE r.held_on BETWEEN $start AND $end
)
SELECT e.child_id, e.at, e.views_recorded AS counted, NULL AS team_id, NULL AS worker_id,
       e.event || CASE WHEN e.views_recorded THEN ', views recorded' ELSE ', no views' END
       AS event
FROM events e JOIN child c ON c.id = e.child_id
WHERE age_on(c.date_of_birth, e.at) IS NOT NULL
