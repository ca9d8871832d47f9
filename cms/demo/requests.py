"""Builds the demo's request desk: the application pages of two agencies, their handlers, and a
year of applications (``request_cases.py``) taken through the desk's own intake and transitions.

Every step is dated: receipts, pauses, supplements and decisions pass their dates to the
transitions, so each clock is computed by the desk from the working-day calendar. The few
transitions that always act "today" (a 补正 notice, an extension, archiving) are run and then
dated back, with the history entries they wrote. Numbers follow the year of receipt.
"""

import contextlib
import datetime
import io
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from disclosure.agencies.roles import groups_of
from disclosure.calendar.models import CalendarDay, CalendarYear
from disclosure.calendar.working_days import CalendarNotCovered, WorkingDayCalendar
from disclosure.models import (
    AgencyRole,
    AppealCase,
    CatalogueItemPage,
    DisclosureRequest,
    ReleasedFile,
    RequestEvent,
    RequestFormPage,
    RequestNumberSequence,
)
from disclosure.requests import intake, transitions
from disclosure.requests.choices import AppealResult
from disclosure.requests.numbers import APPLICATION_SERIES, application_pattern, format_number, next_serial

from .request_cases import ALREADY_PUBLIC, APPLICANTS, CASES, REDACTION_REASON

DESK_AGENCIES = ("jyj", "wjj")
FORM_INTRO = (
    "<p>公民、法人或者其他组织可以向本机关申请获取主动公开以外的政府信息。本机关自收到申请之日起"
    "20个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，"
    "延长的期限最长不超过20个工作日。申请前可先在本机关信息公开目录中查找，已经主动公开的信息无需申请。</p>"
)
PRIVACY_NOTICE = (
    "<p>您填写的身份信息和联系方式仅用于办理本申请和送达答复，身份证件号码和证件扫描件加密保存，"
    "仅本机关依申请公开办理人员可以查看；办结归档满五年后删除。</p>"
)


def shift(day, working_days):
    """The ``working_days``-th working day after ``day`` (before it when negative).

    Where the calendar has no year yet, Monday to Friday count, so the demo builds in any year.
    """
    if working_days == 0:
        return day
    step = 1 if working_days > 0 else -1
    span = datetime.timedelta(days=abs(working_days) * 2 + 20)
    first, last = (day, day + span) if step > 0 else (day - span, day)
    calendar = WorkingDayCalendar(first, last)
    remaining = abs(working_days)
    while remaining:
        day += datetime.timedelta(days=step)
        try:
            working = calendar.classify(day)[0]
        except CalendarNotCovered:
            working = day.weekday() < 5
        if working:
            remaining -= 1
    return day


def moment(day, hour=10, minute=0):
    """``day`` at ``hour`` in the site's time zone, never later than now."""
    return min(timezone.make_aware(datetime.datetime(day.year, day.month, day.day, hour, minute)), timezone.now())


@contextlib.contextmanager
def dated(day, hour=10):
    """Dates the history entries written inside the block (their ``at`` is the time of writing)."""
    last = RequestEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    yield
    RequestEvent.objects.filter(pk__gt=last).update(at=moment(day, hour))


_font = None


def _pdf(lines, withheld=None):
    """A one-page A4 letter; the line ``withheld`` is drawn as a black box instead of its text."""
    global _font
    if _font is None:
        _font = UnicodeCIDFont("STSong-Light")
        pdfmetrics.registerFont(_font)
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.setFont("STSong-Light", 12)
    boxes = []
    y = 770
    for number, line in enumerate(lines):
        if number == withheld:
            box = [72, y - 4, 470, y + 13]
            page.rect(box[0], box[1], box[2] - box[0], box[3] - box[1], stroke=0, fill=1)
            boxes.append({"page": 1, "box": box, "reason": REDACTION_REASON})
        else:
            page.drawString(72, y, line)
        y -= 24
    page.showPage()
    page.save()
    return buffer.getvalue(), boxes


CONTRACT = [
    "青溪县第二中学综合楼维修工程施工合同（摘录）",
    "发包人：青溪县第二中学",
    "承包人：青溪县恒达建设工程有限公司",
    "合同价款：人民币壹佰捌拾陆万元整（1,860,000.00元）",
    "工期：2025年7月10日至2025年8月25日",
    "项目经理：谢某某  身份证号码 331123198203150417  手机 13905781188",
    "质量标准：合格",
]
WITHHELD_LINE = 5


#: People of the demo's desk, so the history reads 操作人 张敏 rather than a role.
DEMO_NAMES = {
    "jyj-request-handler": "张敏",
    "jyj-leader": "李建国",
    "wjj-request-handler": "陈静",
    "wjj-leader": "赵志强",
}


