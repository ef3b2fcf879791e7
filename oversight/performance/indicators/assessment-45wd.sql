-- id: assessment-45wd
-- title: Assessments completed within 45 working days
-- theme: Assessment
-- definition: Of the assessments completed (authorised) in the period, the percentage
--   authorised within 45 working days of the assessment's start, as the CIN census
--   counts them: the working days from the start date to the authorisation date, where
--   the next working day after the start is day 1. Weekends and England bank holidays
--   do not count. (Working Together's clock starts at the referral; the Deadline on the
--   child's record, and so the worklists, follow Working Together.)
-- source: DfE Children in need statistics, table C2 (assessments completed within 45 working days)
-- unit: percent
-- polarity: higher
-- numerator: assessments authorised within 45 working days of their start
-- denominator: assessments authorised in the period
-- period: period
-- headline: yes
SELECT a.child_id, a.authorised_on AS at,
       working_days(a.started_on, a.authorised_on) <= 45 AS counted,
       NULL AS team_id, NULL AS worker_id,
       'assessment started ' || a.started_on || ', authorised ' || a.authorised_on
       || ' (' || working_days(a.started_on, a.authorised_on) || ' working days)' AS event
FROM assessment a
WHERE a.authorised_on BETWEEN $start AND $end
