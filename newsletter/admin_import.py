"""The admin's import of printed pages: upload → preview → confirm.

The upload is judged and its files kept on the server (import_staging); the
preview runs the import and rolls it back, showing the rows as they would be
stored; the confirmation runs it again from the same bytes and commits only
if it writes exactly what was previewed (pages_import's previewed digest).
"""

import difflib

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from articles import workflow
from articles.services import ImportFailure, import_summary, pages_import, pages_preview

from . import import_staging
from .forms import (
    ImportConfirmForm,
    PagePlanForm,
    PageUploadForm,
    expired_message,
    ticket_sources,
)
from .models import Issue

TEMPLATE = "admin/newsletter/issue/import.html"
ACTIONS = {"created": "新建", "updated": "更新", "unchanged": "不变", "kept": "保留"}
REPAIRS = {"column-join": "分栏接续", "overlap": "删去重复的字"}


def import_view(model_admin, request):
    if not (
        request.user.has_perm("newsletter.add_issue")
        and request.user.has_perm("articles.add_article")
    ):
        raise PermissionDenied
    # Only a chief editor sees 发布 (articles.workflow); it is checked again on confirm.
    may_publish = workflow.may_publish_issues(request.user)
    step = request.POST.get("step") if request.method == "POST" else None
    if step == "preview":
        plan_form = PagePlanForm.bind(request.POST, may_publish=may_publish)
        return _preview(model_admin, request, plan_form)
    if step == "confirm":
        return _confirm(model_admin, request)
    upload = PageUploadForm(request.POST or None, request.FILES or None, may_publish=may_publish)
    if not (request.method == "POST" and upload.is_valid()):
        return _render(model_admin, request, upload=upload)
    staging_id = import_staging.stage([raw for _, raw in upload.uploads])
    plan_form = PagePlanForm.first(
        staging_id, upload.uploads, upload.options(), may_publish=may_publish
    )
    return _preview(model_admin, request, plan_form)


def _preview(model_admin, request, plan_form: PagePlanForm, refusal: str = ""):
    """Run the import and roll it back; show what it would store, and the confirm button.

    refusal: why a confirmation just wrote nothing, shown above the new preview.
    """
    plan, confirm = None, None
    if plan_form.is_valid():
        try:
            plan = _run_preview(plan_form)
        except (forms.ValidationError, ImportFailure) as error:
            plan_form.add_error(None, _message(error))
        else:
            ticket = plan_form.ticket(digest=plan.digest, user_id=request.user.pk)
            confirm = ImportConfirmForm(initial={"ticket": ticket}, user_id=request.user.pk)
    return _render(
        model_admin,
        request,
        plan_form=plan_form,
        pages=_displayed(plan.pages) if plan else None,
        confirm=confirm,
        refusal=refusal,
    )


def _run_preview(plan_form: PagePlanForm):
    pages = plan_form.pages()
    try:
        raws = import_staging.staged(plan_form.staging_id, len(pages))
    except import_staging.StagingGone as error:
        raise forms.ValidationError(expired_message()) from error
    options = plan_form.options()
    return pages_preview(
        sources=ticket_sources({"files": pages, "options": options}, raws),
        encoding=options["encoding"] or None,
        publish=options["publish"],
        overwrite=options["overwrite"],
    )


def _confirm(model_admin, request):
    """Write what the ticket's preview showed, or nothing, with a message saying why."""
    may_publish = workflow.may_publish_issues(request.user)
    form = ImportConfirmForm(request.POST, user_id=request.user.pk)
    if not form.is_valid():
        return _refused(model_admin, request, " ".join(form.errors.get("ticket", [])))
    ticket = form.cleaned_data["ticket"]
    try:
        raws = import_staging.staged(ticket["id"], len(ticket["files"]))
        sources = ticket_sources(ticket, raws)
        options = ticket["options"]
        # The one call that writes; the editor's account goes to the revision history.
        reports = pages_import(
            sources=sources,
            encoding=options["encoding"] or None,
            publish=may_publish and options["publish"],
            overwrite=options["overwrite"],
            previewed=ticket["plan"],
            user=request.user,
        )
    except import_staging.StagingGone:
        return _refused(model_admin, request, expired_message())
    except forms.ValidationError as error:  # the staged bytes changed: upload them again
        return _refused(model_admin, request, _message(error))
    except ImportFailure as error:  # the database changed: the same files, previewed anew
        plan_form = PagePlanForm.from_ticket(ticket, may_publish=may_publish)
        return _preview(model_admin, request, plan_form, refusal=_message(error))
    import_staging.discard(ticket["id"])
    model_admin.message_user(request, import_summary(reports, dry_run=False), messages.SUCCESS)
    issue = Issue.objects.get(date=reports[0].issue_date)
    return redirect("admin:newsletter_issue_change", issue.pk)


def _refused(model_admin, request, message: str):
    upload = PageUploadForm(may_publish=workflow.may_publish_issues(request.user))
    return _render(model_admin, request, upload=upload, refusal=message)


def _render(model_admin, request, **context):
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": "导入版面" if "upload" in context else "导入版面：预览",
        **context,
    }
    return TemplateResponse(request, TEMPLATE, context)


def _message(error) -> str:
    return " ".join(error.messages) if isinstance(error, forms.ValidationError) else str(error)


def _displayed(pages: list[dict]) -> list[dict]:
    """The plan with what the template needs marked: repairs' changes, counts."""
    for page in pages:
        report = page["report"]
        page["date_label"] = _date_label(page["issue"]["date"])
        page["counts"] = {
            label: sum(a["action"] == action for a in page["articles"])
            for action, label in ACTIONS.items()
        }
        page["counts"]["删除"] = len(report["removed"])
        page["punctuation"] = sum(r["kind"] == "punctuation" for r in report["repairs"])
        for article in page["articles"]:
            article["action_label"] = ACTIONS[article["action"]]
            article["byline"] = [c for c in article["credits"] if c["role"] != "mentioned"]
            article["people"] = [c for c in article["credits"] if c["role"] == "mentioned"]
            for repair in article["repairs"]:
                repair["label"] = REPAIRS.get(repair["kind"], repair["kind"])
                repair["before_parts"], repair["after_parts"] = _marked(
                    repair["before"], repair["after"]
                )
    return pages


def _date_label(iso: str) -> str:
    year, month, day = map(int, iso.split("-"))
    return f"{year}年{month}月{day}日"


def _marked(before: str, after: str) -> tuple[list, list]:
    """Both texts as (text, changed) runs: what the repair took out, what it put in.

    The two are windows of different reach around the repair (…甲|乙… and …甲乙丙…):
    what one has beyond the other's first or last shared run is context, not a change.
    """
    core_before, core_after = before.strip("…"), after.strip("…")
    opcodes = difflib.SequenceMatcher(None, core_before, core_after, autojunk=False).get_opcodes()
    old, new = [], []
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        changed = tag != "equal" and 0 < index < len(opcodes) - 1
        if core_before[i1:i2]:
            old.append((core_before[i1:i2], changed))
        if core_after[j1:j2]:
            new.append((core_after[j1:j2], changed))
    return _ellipsis(before, old), _ellipsis(after, new)


def _ellipsis(text: str, runs: list) -> list:
    """The runs with the text's own leading and trailing … put back, as context."""
    head = [(text[: len(text) - len(text.lstrip("…"))], False)]
    tail = [(text[len(text.rstrip("…")) :], False)]
    return [run for run in head + runs + tail if run[0]]
