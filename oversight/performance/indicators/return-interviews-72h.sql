-- id: return-interviews-72h
-- title: Return home interviews within 72 hours
-- theme: Children in care
-- definition: Of the children's returns from being missing in the period, the percentage
--   followed by a return home interview held within 72 hours of the return.
-- source: Local (statutory guidance on children who run away or go missing from home or care, 2014)
-- unit: percent
-- polarity: higher
-- numerator: returns with an interview held on or before its due date
-- denominator: returns in the period
-- period: period
SELECT m.child_id, m.returned_on AS at,
       coalesce(m.interview_on <= m.interview_due, FALSE) AS counted,
       NULL AS team_id, NULL AS worker_id,
       'returned ' || m.returned_on
       || CASE WHEN m.interview_on IS NULL THEN ', no interview' ELSE ', interview ' || m.interview_on END AS event
FROM missingepisode m
WHERE m.returned_on BETWEEN $start AND $end AND NOT m.away
