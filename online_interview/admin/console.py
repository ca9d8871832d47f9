"""The live console: moderation queue, transcript posting and the reviewer gate, on one screen.

Host, text editor and reviewer each open it at once; the screen polls ``console_state``
so every one of them sees the others' actions within a couple of seconds.
"""

import functools

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST
from wagtail.images import get_image_model
from wagtail.images.fields import WagtailImageField

from .. import conf
from ..follow_ups.models import FollowUp
from ..questions import moderation
from ..questions.identical import pending_groups
from ..questions.models import PUBLIC_STATES, Question, QuestionState
from ..questions.submission import QuestionRefused
from ..transcript import posting
from ..transcript.models import Speaker, TranscriptEntry
from .access import console_interview, editable_interviews, may_release


class EntryForm(forms.Form):
    speaker = forms.ChoiceField(label=gettext_lazy("speaker"), choices=Speaker.choices)
    guest = forms.IntegerField(label=gettext_lazy("guest"), required=False)
    text = forms.CharField(label=gettext_lazy("text"), widget=forms.Textarea, required=False, max_length=5000)
    image = WagtailImageField(label=gettext_lazy("image"), required=False)
    question = forms.IntegerField(label=gettext_lazy("answers the question"), required=False)


def forbidden_as_json(view):
    """The console's own requests get a 403 they can show, not the admin's redirect to the dashboard."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied:
            return _json({"error": _("You do not have permission to do this.")}, status=403)

    return wrapped


def _json(data, status=200):
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


def _question(question):
    return {
        "id": question.pk,
        "receipt": question.receipt,
        "nickname": question.nickname,
        "text": question.text,
        "public_text": question.shown_text,
        "contact": question.contact,
        "state": question.state,
        "state_label": str(question.get_state_display()),
        "pinned": question.pinned,
        "votes": question.votes,
        "asked_at": timezone.localtime(question.submitted_at).strftime("%H:%M:%S"),
    }


def _pending(group):
    """One row per text however many asked it: the first asker's question, the others listed."""
    row = _question(group.first)
    row["count"] = group.count
    row["count_label"] = ngettext("%(n)d person asked this", "%(n)d people asked this", group.count) % {
        "n": group.count
    }
    row["askers"] = [
        {
            "nickname": question.nickname,
            "receipt": question.receipt,
            "contact": question.contact,
            "asked_at": timezone.localtime(question.submitted_at).strftime("%H:%M:%S"),
        }
        for question in group.questions
    ]
    row["same_as"] = group.public_twin.pk if group.public_twin else None
    return row


def _entry(entry):
    return {
        "id": entry.pk,
        "speaker": entry.speaker,
        "speaker_name": entry.speaker_name,
        "text": entry.text,
        "image": entry.image.get_rendition("max-400x300").url if entry.image_id else None,
        "question": entry.question_id,
        "question_text": entry.question.shown_text if entry.question_id else "",
        "released": entry.released,
        "follow_up": entry.follow_up,
        "posted_at": timezone.localtime(entry.posted_at).strftime("%H:%M:%S"),
    }


def console(request, pk):
    interview = console_interview(request, pk)
    return render(
        request,
        "online_interview/admin/console.html",
        {
            "interview": interview,
            "guests": list(interview.guests.all()),
            "may_release": may_release(request.user, interview),
            "poll_seconds": conf.get("POLL_SECONDS"),
        },
    )


@forbidden_as_json
def console_state(request, pk):
    interview = console_interview(request, pk)
    questions = interview.questions.filter(state__in=PUBLIC_STATES).order_by("-pinned", "submitted_at")
    entries = list(TranscriptEntry.objects.filter(interview=interview).select_related("question", "image"))
    return _json(
        {
            "status": interview.status(),
            "status_label": interview.status_label,
            "pending": [_pending(group) for group in pending_groups(interview)],
            "approved": [_question(q) for q in questions if q.state == QuestionState.APPROVED],
            "answered": [_question(q) for q in questions if q.state == QuestionState.ANSWERED],
            "held": [_entry(e) for e in entries if not e.released],
            "transcript": [_entry(e) for e in entries if e.released],  # in release order (Meta.ordering)
            "rejected_count": interview.questions.filter(state=QuestionState.REJECTED).count(),
        }
    )


@forbidden_as_json
@require_POST
def moderate(request, pk, question_pk, action):
    interview = console_interview(request, pk)
    question = get_object_or_404(Question, pk=question_pk, interview=interview)
    try:
        if action == "approve":
            question = moderation.approve(question, request.user, text=request.POST.get("text"))
        elif action == "reject":
            moderation.reject(question, request.user)
        elif action in ("pin", "unpin"):
            moderation.set_pinned(question, request.user, action == "pin")
        else:
            return _json({"error": _("Unknown action.")}, status=400)
    except QuestionRefused as refusal:
        return _json({"error": refusal.message}, status=400)
    return _json({"question": _question(question)})


@forbidden_as_json
@require_POST
def post_entry(request, pk):
    interview = console_interview(request, pk)
    form = EntryForm(request.POST, request.FILES)
    if not form.is_valid():
        errors = "；".join(f"{form.fields[name].label}：{' '.join(messages)}" for name, messages in form.errors.items())
        return _json({"error": errors}, status=400)
    data = form.cleaned_data
    guest = interview.guests.filter(pk=data["guest"]).first() if data["guest"] else None
    question = interview.questions.filter(pk=data["question"]).first() if data["question"] else None
    image = None
    if data["image"]:
        image = get_image_model().objects.create(title=data["image"].name, file=data["image"])
    try:
        entry = posting.post_entry(
            interview,
            request.user,
            speaker=data["speaker"],
            guest=guest,
            text=data["text"],
            image=image,
            question=question,
        )
    except ValidationError as error:
        if image is not None:
            image.delete()
        return _json({"error": " ".join(error.messages)}, status=400)
    return _json({"entry": _entry(entry)}, status=201)


@forbidden_as_json
@require_POST
def review_entry(request, pk, entry_pk, action):
    interview = console_interview(request, pk)
    if not may_release(request.user, interview):
        raise PermissionDenied
    entry = get_object_or_404(TranscriptEntry, pk=entry_pk, interview=interview)
    try:
        if action == "release":
            posting.release(entry, request.user)
        elif action == "discard":
            posting.discard(entry)
        else:
            return _json({"error": _("Unknown action.")}, status=400)
    except ValidationError as error:
        return _json({"error": " ".join(error.messages)}, status=400)
    return _json({"ok": True})


def overview(request):
    """Sessions the user runs, and their open 补录 answers with the overdue ones first."""
    interviews = editable_interviews(request.user)
    follow_ups = (
        FollowUp.objects.filter(done_at__isnull=True, question__interview__in=interviews)
        .select_related("question__interview")
        .order_by("due_on")
    )
    # Identical questions wait as one row in the console: they are counted once here too.
    pending = Count("questions__same_text_key", filter=Q(questions__state=QuestionState.PENDING), distinct=True)
    today = timezone.localdate()
    return render(
        request,
        "online_interview/admin/overview.html",
        {
            # A hosting agency's staff run the session but may not edit its page: no link to the editor.
            "interviews": [
                (interview, interview.permissions_for_user(request.user).can_edit())
                for interview in interviews.annotate(pending=pending).order_by("-start_at")[:100]
            ],
            "follow_ups": [(f, f.is_overdue(today)) for f in follow_ups],
        },
    )


# The console's scripts are the app's own files: the site's Content-Security-Policy may stay
# strict here, though Wagtail's editing screens need inline scripts (README: Security).
console.strict_content_policy = True
