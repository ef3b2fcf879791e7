-- id: caseload
-- title: Average caseload per worker
-- theme: Workforce
-- definition: On the last day of the period, the children allocated to a named worker,
--   divided by the number of workers holding at least one child: the average number of
--   children each case-holding worker holds. By team, each team's average; by worker,
--   each worker's caseload.
-- source: DfE Children's social work workforce statistics (average caseload per case-holding children's social worker)
-- unit: average
-- polarity: lower
-- numerator: children allocated to a worker on the last day of the period
-- denominator: workers holding at least one child on that day
-- period: as at
-- headline: yes
-- breakdowns: team worker
SELECT a.child_id, $end::DATE AS at, TRUE AS counted, a.team_id, a.worker_id,
       'allocated since ' || a.start_on AS event
FROM allocation a
WHERE a.worker_id IS NOT NULL AND a.start_on <= $end AND (a.end_on IS NULL OR a.end_on > $end)
