"""The web interface's pages. Every page needs a signed-in user, except signing in.

Sign-in is enforced here, for the web pages only, rather than by
``LoginRequiredMiddleware``: other interfaces (the REST API) authenticate their own way.
A view marked with Django's ``login_not_required`` is left open. Signed in means both
steps: the password and a code from an authenticator app; only the views marked
``before_second_factor`` (the second step itself, and signing out) take a user who has
given only their password. A user signed in with a one-time password must then choose
their own before any page but that one (``before_password_chosen``).
"""

from django.contrib.auth.decorators import login_not_required, login_required
from django.urls import URLPattern, path

from oversight.web.views import (
    account,
    adoption,
    audits,
    auth,
    break_glass,
    care,
    child_details,
    children,
    dip_sampling,
    escalations,
    improvement,
    inspection,
    jobs,
    my_work,
    new_child,
    performance,
    quality_reports,
    recording,
    reports,
    return_imports,
    return_runs,
    returns,
    returns_from_records,
    teams,
    users,
    who_looked,
)
from oversight.web.views.passwords import (
    change_password,
    choose_password,
    password_chosen_required,
)
from oversight.web.views.second_factor import (
    before_second_factor,
    second_factor_required,
    second_step,
    set_up_authenticator,
)


def signed_in(patterns: list[URLPattern]) -> list[URLPattern]:
    """Wrap each pattern's view in ``login_required``, the second step and a password of the
    user's own, unless open."""
    for pattern in patterns:
        if not getattr(pattern.callback, "login_required", True):
            continue
        if getattr(pattern.callback, "second_factor_required", True):
            if getattr(pattern.callback, "password_chosen_required", True):
                pattern.callback = password_chosen_required(pattern.callback)
            pattern.callback = second_factor_required(pattern.callback)
        pattern.callback = login_required(pattern.callback)
    return patterns


