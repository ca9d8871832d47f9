"""What one demo agency's catalogue holds, planned before any page is made.

The plan is where coherence is decided, so it needs no database:

- each item's title is drawn for its category (``vocabulary.py``), and its dates for its
  kind — a budget in spring of its year, a 决算 the year after, a monthly figure for a
  month already over;
- 文号 count up in the order documents were issued;
- a rule is replaced only by its own successor: the same agency and category, issued later,
  the same title stem (《X办法》 → 《X办法（2025年修订）》, or a 关于修改《X办法》… 的决定);
  the old one becomes 废止 / 已修改 on the day the successor is published, never before it
  was itself issued and never in the future;
- a three-year plan whose last year is over is 失效 from the 1st of January after it;
- items whose body says "see the attachment" have one: budgets, rules, award notices.
"""

import datetime
from dataclasses import dataclass, field
from typing import NamedTuple

from django.utils import timezone

from . import texts
from .vocabulary import (
    BUDGET,
    FAMILY_SUBJECTS,
    FINAL_ACCOUNTS,
    GUIDES_AND_REPORTS,
    INTERPRETATIONS,
    KINDS,
    RULES,
    THREE_COSTS,
    WEIGHTS,
    titles_of,
)

YEARS = [2023, 2024, 2025, 2025, 2026, 2026]
NUMBERED_GENRES = {"通知", "意见", "办法", "规定", "细则", "决定", "方案"}
SUCCESSORS = 2  # rules revised per agency
ATTACHMENT_YEAR = 2025  # budgets of this year come with their tables
# Families whose items may be disclosed on request only (they concern third parties).
ON_REQUEST_FAMILIES = {"licence", "project", "inspection"}
ON_REQUEST_NOTE = "涉及第三方信息，依申请公开。"


class Yearly(NamedTuple):
    """An item every agency publishes each year, in its season: ``delay`` years after the year
    it is about, within ``window`` ((month, day), (month, day)) of that year."""

    code: str
    genre: str
    family: str
    title: str
    years: tuple
    delay: int
    window: tuple
    budget: bool = False  # only for agencies with a 部门预算


YEARLY = [
    Yearly(
        GUIDES_AND_REPORTS,
        "报告",
        "annual_report",
        "{agency}{year}年政府信息公开工作年度报告",
        years=(2023, 2024, 2025),
        delay=1,
        window=((1, 5), (1, 31)),
    ),
    Yearly(
        BUDGET,
        "其他",
        "budget",
        "{agency}{year}年部门预算公开",
        years=(2024, 2025, 2026),
        delay=0,
        window=((2, 10), (3, 31)),
        budget=True,
    ),
    Yearly(
        THREE_COSTS,
        "其他",
        "three_costs",
        "{agency}{year}年“三公”经费预算情况说明",
        years=(2024, 2025, 2026),
        delay=0,
        window=((2, 10), (3, 31)),
        budget=True,
    ),
    Yearly(
        FINAL_ACCOUNTS,
        "其他",
        "final_accounts",
        "{agency}{year}年度部门决算公开",
        years=(2023, 2024, 2025),
        delay=1,
        window=((7, 1), (9, 30)),
        budget=True,
    ),
]


@dataclass
class ItemPlan:
    category: str
    genre: str
    family: str
    title: str
    values: dict
    generated: datetime.date  # 成文日期
    published: datetime.datetime
    doc_number: str = ""
    validity: str = "valid"
    validity_date: datetime.date | None = None
    replaced_by: "ItemPlan | None" = None
    interprets: "ItemPlan | None" = None
    attachment: tuple | None = None  # (title, filename, bytes)
    on_request: bool = False
    body: str = ""
    summary: str = ""
    extra: dict = field(default_factory=dict)


def moment(rng, start, end, today):
    """A working-hours moment between two dates, never later than yesterday."""
    end = min(end, today - datetime.timedelta(days=1))
    start = min(start, end)
    day = start + datetime.timedelta(days=rng.randint(0, (end - start).days))
    return timezone.make_aware(
        datetime.datetime(day.year, day.month, day.day, rng.randint(8, 17), rng.choice((0, 15, 30, 45)))
    )


def in_year(rng, year, today):
    return moment(rng, datetime.date(year, 1, 2), datetime.date(year, 12, 28), today)


def issued_before(rng, published, low=1, high=15):
    return (published - datetime.timedelta(days=rng.randint(low, high))).date()


