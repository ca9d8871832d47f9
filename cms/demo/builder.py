"""Builds the demo county site: agencies of every kind, catalogues, guides and announcements.

What each catalogue holds is planned first (``plans.py``, no database); this module only
turns the plans into Wagtail pages, documents and users.
"""

import datetime
import random
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.models import Site

from cms.home.models import HomePage
from disclosure.agencies.roles import agency_collection, groups_of
from disclosure.models import (
    AgencyDepartment,
    AgencyIndexPage,
    AgencyLeader,
    AgencyPage,
    AgencyRole,
    AnnouncementIndexPage,
    AnnouncementPage,
    CatalogueAttachment,
    CatalogueIndexPage,
    CatalogueItemPage,
    DisclosureGuidePage,
    DisclosureSettings,
    Genre,
    PolicyInterpretation,
    SensitiveWord,
    Topic,
)

from .attachments import stored_document
from .codes import ICP_NUMBER, POSTCODE, SITE_ID_CODE, credit_code, org_code, phone_number
from .interviews import build_interviews
from .plans import ON_REQUEST_NOTE, CataloguePlanner, in_year
from .texts import (
    AGENCY_ANNOUNCEMENTS,
    REVIEW_EXAMPLES,
    REVIEW_SENSITIVE_WORDS,
    announcement_for,
    body_for,
    review_attachment,
)
from .vocabulary import COUNTY, KINDS, TOPIC_BY_CATEGORY, TOPIC_BY_KIND


@dataclass(frozen=True)
class DemoAgency:
    title: str
    short_name: str
    kind: str
    text_kind: str
    code: str
    doc_prefix: str
    slug: str
    parent_slug: str = ""


AGENCIES = [
    DemoAgency(
        f"{COUNTY}人民政府办公室",
        "县政府办",
        AgencyPage.Kind.GOVERNMENT,
        "government",
        credit_code("11", "00275010"),
        "青政办发",
        "xzfb",
    ),
    DemoAgency(
        f"{COUNTY}教育局",
        "县教育局",
        AgencyPage.Kind.DEPARTMENT,
        "education",
        org_code("00275032"),
        "青教发",
        "jyj",
        "xzfb",
    ),
    DemoAgency(
        f"{COUNTY}卫生健康局",
        "县卫健局",
        AgencyPage.Kind.DEPARTMENT,
        "health",
        credit_code("11", "MB1K3726"),
        "青卫健发",
        "wjj",
        "xzfb",
    ),
    DemoAgency(
        f"{COUNTY}人民医院",
        "县人民医院",
        AgencyPage.Kind.INSTITUTION,
        "hospital",
        credit_code("12", "47145601"),
        "青人医",
        "rmyy",
    ),
    DemoAgency(
        f"{COUNTY}自来水有限公司",
        "县自来水公司",
        AgencyPage.Kind.UTILITY,
        "utility",
        credit_code("91", "14701236"),
        "青水司",
        "zls",
    ),
    DemoAgency(
        f"{COUNTY}城关镇人民政府",
        "城关镇",
        AgencyPage.Kind.TOWNSHIP,
        "township",
        org_code("00275085"),
        "城政发",
        "cgz",
        "xzfb",
    ),
]

DEMO_PASSWORD = "gongkai-demo"


def publish(page, user=None):
    page.save_revision(user=user).publish(user=user)
    page.refresh_from_db()
    return page


