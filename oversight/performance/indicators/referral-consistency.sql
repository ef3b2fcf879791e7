-- id: referral-consistency
-- title: Referral decisions that differ from the usual one for similar referrals
-- theme: Front door
-- definition: Referrals decided in the period are grouped with similar referrals: the
--   same source and the same primary need. For each group the usual decision is the most
--   common one across the LA. The figure is the percentage of referrals decided
--   differently from the usual decision of their group. Broken down by team or by the
--   deciding manager, it shows who departs from the LA's usual practice and how far.
--   Groups with fewer than 5 referrals are left out: too few to say what is usual.
-- source: Local (front-door consistency, Ofsted ILACS)
-- unit: percent
-- polarity: lower
-- numerator: referrals decided differently from the usual decision for their group
-- denominator: referrals decided in the period, in groups of 5 or more
-- period: period
-- headline: yes
WITH decided AS (
    SELECT * FROM referral
    WHERE decided_on BETWEEN $start AND $end AND decision <> ''
),
usual AS (
    SELECT source, primary_need, mode(decision ORDER BY decision) AS decision
    FROM decided GROUP BY source, primary_need HAVING count(*) >= 5
)
SELECT d.child_id, d.decided_on AS at, d.decision <> u.decision AS counted, d.team_id,
       d.decided_by_id AS worker_id,
       'referral decided ' || d.decided_on || ': ' || d.decision || ' (usual: ' || u.decision || ')' AS event
FROM decided d JOIN usual u USING (source, primary_need)
