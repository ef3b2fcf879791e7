-- id: assessment-not-in-need
-- title: Referrals assessed as not in need
-- theme: Assessment
-- definition: Of the referrals received in the period, the percentage whose episode was
--   closed after an assessment found the child not in need: closure reasons RC8 (case
--   closed after assessment, no further action) and RC9 (case closed after assessment,
--   referred to early help), as the CIN census records them.
-- source: DfE Children in need statistics, table C1 (referrals resulting in an assessment where the child was not in need)
-- unit: percent
-- polarity: neutral
-- numerator: referrals received in the period whose episode closed with reason RC8 or RC9
-- denominator: referrals received in the period
-- period: period
SELECT r.child_id, r.received_on AS at,
       r.reason_for_closure IN ('RC8', 'RC9')
       -- The front door also closes with RC8 or RC9 (no further action, early help)
       -- when nobody assessed the child: those were not found "not in need".
       AND EXISTS (SELECT 1 FROM assessment a
                   WHERE a.referral_id = r.id AND a.completed_on IS NOT NULL) AS counted,
       r.team_id, NULL AS worker_id,
       'referral received ' || r.received_on
       || coalesce(', closed ' || r.closed_on || ' ' || nullif(r.reason_for_closure, ''), '') AS event
FROM referral r
WHERE r.received_on BETWEEN $start AND $end
