"""Sessions in site search: the preview while upcoming, the whole transcript once it ended."""

from disclosure.api import agency_of
from search.api import DocumentKind, agency_fields, describes, join_text, published_when

from .live.public import public_entries
from .pages.models import InterviewPage
from .status import InterviewStatus


def transcript_text(interview):
    """Question and answer threads, as the public reads them (released entries only)."""
    lines = []
    for entry in public_entries(interview):
        if entry.question_id and entry.question.is_public:
            lines.append(f"{entry.question.nickname}：{entry.question.shown_text}")
        lines.append(f"{entry.speaker_name}：{entry.text}")
    return "\n".join(lines)


@describes(InterviewPage)
def describe_interview(interview):
    guests = [str(guest) for guest in interview.guests.all()]
    ended = interview.status() == InterviewStatus.ENDED
    agencies = list(interview.hosting_agencies.all())
    return {
        "kind": DocumentKind.INTERVIEW,
        "summary": interview.summary,
        "body": join_text(interview.host, *guests, interview.location, transcript_text(interview) if ended else ""),
        "published_at": published_when(interview, interview.start_at),
        **agency_fields(agencies[0] if agencies else agency_of(interview)),
    }
