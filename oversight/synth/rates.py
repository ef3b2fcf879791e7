"""The published national figures the synthetic LA is tuned to, each with its source.

The sources are DfE publications: "Children's social care: outcomes and enablers" (CSV
extracts, ``csc-outcomes-and-enablers/``) and ``lait/``
(the DfE LA interactive tool, ``bds_long_0.parquet``, England rows). Years are the
reporting year ending 31 March. Where no national collection exists the figure is a
stated assumption, marked as such.
"""

# --- Population --------------------------------------------------------------------

# ons_mid-year_population_estimates_2012_to_2024.csv, 2024: England, children aged 0-17.
ENGLAND_CHILDREN = 12_183_016

# --- Front door --------------------------------------------------------------------

# lait CPP_Total_Rateper10,000, 2025: referrals per 10,000 children (England 519.4);
# c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv, 2025: 632,830 referrals.
REFERRALS_PER_10K = 519.4
# c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv, 2025: rereferral_percent.
REREFERRAL_SHARE = 0.226
# c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv, 2025: no_further_action_percent.
REFERRAL_NFA_SHARE = 0.065
# c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv, 2025: not_in_need_percent
# (assessed and found not to be in need).
NOT_IN_NEED_SHARE = 0.308
# Assumption: contacts are not collected nationally; LAs commonly convert 40-50%.
CONTACT_TO_REFERRAL = 0.45

# --- Assessment and child protection ------------------------------------------------

# lait Continue_Assess_Comp, 2025: assessments completed within 45 working days (85.7%).
ASSESSMENTS_WITHIN_45_WD = 0.857
# lait Section_47, 2025: section 47 enquiries per 10,000 children.
S47_PER_10K = 189.3
# lait ISCP_Conf, 2025: initial child protection conferences per 10,000 children.
ICPC_PER_10K = 59.2
# lait CP_conf_15days, 2025: initial conferences within 15 working days (81.4%).
ICPC_WITHIN_15_WD = 0.814
# lait CPP_Abuse_Rate, 2025: child protection plans starting per 10,000 children;
# d3_cpps_subsequent_plan_2013_to_2025.csv, 2025: 61,840 plans started.
CP_STARTS_PER_10K = 50.8
# lait CPP_rate, 2025: children on a child protection plan at 31 March per 10,000.
CP_PLANS_PER_10K = 40.6
# d3_cpps_subsequent_plan_2013_to_2025.csv, 2025: second or subsequent plans (24.5%).
CP_SUBSEQUENT_SHARE = 0.245
# d5_cpps_at31march_by_duration_2013_to_2025.csv, 2025: plans open at 31 March by
# duration: 3 months or less, 3-6 months, 6-12 months, 1-2 years, 2 years or more.
CP_DURATION_AT_31_MARCH = (0.315, 0.255, 0.263, 0.144, 0.023)
# lait CIN, 2025: children in need per 10,000 (330.3);
# b1_children_in_need_2013_to_2025.csv, 2025: 402,400 at 31 March.
CIN_PER_10K = 330.3

# Categories of abuse for new plans. Assumption from the long-run national pattern
# (neglect about half, emotional abuse about a third); the CIN census tables by
# category are not among the reference files.
CATEGORY_OF_ABUSE_WEIGHTS = {"NEG": 50, "EMO": 36, "PHY": 7, "SAB": 4, "MUL": 3}

# c3_factors_identified_at_end_of_assessment_2018_to_2025.csv, 2025, England: episodes
# with each factor (thousands, rounded), for the most common factors.
ASSESSMENT_FACTOR_WEIGHTS = {
    "4B": 172, "3B": 163, "17A": 98, "4A": 90, "16A": 90, "20": 84, "1B": 73, "2B": 73,
    "5A": 63, "18C": 61, "3A": 58, "14A": 36, "3C": 26, "15A": 25, "2C": 16, "24A": 16,
}  # fmt: skip
# The same table: 1,412,210 factors over the 513,250 episodes with any, 2.75 each. The
# spread of counts around that mean is an assumption (the table gives totals only).
FACTORS_PER_ASSESSMENT = {1: 25, 2: 25, 3: 20, 4: 15, 5: 10, 6: 5}

# --- Children in care ----------------------------------------------------------------

