"""What a notice template may say: the placeholders, what each means, and which notices offer it.

The list is the contract between the desk and the people who edit the wording: the admin shows
it as help text, ``validate_template_body`` refuses any other name, and ``context.build`` fills
exactly these. Notices that go to a third party or another agency get no applicant data at all
(Art 32 consults on the *information*, never on who asked for it), so those names are refused
in their templates rather than silently rendered empty.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from ..choices import NoticeKind

K = NoticeKind

#: Notices to someone other than the applicant: no applicant data in their context.
NOT_FOR_APPLICANT = frozenset({K.THIRD_PARTY, K.AGENCY})
#: One reply notice per outcome group of report table 三.
REPLY_KINDS = frozenset(
    {
        K.REPLY_DISCLOSED,
        K.REPLY_PARTLY_DISCLOSED,
        K.REPLY_NOT_DISCLOSED,
        K.REPLY_UNAVAILABLE,
        K.REPLY_NOT_PROCESSED,
        K.REPLY_OTHER,
    }
)
#: Notices that decide on the applicant's rights end with the remedy clause (复议 60 days, 诉讼 6 months):
#: every reply, and the fee notice (a charge is an administrative act the applicant may contest).
REMEDY_KINDS = REPLY_KINDS | {K.FEE}
FOR_APPLICANT = frozenset(NoticeKind) - NOT_FOR_APPLICANT


@dataclass(frozen=True)
class Placeholder:
    name: str
    description: str
    kinds: frozenset = frozenset(NoticeKind)
    sample: object = "……"

    @property
    def tag(self):
        return "{{ " + self.name + " }}"


PLACEHOLDERS = (
    Placeholder("request_number", _("Application number"), sample="县教育局依申〔2026〕1号"),
    Placeholder("notice_number", _("Number of this notice (empty when its template sets no pattern)")),
    Placeholder("issued_on", _("Date of this notice, e.g. 2026年11月30日"), sample="2026年11月30日"),
    Placeholder("agency_name", _("Agency's full name"), sample="青溪县教育局"),
    Placeholder("agency_short", _("Agency's short name"), sample="县教育局"),
    Placeholder("agency_address", _("Agency's address")),
    Placeholder("agency_postcode", _("Agency's postcode")),
    Placeholder("agency_phone", _("Agency's phone")),
    Placeholder("agency_email", _("Agency's e-mail")),
    Placeholder("applicant_name", _("Applicant's name (notices to the applicant only)"), FOR_APPLICANT),
    Placeholder("channel", _("How the application arrived, e.g. 当面提交 / 通过互联网提交"), FOR_APPLICANT),
    Placeholder("description", _("The information requested, as the applicant described it")),
    Placeholder("reference", _("Document number or index number the applicant gave"), FOR_APPLICANT),
    Placeholder("submitted_on", _("Date the application was submitted")),
    Placeholder("received_on", _("Date of receipt (Art 31)")),
    Placeholder("reply_working_days", _("Working days to reply (Art 33), e.g. 20"), sample=20),
    Placeholder("due_date", _("Reply due (empty while the calendar does not cover it)")),
    Placeholder(
        "status_url",
        _(
            "Address of the status page, where the applicant follows the application with number and query code "
            "(empty when the agency has no public application page)"
        ),
        FOR_APPLICANT,
        sample="https://www.example.gov.cn/jyj/apply/status/",
    ),
    Placeholder("what", _("What the applicant must supplement or explain"), frozenset({K.SUPPLEMENT, K.REASONS})),
    Placeholder("applicant_due", _("Date by which the applicant must supplement"), frozenset({K.SUPPLEMENT})),
    Placeholder("extension_days", _("Working days of the extension"), frozenset({K.EXTENSION}), sample=20),
    Placeholder("extension_reason", _("Reason for the extension"), frozenset({K.EXTENSION})),
    Placeholder("original_due_date", _("Reply due before the extension"), frozenset({K.EXTENSION})),
    Placeholder("new_due_date", _("Reply due after the extension"), frozenset({K.EXTENSION})),
    Placeholder("party", _("Third party or agency consulted"), NOT_FOR_APPLICANT),
    Placeholder("consultation_started_on", _("Date the consultation began"), NOT_FOR_APPLICANT),
    Placeholder("party_reply_due", _("Date by which the consulted party answers"), NOT_FOR_APPLICANT),
    Placeholder(
        "consultation_working_days", _("Working days the consulted party has (Art 32, 34)"), NOT_FOR_APPLICANT, 15
    ),
    Placeholder("fee_amount", _("Fee in yuan, e.g. 100.00"), frozenset({K.FEE}), sample="100.00"),
    Placeholder(
        "fee_explanation",
        _("How the fee was computed under 国办函〔2020〕109号 (method, bands, arithmetic)"),
        frozenset({K.FEE}),
        sample="本件申请提供的信息共45页。……按上述标准本件应收150.00元。",
    ),
    Placeholder("outcome_label", _("The outcome, e.g. 不予公开"), REPLY_KINDS),
    Placeholder("outcome_reason", _("The outcome's reason in a sentence, e.g. 属于国家秘密"), REPLY_KINDS),
    Placeholder(
        "outcome_articles",
        _("Articles a 不予公开 reply rests on, e.g. 第十四条、第三十六条第（三）项 (empty for other outcomes)"),
        REPLY_KINDS,
        sample="第十四条、第三十六条第（三）项",
    ),
    Placeholder("legal_basis", _("Legal basis written by the handler"), REPLY_KINDS),
    Placeholder("decided_on", _("Date of the decision"), REPLY_KINDS),
    Placeholder(
        "provided_items",
        _("List of what is provided (catalogue items, released files); loop with {% for item in provided_items %}"),
        REPLY_KINDS,
        sample=["《关于测试的通知》"],
    ),
    Placeholder("already_public_at", _("Where the information is already published"), REPLY_KINDS),
    Placeholder(
        "withheld_reasons",
        _(
            "The legal grounds of the parts withheld in the redacted copies, as a clause: 涉及……的内容，依据……第十五条不予公开"
        ),
        REPLY_KINDS,
    ),
    Placeholder(
        "withheld_grounds",
        _(
            "The same grounds as a list; loop with {% for ground in withheld_grounds %}{{ ground.label }}"
            "（{{ ground.article }}）{% endfor %}"
        ),
        REPLY_KINDS,
        sample=[{"label": "第三方个人信息", "article": "第十五条"}],
    ),
    Placeholder("delivery_form", _("Form of delivery, e.g. 纸质 / 电子"), REPLY_KINDS),
    Placeholder("delivery_channel", _("Way of obtaining, e.g. 邮寄 / 网站下载"), REPLY_KINDS),
    Placeholder("review_body", _("Body for administrative reconsideration (from the template)")),
    Placeholder("court", _("Court for an administrative lawsuit (from the template)")),
    Placeholder("remedy_clause", _("The remedy clause (added at the end of replies and fee notices by itself)")),
)
PLACEHOLDER_NAMES = frozenset(placeholder.name for placeholder in PLACEHOLDERS)


def placeholders_for(kind=None):
    """The placeholders a template of ``kind`` may use (all of them when no kind is given)."""
    if kind is None:
        return list(PLACEHOLDERS)
    kind = NoticeKind(kind)
    return [placeholder for placeholder in PLACEHOLDERS if kind in placeholder.kinds]


def sample_context(kind=None):
    """Values for every placeholder, to try a template before saving it."""
    return {placeholder.name: placeholder.sample for placeholder in placeholders_for(kind)}