class DemoSiteBuilder:
    def __init__(self, items_per_agency=55, seed=20261123, stdout=None, today=None):
        self.rng = random.Random(seed)
        self.items_per_agency = items_per_agency
        self.today = today or timezone.localdate()
        self.log = stdout.write if stdout else (lambda message: None)
        self.topics = {topic.name: topic for topic in Topic.objects.all()}
        self.genres = {genre.name: genre for genre in Genre.objects.all()}

    @transaction.atomic
    def build(self):
        home = HomePage.objects.get()
        site = Site.objects.get(is_default_site=True)
        site.site_name = f"{COUNTY}人民政府信息公开"
        site.save()
        settings = DisclosureSettings.for_site(site)
        settings.site_name = f"{COUNTY}人民政府信息公开"
        settings.site_id_code = SITE_ID_CODE
        settings.sponsor = f"{COUNTY}人民政府办公室"
        settings.icp_number = ICP_NUMBER
        settings.save()

        directory = home.add_child(
            instance=AgencyIndexPage(title="机构概况", slug="agencies", intro="<p>本县政府信息公开主体。</p>")
        )
        publish(directory)
        agencies = {}
        for spec in AGENCIES:
            agencies[spec.slug] = self.build_agency(directory, spec, agencies.get(spec.parent_slug))
        self.build_home_announcements(home, agencies["xzfb"])
        home.intro = (
            f"<p>欢迎访问{COUNTY}政府信息公开平台。这里发布本县各部门、乡镇和公共企事业单位依法主动公开的政府信息。</p>"
        )
        # The example is a 文号 the search really finds.
        example = (
            CatalogueItemPage.objects.filter(agency=agencies["xzfb"], doc_number__contains="〔2025〕")
            .order_by("generated_date")
            .values_list("doc_number", flat=True)
            .first()
        )
        home.search_placeholder = f"输入标题、文号或索引号，如 {example}" if example else "输入标题、文号或索引号"
        publish(home)
        users = self.create_demo_users(agencies["jyj"])
        self.build_review_examples(agencies["jyj"], users)
        self.build_interviews(agencies, users)
        return agencies

    def build_interviews(self, agencies, users):
        hosts = {"upcoming": "jyj", "moved": "wjj", "live": "zls", "ended": "cgz", "cancelled": "rmyy"}
        staff = {"editor": users[AgencyRole.EDITOR], "leader": users[AgencyRole.LEADER]}
        build_interviews(agencies["xzfb"], {key: agencies[slug] for key, slug in hosts.items()}, staff, publish)

    def build_agency(self, directory, spec, parent):
        vocabulary = KINDS[spec.text_kind]
        agency = directory.add_child(
            instance=AgencyPage(
                title=spec.title,
                slug=spec.slug,
                short_name=spec.short_name,
                kind=spec.kind,
                org_code=spec.code,
                parent_agency=parent,
                functions=f"<p>{vocabulary.functions}</p>",
                address=f"{COUNTY}城关镇人民路{self.rng.randint(1, 300)}号",
                postcode=POSTCODE,
                office_hours="工作日 上午8:30—12:00，下午14:30—17:30（法定节假日除外）",
                phone=phone_number(self.rng),
                fax=phone_number(self.rng),
                email=f"{spec.slug}@qingxi.example.gov.cn",
            )
        )
        for position, (name, post, duties) in enumerate(vocabulary.leaders):
            AgencyLeader.objects.create(agency=agency, sort_order=position, name=name, post=post, duties=duties)
        for position, (name, functions) in enumerate(vocabulary.departments):
            AgencyDepartment.objects.create(
                agency=agency, sort_order=position, name=name, functions=functions, phone=agency.phone
            )
        publish(agency)

        catalogue = publish(agency.add_child(instance=CatalogueIndexPage(title="信息公开目录", slug="catalogue")))
        self.build_items(agency, catalogue, spec)
        publish(agency.add_child(instance=self.guide_for(agency, vocabulary)))
        column = publish(agency.add_child(instance=AnnouncementIndexPage(title="工作动态", slug="news")))
        seen = set()
        for _ in range(4):
            year = self.rng.choice([2025, 2026])
            category, title, subject = announcement_for(
                self.rng, spec.text_kind, agency.title, year, AGENCY_ANNOUNCEMENTS, seen
            )
            publish(
                column.add_child(
                    instance=AnnouncementPage(
                        title=title,
                        date=in_year(self.rng, year, self.today),
                        category=category,
                        body=body_for(
                            self.rng, agency.title, subject, "通知", agency.phone, vocabulary.disclosure_office
                        ),
                    )
                )
            )
        self.log(f"  {agency.title}: {CatalogueItemPage.objects.filter(agency=agency).count()} 条目录信息\n")
        return agency

    def build_items(self, agency, catalogue, spec):
        vocabulary = KINDS[spec.text_kind]
        context = {
            "county": COUNTY,
            "agency": agency.title,
            "office": vocabulary.disclosure_office,
            "phone": agency.phone,
            "address": agency.address,
            "functions": vocabulary.functions,
            "departments": vocabulary.departments,
            "leaders": vocabulary.leaders,
            "addressees": vocabulary.addressees,
            "slug": spec.slug,
        }
        plans = CataloguePlanner(self.rng, spec.text_kind, context, spec.doc_prefix, self.today).plan(
            self.items_per_agency
        )
        categories = {category.code: category for category in agency.catalogue_categories.all()}
        collection = agency_collection(agency)
        pages = {}
        for plan in plans:
            item = CatalogueItemPage(
                title=plan.title,
                summary=plan.summary,
                generated_date=plan.generated,
                published_at=plan.published,
                doc_number=plan.doc_number,
                category=categories[plan.category],
                topic=self.topics.get(TOPIC_BY_CATEGORY.get(plan.category) or TOPIC_BY_KIND[spec.text_kind]),
                genre=self.genres[plan.genre],
                keywords=f"{plan.values['subject']} {plan.genre}",
                body=plan.body,
            )
            if plan.on_request:
                item.disclosure_mode = "on_request"
                item.disclosure_note = ON_REQUEST_NOTE
            if plan.attachment:
                title, filename, data = plan.attachment
                item.attachments = [CatalogueAttachment(document=stored_document(title, filename, data, collection))]
            if plan.interprets:
                item.interpreted_policies = [PolicyInterpretation(policy=pages[id(plan.interprets)])]
            pages[id(plan)] = publish(catalogue.add_child(instance=item))
        # Validity changes are later revisions of the old item, as an editor would make them.
        for plan in plans:
            if plan.validity != "valid":
                item = pages[id(plan)]
                item.validity = plan.validity
                item.validity_date = plan.validity_date
                item.replaced_by = pages[id(plan.replaced_by)] if plan.replaced_by else None
                publish(item)

    def guide_for(self, agency, vocabulary):
        return DisclosureGuidePage(
            title="政府信息公开指南",
            slug="guide",
            classification=f"<p>本机关政府信息按照主动公开事项分为机构职能、{'法规文件、规划计划、财政预决算' if vocabulary.has_budget else '规章制度、办事服务、价格收费'}等类别，按发布日期倒序编排。</p>",
            proactive_disclosure=f"<p>主动公开的政府信息通过{COUNTY}政府信息公开平台、政府公报、档案馆和公共图书馆查阅点公开，自信息形成或者变更之日起20个工作日内予以公开。</p>",
            application_procedure="<p>申请人可通过在线平台、信函或当面提交申请。申请应包括申请人姓名或名称、身份证明、联系方式，所需政府信息的名称、文号或者便于查询的其他特征性描述，以及获取信息的方式和途径。本机关自收到申请之日起20个工作日内予以答复；需要延长答复期限的，经负责人同意并告知申请人，延长期限最长不超过20个工作日。</p>",
            remedies=f"<p>公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，可以向{COUNTY}人民政府办公室投诉、举报，也可以依法申请行政复议或者提起行政诉讼。</p>",
            office_name=vocabulary.disclosure_office,
            address=agency.address,
            postcode=agency.postcode,
            office_hours=agency.office_hours,
            phone=agency.phone,
            fax=agency.fax,
            email=agency.email,
        )

    def build_home_announcements(self, home, government):
        column = publish(home.add_child(instance=AnnouncementIndexPage(title="通知公告", slug="notices")))
        now = timezone.now()
        seen = set()
        for index in range(10):
            year = 2026 if index < 6 else 2025
            category, title, subject = announcement_for(self.rng, "government", government.short_name, year, seen=seen)
            page = AnnouncementPage(
                title=title,
                date=in_year(self.rng, year, self.today),
                category=category,
                pinned=index == 0,
                source=government.title,
                body=body_for(self.rng, government.title, subject, "公告", government.phone, "政务公开科"),
            )
            publish(column.add_child(instance=page))
        expired = AnnouncementPage(
            title="关于国庆假期政务服务大厅值班安排的通知（已过期）",
            date=now - datetime.timedelta(days=60),
            expire_at=now - datetime.timedelta(days=30),
            body="<p>假期值班安排已结束。</p>",
        )
        publish(column.add_child(instance=expired))
        scheduled = AnnouncementPage(
            title="关于元旦假期政务服务安排的通知",
            date=now + datetime.timedelta(minutes=3),
            go_live_at=now + datetime.timedelta(minutes=3),
            body="<p>元旦假期期间，政务服务大厅暂停线下服务，网上办事大厅正常运行。</p>",
        )
        column.add_child(instance=scheduled)
        scheduled.save_revision().publish()

    def create_demo_users(self, agency):
        users = {}
        User = get_user_model()
        admin, created = User.objects.get_or_create(
            username="admin", defaults={"is_superuser": True, "is_staff": True, "email": "admin@example.com"}
        )
        admin.set_password(DEMO_PASSWORD)
        admin.save()
        for role in AgencyRole:
            user, _ = User.objects.get_or_create(
                username=f"jyj-{role.value.replace('_', '-')}", defaults={"first_name": role.label}
            )
            user.set_password(DEMO_PASSWORD)
            user.save()
            user.groups.add(*groups_of(agency, role))
            users[role] = user
        return users

    def build_review_examples(self, agency, users):
        """Two drafts in the 三审 chain, so reviewers find a queue: one fresh, one with personal data.

        Each carries an attachment; the second one's list of students holds identity numbers,
        which the pre-screening reports from the spreadsheet as well as from the text. Drafts'
        attachments are not downloadable by the public until the item is published.
        """
        for word, note in REVIEW_SENSITIVE_WORDS:
            SensitiveWord.objects.get_or_create(word=word, defaults={"note": note})
        catalogue = CatalogueIndexPage.objects.child_of(agency).get()
        workflow = agency.get_workflow()
        collection = agency_collection(agency)
        for title, code, body, at_secrecy, attachment in REVIEW_EXAMPLES:
            item = CatalogueItemPage(
                title=title,
                summary=title[:90],
                generated_date=self.today,
                category=agency.catalogue_categories.get(code=code),
                body=body,
                live=False,
            )
            item.attachments = [
                CatalogueAttachment(document=stored_document(*review_attachment(attachment), collection))
            ]
            catalogue.add_child(instance=item)
            item.save_revision(user=users[AgencyRole.EDITOR])
            workflow.start(item, users[AgencyRole.EDITOR])
            if at_secrecy:
                item.current_workflow_task_state.approve(user=users[AgencyRole.DEPARTMENT_REVIEWER], comment="同意。")