class RequestDeskDemo:
    """One run of the demo's desk; ``build`` returns what seed_demo prints."""

    def __init__(self, agencies, today=None, password="", log=None):
        self.agencies = {slug: agencies[slug] for slug in DESK_AGENCIES}
        self.today = today or timezone.localdate()
        self.password = password
        self.log = log or (lambda message: None)
        self.handlers = {}
        self.leaders = {}
        self.requests = {}  # key → [requests]
        self.status_example = None

    @transaction.atomic
    def build(self):
        self._provisional_next_year()
        for slug, agency in self.agencies.items():
            self._form_page(agency)
            self.handlers[slug] = self._user(f"{slug}-request-handler", agency, AgencyRole.REQUEST_HANDLER)
            self.leaders[slug] = self._user(f"{slug}-leader", agency, AgencyRole.LEADER)
        # In the order of receipt, so each year's serials follow the dates.
        for case in sorted(CASES, key=lambda case: -case.received):
            request = self._run(case)
            self.requests.setdefault(case.key, []).append(request)
        for agency in self.agencies.values():
            count = DisclosureRequest.objects.filter(agency=agency).count()
            self.log(f"  {agency.title}: {count} 件依申请公开申请\n")
        return self

    def _provisional_next_year(self):
        """Late in the year every new application runs into next year, whose official holidays are not
        out yet: the desk then rightly refuses to compute a reply date. So that the demo can be tried,
        it enters next year with only 元旦, marked as demo data (an administrator replaces it)."""
        year = self.today.year + 1
        if CalendarYear.objects.filter(year=year).exists():
            return
        CalendarYear.objects.create(year=year, source="演示数据：仅录入元旦，正式节假日安排公布后请更新")
        CalendarDay.objects.get_or_create(
            date=datetime.date(year, 1, 1), defaults={"kind": CalendarDay.Kind.HOLIDAY, "name": "元旦"}
        )
        self.log(f"  工作日历：{year} 年为演示数据（仅元旦），正式安排公布后请在“工作日历”中更新\n")

    # Pages and people ------------------------------------------------------------------------

    def _form_page(self, agency):
        if RequestFormPage.objects.child_of(agency).exists():
            return
        page = agency.add_child(
            instance=RequestFormPage(
                title="依申请公开",
                slug="apply",
                intro=FORM_INTRO,
                privacy_notice=PRIVACY_NOTICE,
                office_contact=f"{agency.short_name}办公室 {agency.phone}",
            )
        )
        page.save_revision().publish()

    def _user(self, username, agency, role):
        user, _created = get_user_model().objects.get_or_create(
            username=username, defaults={"first_name": DEMO_NAMES.get(username, str(role.label))}
        )
        user.set_password(self.password)
        user.save()
        user.groups.add(*groups_of(agency, role))
        return user

    # One case --------------------------------------------------------------------------------

    def _run(self, case):
        agency = self.agencies[case.agency]
        handler = self.handlers[case.agency]
        received = shift(self.today, -case.received)
        request = self._intake(case, agency, handler, received)
        day = received
        for step in case.steps:
            name, offset, *args = step if step[0] != "appeal" else (step[0], 0, *step[1:])
            day = shift(day, offset)
            # A step that ends later than it began (a supplement, a pause) says where the next counts from.
            day = getattr(self, f"_{name}")(request, handler, day, *args) or day
        return DisclosureRequest.objects.get(pk=request.pk)

    def _intake(self, case, agency, handler, received):
        applicant = APPLICANTS[case.applicant]
        data = {
            "applicant_type": applicant.type,
            "applicant_name": applicant.name,
            "id_type": applicant.id_type,
            "legal_representative": applicant.legal_representative,
            "contact_person": applicant.contact_person,
            "phone": applicant.phone,
            "email": applicant.email,
            "address": applicant.address,
            "description": case.description,
            "delivery_form": "electronic" if applicant.email else "paper",
            "delivery_channel": "email" if applicant.email else "post",
        }
        with dated(received, hour=9):
            if case.channel == "online":
                receipt = intake.submit_online(agency, data, id_number=applicant.id_number)
            else:
                receipt = intake.register(
                    agency, handler, data, channel=case.channel, received_on=received, id_number=applicant.id_number
                )
        request = receipt.request
        self._number_in_year(request, received.year)
        DisclosureRequest.objects.filter(pk=request.pk).update(submitted_at=moment(received, 9))
        if case.key == "status_example":
            self.status_example = (DisclosureRequest.objects.get(pk=request.pk).number, receipt.query_code_display)
        if case.channel == "online" and not (case.steps and case.steps[0][0] == "discard") and case.received:
            with dated(received, hour=11):
                transitions.confirm_receipt(request, handler, received_on=received)
        return request

    def _number_in_year(self, request, year):
        """Intake numbers in the current year; a request received in an earlier one takes that year's number."""
        if year == timezone.localtime().year:
            return
        current = RequestNumberSequence.objects.get(
            agency=request.agency, year=timezone.localtime().year, series=APPLICATION_SERIES
        )
        current.last_serial -= 1  # the number just issued, given back: the demo runs alone
        current.save(update_fields=["last_serial"])
        number = format_number(
            application_pattern(request.agency),
            request.agency,
            year,
            next_serial(request.agency, year, APPLICATION_SERIES),
        )
        DisclosureRequest.objects.filter(pk=request.pk).update(number=number)

    # Steps -------------------------------------------------------------------------------------

    def _start(self, request, handler, day):
        with dated(day):
            transitions.start(request, handler)

    def _supplement(self, request, handler, day, what, reply_after):
        # The transition dates the notice today; the demo's was sent on ``day``.
        applicant_due = shift(day, 15)
        with dated(day):
            event = transitions.request_supplement(
                request, handler, what=what, applicant_due=max(applicant_due, self.today + datetime.timedelta(days=1))
            )
        DisclosureRequest.objects.filter(pk=request.pk).update(applicant_due=applicant_due)
        RequestEvent.objects.filter(pk=event.pk).update(
            data={**event.data, "applicant_due": str(applicant_due), "late": False}
        )
        if reply_after is None:
            return applicant_due
        arrived = shift(day, reply_after)
        with dated(arrived):
            transitions.receive_supplement(request, handler, received_on=arrived)
        return arrived

    def _pause(self, transition, request, handler, day, party, resume_after):
        with dated(day):
            transition(request, handler, party=party, started_on=day)
        if resume_after is not None:
            ended = shift(day, resume_after)
            with dated(ended):
                transitions.resume(request, handler, ended_on=ended)
            return ended
        return None

    def _third_party(self, request, handler, day, party, resume_after):
        return self._pause(transitions.consult_third_party, request, handler, day, party, resume_after)

    def _agency(self, request, handler, day, party, resume_after):
        return self._pause(transitions.consult_agency, request, handler, day, party, resume_after)

    def _reasons(self, request, handler, day, what, resume_after):
        with dated(day):
            transitions.request_reasons(request, handler, what=what, started_on=day)
        if resume_after is not None:
            ended = shift(day, resume_after)
            with dated(ended):
                transitions.resume(request, handler, ended_on=ended, note="申请人提交了说明，但未说明合理理由。")
            return ended
        return None

    def _fee(self, request, handler, day, amount):
        # Fees are off by default (disclosure is free); this agency charged for a very large copy.
        with override_settings(GONGKAI_DISCLOSURE={**settings.GONGKAI_DISCLOSURE, "REQUEST_FEES_ENABLED": True}):
            with dated(day):
                transitions.notify_fee(
                    request, handler, amount=Decimal(amount), note="超出合理范围的复印件按件计收信息处理费。"
                )

    def _extend(self, request, handler, day, days, reason):
        slug = next(slug for slug, agency in self.agencies.items() if agency.pk == request.agency_id)
        with dated(day):
            transitions.propose_extension(request, handler, days=days, reason=reason)
        with dated(day, hour=15):
            transitions.approve_extension(request, self.leaders[slug])

    def _release(self, request, handler, day):
        original, _boxes = _pdf(CONTRACT)
        redacted, boxes = _pdf(CONTRACT, withheld=WITHHELD_LINE)
        ReleasedFile.objects.create(
            request=request,
            title="青溪县第二中学综合楼维修工程施工合同",
            original=original,
            original_name="综合楼维修工程施工合同.pdf",
            content_type="application/pdf",
            redactions=boxes,
            redacted=redacted,
            redacted_at=moment(day, 16),
            redacted_by=handler,
        )

    def _decide(self, request, handler, day, outcome, basis, source):
        pages, public_at = (), ""
        if source == "page":
            pages = [
                CatalogueItemPage.objects.live()
                .filter(agency_id=request.agency_id, disclosure_mode="proactive")
                .order_by("-published_at")
                .first()
            ]
        elif source == "already_public":
            slug = next(slug for slug, agency in self.agencies.items() if agency.pk == request.agency_id)
            public_at = ALREADY_PUBLIC[slug]
        with dated(day, hour=11):
            transitions.decide(
                request,
                handler,
                outcome=outcome,
                legal_basis=basis,
                provided_pages=pages,
                already_public_at=public_at,
                decided_on=day,
            )

    def _deliver(self, request, handler, day, method):
        proof = {"post": "中国邮政EMS回执", "email": "电子邮件发送记录", "in_person": "申请人签收"}.get(method, "")
        with dated(day, hour=15):
            transitions.deliver(request, handler, method=method, delivered_on=day, proof=proof)
        self._delivered_day = day

    def _archive(self, request, handler, day):
        with dated(day, hour=17):
            transitions.archive(request, handler)
        DisclosureRequest.objects.filter(pk=request.pk).update(archived_on=day)

    def _transfer(self, request, handler, day, slug):
        request = DisclosureRequest.objects.get(pk=request.pk)
        with dated(day):
            intake.transfer(request, handler, to_agency=self.agencies[slug], note="所申请信息由县卫生健康局掌握。")

    def _discard(self, request, handler, day, note):
        with dated(day):
            transitions.discard(request, handler, note=note)

    def _appeal(self, request, handler, day, kind, number, body, result):
        filed = self._delivered_day + datetime.timedelta(days=21)
        concluded = filed + datetime.timedelta(days=55) if result != AppealResult.PENDING else None
        if concluded and concluded > self.today:
            concluded = self.today
        case = AppealCase.objects.create(
            agency=request.agency,
            kind=kind,
            case_number=number,
            body=body,
            filed_on=filed,
            result=result,
            concluded_on=concluded,
            note="申请人对不予公开答复不服。",
        )
        case.requests.add(request)