class CataloguePlanner:
    """Plans ``count`` items for one agency; ``context`` holds its name, slug, phone, office, address."""

    def __init__(self, rng, kind, context, doc_prefix, today=None):
        self.rng = rng
        self.kind = kind
        self.vocabulary = KINDS[kind]
        self.context = context
        self.doc_prefix = doc_prefix
        self.today = today or timezone.localdate()
        self.titles = titles_of(kind)
        self.codes = sorted(set(self.titles) | {self.vocabulary.rule_category})
        self.seen = set()

    def values(self, **more):
        return {**self.context, **more}

    def plan(self, count):
        """``count`` items, and one 政策解读 of the newest rule on top of them."""
        plans = self.fixed_items()
        rules = list(self.vocabulary.rules)
        self.rng.shuffle(rules)
        reserved = SUCCESSORS + (1 if self.vocabulary.rule_category == RULES else 0)
        self.draw(plans, rules, count - reserved)
        plans += self.revisions(plans, count - len(plans))
        self.draw(plans, rules, count)
        policy = self.newest_rule(plans)
        if policy is not None:
            plans.append(self.interpretation_of(policy))
        self.lapse_finished_plans(plans)
        plans.sort(key=lambda item: (item.published, item.title))
        self.number(plans)
        for item in plans:
            self.write(item)
        return plans

    def draw(self, plans, rules, count):
        attempts = 0
        while len(plans) < count and attempts < 50 * count:
            attempts += 1
            item = self.drawn_item(rules)
            if item is not None and item.title not in self.seen:
                self.seen.add(item.title)
                plans.append(item)

    # --- what is published every year --------------------------------------------------------

    def fixed_items(self):
        plans = []
        for yearly in YEARLY:
            if yearly.budget and not self.vocabulary.has_budget:
                continue
            for year in yearly.years:
                (first_month, first_day), (last_month, last_day) = yearly.window
                due = datetime.date(year + yearly.delay, first_month, first_day)
                if due >= self.today:
                    continue  # not due yet
                if yearly.family == "annual_report" and year >= self.today.year - 1:
                    continue  # last year's is a real report, built from the demo's data (demo/reports.py)
                last = datetime.date(year + yearly.delay, last_month, last_day)
                published = moment(self.rng, due, last, self.today)
                # Written once its period is over: a report in January, not on New Year's Eve.
                generated = max(issued_before(self.rng, published), datetime.date(year + yearly.delay, 1, 1))
                values = self.values(
                    genre=yearly.genre, subject=FAMILY_SUBJECTS[yearly.family], budget_year=year, report_year=year
                )
                if yearly.family in ("budget", "final_accounts"):
                    values.update(texts.budget_values(self.rng))
                title = yearly.title.format(agency=self.context["agency"], year=year)
                item = ItemPlan(yearly.code, yearly.genre, yearly.family, title, values, generated, published)
                if yearly.family in ("budget", "final_accounts") and year == ATTACHMENT_YEAR:
                    item.extra["attach"] = yearly.family
                self.seen.add(item.title)
                plans.append(item)
        return plans

    # --- drawn items ------------------------------------------------------------------------

    def drawn_item(self, rules):
        code = self.rng.choices(self.codes, weights=[WEIGHTS.get(code, 1) for code in self.codes])[0]
        published = in_year(self.rng, self.rng.choice(YEARS), self.today)
        generated = issued_before(self.rng, published)
        if code == self.vocabulary.rule_category and rules and (code not in self.titles or self.rng.random() < 0.6):
            return self.rule_item(rules.pop(), generated, published)
        if code not in self.titles:
            return None
        entry = self.rng.choice(self.titles[code])
        values = self.values(**texts.date_values(generated))
        genre, family, title, values = texts.fill_pattern(self.rng, self.kind, entry, values)
        item = ItemPlan(code, genre, family, title, values, generated, published)
        if family == "procurement":
            values.update(
                project_number=f"QXCG{generated.year}-{self.rng.randint(1, 200):03d}",
                amount=f"{self.rng.randint(1000, 40000) / 100:.2f}",
                supplier=f"浙江{self.rng.choice(texts.BRANDS)}科技有限公司",
            )
            item.extra["attach"] = "procurement"
        elif family in ON_REQUEST_FAMILIES and self.rng.random() < 0.2:
            item.on_request = True
        return item

    def rule_item(self, rule, generated, published, successor_of=None, amends=None):
        issuer = self.vocabulary.rule_issuer.format(county=texts.COUNTY, agency=self.context["agency"])
        name = f"{issuer}{rule.name}"
        if successor_of is not None:
            name = f"{name}（{generated.year}年修订）"
        values = self.values(genre=rule.genre, subject=rule.subject, rule_title=name, **texts.date_values(generated))
        if amends is not None:
            title = f"关于修改《{amends.values['rule_title']}》部分条款的决定"
            values["rule_title"] = amends.values["rule_title"]
            item = ItemPlan(amends.category, "决定", "amendment", title, values, generated, published)
            item.extra["previous"] = amends
            return item
        title = f"关于印发《{name}》的通知"
        item = ItemPlan(self.vocabulary.rule_category, rule.genre, "rule", title, values, generated, published)
        item.extra["rule"] = rule
        if successor_of is not None:
            item.extra["previous"] = successor_of
            item.extra["attach"] = "rule"
        return item

    # --- successors, amendments, interpretations --------------------------------------------

    def successor_dates(self, old):
        """When a successor of ``old`` can be published: half a year on at the earliest, before today."""
        earliest = old.published.date() + datetime.timedelta(days=180)
        latest = self.today - datetime.timedelta(days=5)
        if earliest > latest:
            return None
        start = earliest + datetime.timedelta(days=self.rng.randint(0, min(540, (latest - earliest).days)))
        return moment(self.rng, start, start + datetime.timedelta(days=20), self.today)

    def revisions(self, plans, room):
        """Successors of the earliest rules, and a decision amending the next one."""
        wanted = ["revised"] * SUCCESSORS + (["amended"] if self.vocabulary.rule_category == RULES else [])
        made = []
        for old in sorted((item for item in plans if item.family == "rule"), key=lambda item: item.generated):
            if not wanted or len(made) >= room:
                break
            published = self.successor_dates(old)
            if published is None:
                continue
            how = wanted.pop(0)
            rule, generated = old.extra["rule"], issued_before(self.rng, published)
            if how == "revised":
                new = self.rule_item(rule, generated, published, successor_of=old)
                old.validity = "repealed"
            else:
                new = self.rule_item(rule, generated, published, amends=old)
                old.validity = "amended"
            old.validity_date = new.published.date()
            old.replaced_by = new
            self.seen.add(new.title)
            made.append(new)
        return made

    @staticmethod
    def newest_rule(plans):
        rules = [item for item in plans if item.family == "rule" and item.validity == "valid"]
        revised = [item for item in rules if "previous" in item.extra]
        return max(revised or rules, key=lambda item: item.published, default=None)

    def interpretation_of(self, policy):
        values = dict(policy.values, genre="解读")
        title = f"《{policy.values['rule_title']}》政策解读"
        published = policy.published + datetime.timedelta(hours=2)
        item = ItemPlan(INTERPRETATIONS, "解读", "interpretation", title, values, policy.generated, published)
        item.interprets = policy
        self.seen.add(title)
        return item

    def lapse_finished_plans(self, plans):
        for item in plans:
            if item.family == "action_plan" and item.validity == "valid":
                ended = datetime.date(item.values["year2"] + 1, 1, 1)
                if ended <= self.today:
                    item.validity, item.validity_date = "lapsed", ended

    # --- numbers, bodies and files -----------------------------------------------------------

    def number(self, plans):
        serials = {}
        penalty_prefix = self.doc_prefix[:-1] + "罚" if self.doc_prefix.endswith("发") else self.doc_prefix + "罚"
        for item in sorted(plans, key=lambda item: (item.generated, item.published)):
            if item.family == "penalty":
                prefix = penalty_prefix
            elif item.genre in NUMBERED_GENRES:
                prefix = self.doc_prefix
            else:
                continue
            key = (prefix, item.generated.year)
            serials[key] = serials.get(key, 0) + 1
            item.doc_number = f"{prefix}〔{item.generated.year}〕{serials[key]}号"

    def write(self, item):
        values = item.values
        previous = item.extra.get("previous")
        if previous is not None:
            values.update(
                old_title=previous.values["rule_title"],
                old_number=previous.doc_number,
                old_date=f"{previous.generated.year}年{previous.generated.month}月{previous.generated.day}日",
            )
        values["effective"] = f"{item.published.year}年{item.published.month}月{item.published.day}日"
        kind = item.extra.get("attach")
        values["has_attachment"] = bool(kind)
        if kind == "rule":
            item.attachment = texts.rule_attachment(self.kind, values)
        elif kind in ("budget", "final_accounts"):
            item.attachment = texts.budget_attachment(self.kind, values, final=kind == "final_accounts")
        elif kind == "procurement":
            item.attachment = texts.procurement_attachment(self.kind, values)
        if item.attachment:
            # Named as an agency names its files: who, when, what (storage adds no suffix then).
            title, filename, data = item.attachment
            item.attachment = (title, f"{self.context['slug']}-{item.generated:%Y%m%d}-{filename}", data)
        item.body = texts.item_body(self.rng, item.family, values)
        item.summary = texts.item_summary(item.family, values)