# cla_number_and_rate_per_10k_children.csv, 2025: looked after at 31 March per 10,000.
CLA_PER_10K = 67
# cla_number_and_rate_per_10k_children.csv, 2025: starting to be looked after per 10,000.
CLA_STARTS_PER_10K = 26
# lait UASC_%_Starting, 2025: share of children starting care who are UASC.
UASC_SHARE_OF_STARTS = 0.22
# lait LACStable_2016on, 2025: children in care with 3 or more placements in the year.
THREE_PLUS_PLACEMENTS_SHARE = 0.10
# lait Children_missing, 2025: children in care who went missing in the year.
CLA_MISSING_SHARE = 0.11
# lait LAC_Foster_Placements, LAC_SecHome_And_ChildHome, LAC_Ind_SInd_Liv_Arr, 2025:
# share of children in care in foster care, children's homes, (semi-)independent living.
FOSTER_SHARE, CHILDRENS_HOME_SHARE, INDEPENDENT_SHARE = 0.67, 0.12, 0.09

# lait Children_Away, 2025: children in care who were away from placement without
# authorisation in the year (whole numbers).
CLA_AWAY_SHARE = 0.03
# lait LACHealth%, LACDental%, 2025: children looked after for 12 months whose health
# assessments were up to date, and who had their teeth checked by a dentist in the year.
CLA_HEALTH_ASSESSED = 0.90
CLA_DENTAL_CHECKED = 0.81

# --- Care leavers --------------------------------------------------------------------

# lait CareLeaverAcc, CareLeaverEET, CareLeavers_LA_NotInTouch, 2025: care leavers in
# suitable accommodation, in education, employment or training, and not in touch.
CARE_LEAVERS_SUITABLE = 0.89
CARE_LEAVERS_EET = 0.54
CARE_LEAVERS_NOT_IN_TOUCH = 0.04

# --- Prospective adopters ------------------------------------------------------------

# Assumption, not among the reference files: the Adoption and Special Guardianship
# Leadership Board's national figures put the adopter households approved in England at
# roughly 2,000 to 3,000 a year in the 2020s, about 2 per 10,000 children
# (ENGLAND_CHILDREN): some 8 a year for an LA of 40,000 children, and a few dozen for a
# regional adoption agency serving several LAs. Fewer households are approved than children
# are adopted (lait No_of LAC Adopted, 2025: 3,040) as brothers and sisters are often
# placed together.
ADOPTER_APPROVALS_PER_10K = 2.0
# Assumption: most enquiries go no further than information and a first conversation;
# about one in eight leads to an application (made as stage 2 begins).
ENQUIRIES_TO_APPLICATION = 0.12

# --- Workforce ------------------------------------------------------------------------

# csww_indicators_2017_to_2025.csv, 2025, England: caseload_fte (15.2) and
# agency_rate_fte (13%). The synthetic LA aims a little higher, at the 15-20 that
# inspection reports describe as manageable.
CASELOAD_PER_WORKER = 17
AGENCY_SHARE = 0.13
# csww_indicators_2017_to_2025.csv, 2025, England: turnover_rate_fte, the permanent
# children and family social workers who left in the year (11.8%).
SOCIAL_WORKER_TURNOVER = 0.118
# la_cla_swcount.csv, 2024, England: children looked after at 31 March who had 3 or more
# social workers during the year (22,140 of 83,300: 27%).
CLA_THREE_OR_MORE_SOCIAL_WORKERS = 0.27
# Tuned to that 27%: a child's social worker changes for a reason other than their worker
# leaving (caseload management, absence, a request...) about this often a year. With
# agency workers 13% of those in post (``posts.agency_share_of_new_workers``), the
# medium LA's cla-three-social-workers for the year to 31 March 2025 is 26.7% on average
# over seeds 1 to 3 (27.4%, 28.1%, 24.5%; 0.5 gave 33.7%).
OTHER_SOCIAL_WORKER_CHANGES = 0.3

# --- Ethnicity -------------------------------------------------------------------------

# ons-ethnic-population-nat.csv (Census 2021, England, all ages, thousands), mapped to
# DfE codes; Gypsy or Irish Traveller is split between WIRT and WROM.
ETHNICITY_WEIGHTS = {
    "WBRI": 41541, "WOTH": 3585, "AIND": 1843, "APKN": 1570, "BAFR": 1468, "OOTH": 1229,
    "AOTH": 952, "ABAN": 630, "BCRB": 619, "MWBC": 499, "WIRI": 494, "MWAS": 474,
    "MOTH": 454, "CHNE": 431, "BOTH": 294, "MWBA": 242, "WROM": 131, "WIRT": 32,
}  # fmt: skip