app_name = "web"
urlpatterns = signed_in([
    path("", my_work.my_work, name="my-work"),
    path("sign-in/", login_not_required(auth.SignInView.as_view()), name="sign-in"),
    path("sign-in/code/", second_step, name="second-step"),
    path("sign-in/set-up-authenticator/", set_up_authenticator,
         name="set-up-authenticator"),
    path("sign-in/choose-password/", choose_password, name="choose-password"),
    path("sign-out/", before_second_factor(auth.SignOutView.as_view()), name="sign-out"),
    path("account/", account.account, name="account"),
    path("account/sign-out-everywhere/", account.sign_out_everywhere,
         name="sign-out-everywhere"),
    path("account/change-password/", change_password, name="change-password"),
    path("users/", users.users, name="users"),
    path("users/new/", users.add, name="add-user"),
    path("users/<int:pk>/change/", users.change, name="change-user"),
    path("users/<int:pk>/end/", users.end, name="end-account"),
    path("users/<int:pk>/reset-authenticator/", users.reset, name="reset-authenticator"),
    path("users/<int:pk>/new-password/", users.new_password, name="new-password"),
    path("teams/", teams.teams, name="teams"),
    path("teams/<int:pk>/", teams.team, name="team"),
    path("children/", children.children, name="children"),
    path("children/new-contact/", new_child.new_child_contact, name="new-child-contact"),
    path("children/<int:pk>/", children.child, name="child"),
    path("children/<int:pk>/access-log/", who_looked.who_looked, name="child-access-log"),
    path("children/<int:pk>/break-glass/", break_glass.open_restricted, name="break-glass"),
    path("alerts/<int:pk>/seen/", break_glass.alert_seen, name="alert-seen"),
    path("children/<int:pk>/contacts/new/", recording.record_contact, name="record-contact"),
    path("children/<int:pk>/contacts/<int:contact_pk>/decision/", recording.decide_contact,
         name="decide-contact"),
    path("children/<int:pk>/referrals/<int:referral_pk>/decision/", recording.decide_referral,
         name="decide-referral"),
    path("children/<int:pk>/visits/new/", recording.record_visit, name="record-visit"),
    path("children/<int:pk>/placements/new/", care.move_placement, name="move-placement"),
    path("children/<int:pk>/outcomes/new/", care.record_outcomes, name="record-outcomes"),
    path("children/<int:pk>/details/", child_details.change_details, name="child-details"),
    path("children/<int:pk>/permanence/", care.record_permanence, name="record-permanence"),
    path("children/<int:pk>/legal-status/", care.change_legal_status, name="legal-status"),
    path("children/<int:pk>/adoption/decision/", adoption.record_decision,
         name="adoption-decision"),
    path("children/<int:pk>/adoption/match/", adoption.record_match, name="adoption-match"),
    path("children/<int:pk>/adoption/reversal/", adoption.record_reversal,
         name="adoption-reversal"),
    path("children/<int:pk>/oversight/new/", recording.record_oversight, name="record-oversight"),
    path("children/<int:pk>/escalations/new/", escalations.raise_for_child,
         name="raise-escalation"),
    path("quality/front-door/", dip_sampling.samples, name="dip-sampling"),
    path("quality/front-door/agreement.csv", dip_sampling.agreement_csv,
         name="dip-sampling-csv"),
    path("quality/front-door/<int:sample>/", dip_sampling.sample, name="dip-sample"),
    path("quality/front-door/<int:sample>/<int:n>/", dip_sampling.redecide_page,
         name="redecide"),
    path("quality/escalations/", escalations.escalations, name="escalations"),
    path("quality/escalations/<int:escalation>/", escalations.escalation, name="escalation"),
    path("quality/escalations/<int:escalation>/respond/", escalations.respond_to,
         name="escalation-respond"),
    path("quality/escalations/<int:escalation>/resolve/", escalations.resolve_it,
         name="escalation-resolve"),
    path("performance/", performance.dashboard, name="performance"),
    path("performance/front-door/", performance.front_door, name="front-door"),
    path("performance/<slug:id>/", performance.indicator_page, name="indicator"),
    path("performance/<slug:id>/equality/", performance.indicator_equality,
         name="indicator-equality"),
    path("performance/<slug:id>/children/", performance.indicator_children,
         name="indicator-children"),
    path("performance/<slug:id>/children.<slug:fmt>", performance.indicator_children_data,
         name="indicator-children-data"),
    path("performance/<slug:id>/report.pdf", performance.indicator_report,
         name="indicator-report"),
    path("performance/<slug:id>/<slug:table>.<slug:fmt>", performance.indicator_data,
         name="indicator-data"),
    path("improvement/", improvement.plan, name="improvement"),
    path("improvement/findings/<int:finding_pk>/actions/new/", improvement.add_action,
         name="add-action"),
    path("improvement/actions/<int:action_pk>/updates/new/", improvement.record_update,
         name="record-update"),
    path("self-evaluation/", improvement.self_evaluations, name="self-evaluations"),
    path("self-evaluation/<str:year>/", improvement.self_evaluation, name="self-evaluation"),
    path("self-evaluation/<str:year>/status/", improvement.self_evaluation_status,
         name="self-evaluation-status"),
    path("self-evaluation/<str:year>/<slug:area>/", improvement.edit_area,
         name="edit-evaluation-area"),
    path("inspection/", inspection.national, name="inspection"),
    path("inspection/national.<slug:fmt>", inspection.national_data, name="inspection-data"),
    path("inspection/la/<str:urn>/", inspection.authority, name="inspection-la"),
    path("inspection/record/", inspection.record, name="inspection-record"),
    path("inspection/readiness/", reports.readiness, name="readiness-pack"),
    path("inspection/for-children/", reports.for_children, name="for-children"),
    path("audits/", audits.programmes, name="audits"),
    path("audits/programmes/new/", audits.new_programme, name="new-audit-programme"),
    path("audits/programmes/<int:pk>/draw/", audits.draw, name="draw-audit-sample"),
    path("audits/programmes/<int:pk>/evidence/", audits.link_evidence,
         name="audit-evidence"),
    path("audits/samples/<int:pk>/", audits.sample, name="audit-sample"),
    path("audits/cases/<int:case_pk>/start/", audits.start, name="start-audit"),
    path("audits/reports/", quality_reports.audit_reports, name="audit-reports"),
    path("audits/reports/<slug:table>.csv", quality_reports.audit_report_data,
         name="audit-report-data"),
    path("audits/<int:pk>/", audits.audit, name="audit"),
    path("audits/<int:pk>/moderate/", audits.moderate, name="moderate-audit"),
    path("audits/<int:pk>/actions/new/", audits.add_action, name="add-audit-action"),
    path("audits/actions/<int:action_pk>/done/", audits.action_done,
         name="audit-action-done"),
    path("returns/", returns.returns, name="returns"),
    path("returns/runs/<int:pk>/", return_runs.run_page, name="return-run"),
    path("returns/runs/<int:pk>/findings.<slug:fmt>", return_runs.run_findings,
         name="return-run-findings"),
    path("returns/runs/<int:pk>/delete/", return_runs.delete_run, name="delete-return-run"),
    path("returns/cin-census/<str:year>.xml", returns_from_records.census_from_records,
         name="census-from-records"),
    path("returns/cin-census/<str:year>/validate/",
         returns_from_records.validate_census_from_records,
         name="validate-census-from-records"),
    path("returns/ssda903/<str:year>.zip", returns_from_records.ssda903_from_records,
         name="ssda903-from-records"),
    path("returns/ssda903/<str:year>/validate/",
         returns_from_records.validate_ssda903_from_records,
         name="validate-ssda903-from-records"),
    path("returns/annex-a.xlsx", returns_from_records.annex_a_from_records,
         name="annex-a-from-records"),
    path("returns/cin-census/import/", return_imports.import_census, name="import-census"),
    path("returns/ssda903/import/", return_imports.import_ssda903, name="import-ssda903"),
    path("returns/annex-a/import/", return_imports.import_annex_a, name="import-annex-a"),
    path("returns/imports/<uuid:pk>/", return_imports.return_import, name="return-import"),
    path("jobs/<uuid:pk>/status/", jobs.job_status, name="job-status"),
    path("jobs/<uuid:pk>/output/", jobs.job_output, name="job-output"),
])  # fmt: skip
