"""Builds the demo county site: agencies of every kind, catalogues, guides and announcements."""

import datetime
import random
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.models import Site

from cms.home.models import HomePage
from disclosure.agencies.provisioning import groups_of
from disclosure.models import (
    AgencyDepartment,
    AgencyIndexPage,
    AgencyLeader,
    AgencyPage,
    AgencyRole,
    AnnouncementIndexPage,
    AnnouncementPage,
    CatalogueIndexPage,
    CatalogueItemPage,
    DisclosureGuidePage,
    DisclosureSettings,
    Genre,
    PolicyInterpretation,
    SensitiveWord,
    Topic,
)

from .codes import credit_code, org_code
from .texts import (
    COUNTY,
    FIXED_ITEMS,
    REVIEW_EXAMPLES,
    REVIEW_SENSITIVE_WORDS,
    announcement_for,
    body_for,
    summary_for,
    title_for,
)

TOPIC_BY_KIND = {
    "education": "科技、教育",
    "health": "卫生、体育",
    "government": "综合政务",
    "hospital": "卫生、体育",
    "utility": "城乡建设、环境保护",
    "township": "农业、林业、水利",
}


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
        credit_code("11330000", "00275010"),
        "青政办发",
        "xzfb",
    ),
    DemoAgency(
        f"{COUNTY}教育局", "县教育局", AgencyPage.Kind.DEPARTMENT, "education", org_code("00275032"), "青教发", "jyj"
    ),
    DemoAgency(
        f"{COUNTY}卫生健康局",
        "县卫健局",
        AgencyPage.Kind.DEPARTMENT,
        "health",
        credit_code("11330000", "MB1K3726"),
        "青卫健发",
        "wjj",
    ),
    DemoAgency(
        f"{COUNTY}人民医院",
        "县人民医院",
        AgencyPage.Kind.INSTITUTION,
        "hospital",
        credit_code("12330000", "47145601"),
        "青人医",
        "rmyy",
    ),
    DemoAgency(
        f"{COUNTY}自来水有限公司",
        "县自来水公司",
        AgencyPage.Kind.UTILITY,
        "utility",
        credit_code("91330000", "14701236"),
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


def random_moment(rng, year):
    today = timezone.localdate()
    start = datetime.date(year, 1, 2)
    end = min(datetime.date(year, 12, 28), today - datetime.timedelta(days=1))
    day = start + datetime.timedelta(days=rng.randint(0, max((end - start).days, 0)))
    return timezone.make_aware(
        datetime.datetime(day.year, day.month, day.day, rng.randint(8, 17), rng.choice((0, 15, 30, 45)))
    )


class DemoSiteBuilder:
    def __init__(self, items_per_agency=55, seed=20261123, stdout=None):
        self.rng = random.Random(seed)
        self.items_per_agency = items_per_agency
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
        settings.site_id_code = "3311270001"
        settings.sponsor = f"{COUNTY}人民政府办公室"
        settings.icp_number = "浙ICP备00000000号-1"
        settings.save()
        home.intro = (
            f"<p>欢迎访问{COUNTY}政府信息公开平台。这里发布本县各部门、乡镇和公共企事业单位依法主动公开的政府信息。</p>"
        )
        home.search_placeholder = "输入标题、文号或索引号，如 青政办发〔2025〕3号"
        publish(home)

        directory = home.add_child(
            instance=AgencyIndexPage(title="机构概况", slug="agencies", intro="<p>本县政府信息公开主体。</p>")
        )
        publish(directory)
        agencies = {}
        for spec in AGENCIES:
            agencies[spec.slug] = self.build_agency(directory, spec, agencies.get(spec.parent_slug))
        self.build_home_announcements(home, agencies["xzfb"])
        users = self.create_demo_users(agencies["jyj"])
        self.build_review_examples(agencies["jyj"], users)
        self.build_interviews(agencies, users)
        return agencies

    def build_interviews(self, agencies, users):
        from .interviews import build_interviews

        hosts = {"upcoming": "jyj", "moved": "wjj", "live": "zls", "ended": "cgz", "cancelled": "rmyy"}
        staff = {"editor": users[AgencyRole.EDITOR], "leader": users[AgencyRole.LEADER]}
        build_interviews(agencies["xzfb"], {key: agencies[slug] for key, slug in hosts.items()}, staff, publish)

    def build_agency(self, directory, spec, parent):
        agency = directory.add_child(
            instance=AgencyPage(
                title=spec.title,
                slug=spec.slug,
                short_name=spec.short_name,
                kind=spec.kind,
                org_code=spec.code,
                parent_agency=parent,
                functions=f"<p>贯彻执行国家、省、市有关方针政策和法律法规，负责全县{spec.short_name}职责范围内的政策制定、组织实施和监督管理工作。</p>",
                address=f"{COUNTY}城关镇人民路{self.rng.randint(1, 300)}号",
                postcode="323300",
                office_hours="工作日 上午8:30—12:00，下午14:30—17:30（法定节假日除外）",
                phone=f"0578-{self.rng.randint(5000000, 5999999)}",
                fax=f"0578-{self.rng.randint(5000000, 5999999)}",
                email=f"{spec.slug}@qingxi.example.gov.cn",
            )
        )
        for position, (name, post, duties) in enumerate(
            [
                ("陈立华", "党组书记、局长", "主持全面工作。"),
                ("王建平", "副局长", "负责政策法规、信息公开、安全生产工作。"),
                ("刘晓燕", "副局长", "负责财务审计、后勤保障工作。"),
            ]
        ):
            AgencyLeader.objects.create(
                agency=agency,
                sort_order=position,
                name=name,
                post=post if spec.kind != "township" else post.replace("局长", "镇长"),
                duties=duties,
            )
        for position, name in enumerate(["办公室", "政策法规科", "业务管理科"]):
            AgencyDepartment.objects.create(
                agency=agency,
                sort_order=position,
                name=name,
                functions=f"负责{name}职责范围内的日常工作。",
                phone=agency.phone,
            )
        publish(agency)

        catalogue = publish(agency.add_child(instance=CatalogueIndexPage(title="信息公开目录", slug="catalogue")))
        self.build_items(agency, catalogue, spec)
        publish(agency.add_child(instance=self.guide_for(agency)))
        column = publish(agency.add_child(instance=AnnouncementIndexPage(title="工作动态", slug="news")))
        for _ in range(4):
            year = self.rng.choice([2025, 2026])
            category, title, subject = announcement_for(self.rng, spec.short_name, year)
            publish(
                column.add_child(
                    instance=AnnouncementPage(
                        title=title,
                        date=random_moment(self.rng, year),
                        category=category,
                        body=body_for(self.rng, spec.short_name, subject, "通知"),
                    )
                )
            )
        self.log(f"  {agency.title}: {CatalogueItemPage.objects.filter(agency=agency).count()} 条目录信息\n")
        return agency

    def build_items(self, agency, catalogue, spec):
        categories = {category.code: category for category in agency.catalogue_categories.all()}
        leaf_categories = [c for c in categories.values() if not c.children.exists()]
        serial = {}
        items = []
        for year in (2023, 2024, 2025):
            for genre_name, pattern, code in FIXED_ITEMS:
                title = pattern.format(agency=agency.title, year=year)
                items.append(
                    self.add_item(
                        catalogue, agency, spec, title, genre_name, "信息公开", categories[code], year, serial
                    )
                )
        while len(items) < self.items_per_agency:
            year = self.rng.choice([2023, 2024, 2025, 2025, 2026, 2026])
            genre_name, subject, title = title_for(self.rng, spec.text_kind, agency.short_name, year)
            items.append(
                self.add_item(
                    catalogue, agency, spec, title, genre_name, subject, self.rng.choice(leaf_categories), year, serial
                )
            )
        self.link_demo_relations(catalogue, items, categories)

    def add_item(self, catalogue, agency, spec, title, genre_name, subject, category, year, serial):
        serial[year] = serial.get(year, 0) + 1
        has_number = genre_name in {"通知", "意见", "办法", "规定", "决定", "方案"}
        published = random_moment(self.rng, year)
        item = CatalogueItemPage(
            title=title,
            summary=summary_for(subject, genre_name),
            generated_date=(published - datetime.timedelta(days=self.rng.randint(1, 15))).date(),
            published_at=published,
            doc_number=f"{spec.doc_prefix}〔{year}〕{serial[year]}号" if has_number else "",
            category=category,
            topic=self.topics.get(TOPIC_BY_KIND[spec.text_kind]),
            genre=self.genres.get(genre_name) or self.genres["其他"],
            keywords=f"{subject} {genre_name}",
            body=body_for(self.rng, agency.title, subject, genre_name),
        )
        if self.rng.random() < 0.05:
            item.disclosure_mode = "on_request"
            item.disclosure_note = "涉及第三方信息，依申请公开。"
        return publish(catalogue.add_child(instance=item))

    def link_demo_relations(self, catalogue, items, categories):
        policies = [item for item in items if item.genre and item.genre.name in {"办法", "规定", "意见"}]
        if len(policies) >= 2:
            old, new = policies[0], policies[1]
            old.validity = "repealed"
            old.validity_date = new.published_at.date()
            old.replaced_by = new
            publish(old)
            interpretation = CatalogueItemPage(
                title=f"《{new.title.strip('关于')}》政策解读",
                summary="图文解读政策出台背景、主要内容和适用对象。",
                generated_date=new.generated_date,
                published_at=new.published_at + datetime.timedelta(hours=2),
                category=categories.get("1501") or new.category,
                genre=self.genres["解读"],
                body="<p>一、出台背景</p><p>二、主要内容</p><p>三、适用范围和施行时间</p>",
            )
            interpretation.interpreted_policies = [PolicyInterpretation(policy=new)]
            publish(catalogue.add_child(instance=interpretation))

    def guide_for(self, agency):
        return DisclosureGuidePage(
            title="政府信息公开指南",
            slug="guide",
            classification="<p>本机关政府信息按照主动公开事项分为机构职能、法规文件、规划计划、财政预决算等类别，按发布日期倒序编排。</p>",
            proactive_disclosure=f"<p>主动公开的政府信息通过{COUNTY}政府信息公开平台、政府公报、档案馆和公共图书馆查阅点公开，自信息形成或者变更之日起20个工作日内予以公开。</p>",
            application_procedure="<p>申请人可通过在线平台、信函或当面提交申请。申请应包括申请人姓名或名称、身份证明、联系方式，所需政府信息的名称、文号或者便于查询的其他特征性描述，以及获取信息的方式和途径。本机关自收到申请之日起20个工作日内予以答复；需要延长答复期限的，经负责人同意并告知申请人，延长期限最长不超过20个工作日。</p>",
            remedies=f"<p>公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，可以向{COUNTY}人民政府办公室投诉、举报，也可以依法申请行政复议或者提起行政诉讼。</p>",
            office_name=f"{agency.short_name}办公室",
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
        for index in range(10):
            year = 2026 if index < 6 else 2025
            category, title, subject = announcement_for(self.rng, government.short_name, year)
            page = AnnouncementPage(
                title=title,
                date=random_moment(self.rng, year),
                category=category,
                pinned=index == 0,
                source=government.title,
                body=body_for(self.rng, government.title, subject, "公告"),
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
        """Two drafts in the 三审 chain, so reviewers find a queue: one fresh, one with personal data."""
        for word, note in REVIEW_SENSITIVE_WORDS:
            SensitiveWord.objects.get_or_create(word=word, defaults={"note": note})
        catalogue = CatalogueIndexPage.objects.child_of(agency).get()
        category = agency.catalogue_categories.get(code="0102")
        workflow = agency.get_workflow()
        for title, body, at_secrecy in REVIEW_EXAMPLES:
            item = CatalogueItemPage(
                title=title,
                summary=title[:90],
                generated_date=timezone.localdate(),
                category=category,
                body=body,
                live=False,
            )
            catalogue.add_child(instance=item)
            item.save_revision(user=users[AgencyRole.EDITOR])
            workflow.start(item, users[AgencyRole.EDITOR])
            if at_secrecy:
                item.current_workflow_task_state.approve(user=users[AgencyRole.DEPARTMENT_REVIEWER], comment="同意。")
