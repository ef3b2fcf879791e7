-- id: workforce-agency-rate
-- title: Agency social workers
-- theme: Workforce
-- definition: On the last day of the period, the registered social workers in post (a
--   Social Work England number recorded, started on or before the day and not yet left)
--   who are agency workers, as a percentage of all of them, agency and employed: the
--   DfE's agency rate, counted in people (headcount). The DfE counts on 30 September.
-- source: DfE Children's social work workforce statistics (agency rate, headcount)
-- unit: percent
-- polarity: lower
-- numerator: agency social workers in post on the last day of the period
-- denominator: social workers in post on that day, agency and employed
-- period: as at
-- units: workers
-- breakdowns: team
SELECT NULL::BIGINT AS child_id, $end::DATE AS at, w.is_agency AS counted, w.team_id,
       w.id AS worker_id,
       CASE WHEN w.is_agency THEN 'agency social worker' ELSE 'employed social worker' END
           || ' in post' AS event
FROM worker w
WHERE w.registered AND (w.started_on IS NULL OR w.started_on <= $end)
  AND (w.left_on IS NULL OR w.left_on > $end)
