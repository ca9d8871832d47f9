"""Titles, bodies and summaries of the demo county's catalogue items and announcements.

Deterministic for a given random.Random, so the demo and the benchmarks are repeatable.
A body is written for what the item is (``family``): a 行政处罚决定书 names the party and
the law, a 部门预算 gives the totals, a rule's notice says which rule it replaces.
"""

import datetime

from .attachments import docx_bytes, pdf_bytes, xlsx_bytes
from .codes import id_number, phone_number
from .vocabulary import BRANDS, COUNTY, FAMILY_SUBJECTS, KINDS, RULE_WORD, SURNAMES, titles_of

# Subjects of each kind of agency (the benchmarks draw titles from these too).
SUBJECTS = {kind: vocabulary.subjects for kind, vocabulary in KINDS.items()}

PARAGRAPHS = [
    "为深入贯彻落实上级决策部署，切实做好{subject}工作，结合我县实际，现就有关事项通知如下。",
    "各单位要提高思想认识，把{subject}列入重要议事日程，主要负责同志亲自抓，分管负责同志具体抓，确保各项措施落到实处。",
    "坚持以人民为中心的发展思想，围绕群众关心关注的热点难点问题，着力补短板、强弱项，不断提升{subject}工作水平。",
    "{agency}负责统筹协调，各乡镇（街道）和县直有关部门按照职责分工，密切配合，形成工作合力。",
    "建立工作台账，实行清单化管理，对发现的问题限期整改，整改情况于每月底前报送{agency}。",
    "加强政策宣传解读，通过政府网站、政务新媒体等渠道及时公开工作进展，主动回应社会关切。",
]
CONTACT = "联系人及电话：{agency}{office}，{phone}。"

ANNOUNCEMENTS = [
    ("notice", "关于{last_year}年度政府信息公开工作年度报告发布的公告"),
    ("notice", "关于开展{subject}专项检查的公告"),
    ("notice", "{county}{year}年公开招聘事业单位工作人员公告"),
    ("notice", "关于{subject}征求意见的公告"),
    ("news", "{agency}召开{subject}推进会"),
    ("news", "{agency}赴基层调研{subject}工作"),
    ("news", "{county}{subject}工作取得阶段性成效"),
]
# What an agency's own column (工作动态) carries: its news, not county-wide notices.
AGENCY_ANNOUNCEMENTS = [entry for entry in ANNOUNCEMENTS if entry[0] == "news"] + [ANNOUNCEMENTS[3]]


def _html(paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


# --- placeholders a title can use, from the date it is written -----------------------------


def date_values(day):
    """The periods a title may speak of, as seen on ``day`` (the 成文日期): the month and quarter
    before it, its season and school term, a day just after it, the coming 汛期."""
    previous_month = day.replace(day=1) - datetime.timedelta(days=1)
    quarter = (day.month - 1) // 3  # the quarter before this one, 0 meaning last year's 4th
    quarter_year, quarter = (day.year, quarter) if quarter else (day.year - 1, 4)
    if 2 <= day.month <= 7:
        term = f"{day.year}年春季学期"
    else:
        term = f"{day.year if day.month >= 8 else day.year - 1}年秋季学期"
    soon = day + datetime.timedelta(days=3)
    seasons = {12: "冬季", 1: "冬季", 2: "冬季", 3: "春季", 4: "春季", 5: "春季", 6: "夏季", 7: "夏季", 8: "夏季"}
    return {
        "year": day.year,
        "month": day.month,
        "last_year": day.year - 1,
        "year2": day.year + 2,
        "prev_month": f"{previous_month.year}年{previous_month.month}月",
        "prev_quarter": f"{quarter_year}年第{quarter}季度",
        "term": term,
        "season": seasons.get(day.month, "秋季"),
        "soon": f"{soon.month}月{soon.day}日",
        "flood_year": day.year if day.month <= 8 else day.year + 1,
    }


def fill_pattern(rng, kind, entry, values):
    """A title from one of ``titles_of(kind)``'s entries: (genre, family, title, the values used)."""
    genre, pattern, family, *own_subject = entry
    vocabulary = KINDS[kind]
    values = dict(values, genre=genre)
    if "{subject}" in pattern or not (own_subject or family in FAMILY_SUBJECTS):
        values["subject"] = rng.choice(vocabulary.subjects)
    else:
        values["subject"] = own_subject[0] if own_subject else FAMILY_SUBJECTS[family]
    if "{party}" in pattern:
        party, violation, law = rng.choice(vocabulary.penalty_cases)
        party = party.format(county=COUNTY, brand=rng.choice(BRANDS), surname=rng.choice(SURNAMES))
        values.update(party=party, violation=violation, law=law)
    if "{purchase}" in pattern:
        values["purchase"] = rng.choice(vocabulary.purchases)
    if "{project}" in pattern:
        values["project"] = rng.choice(vocabulary.projects)
    if "{place}" in pattern:
        values["place"] = rng.choice(vocabulary.places)
    return genre, family, pattern.format(**values), values


def title_for(rng, kind, agency, year):
    """A random title an agency of ``kind`` might publish in ``year``: (genre, subject, title)."""
    titles = titles_of(kind)
    entry = rng.choice(titles[rng.choice(sorted(titles))])
    published = datetime.date(year, rng.randint(1, 12), rng.randint(1, 28))
    genre, _family, title, values = fill_pattern(
        rng, kind, entry, {"county": COUNTY, "agency": agency, **date_values(published)}
    )
    return genre, values["subject"], title


# --- bodies ---------------------------------------------------------------------------------


def body_for(rng, agency, subject, genre, phone=None, office="办公室"):
    """A notice-style body: what to do about ``subject`` and whom to call."""
    count = rng.randint(3, 6)
    chosen = rng.sample(PARAGRAPHS, count - 1)
    text = [p.format(subject=subject, agency=agency) for p in chosen]
    text.append(CONTACT.format(agency=agency, office=office, phone=phone or phone_number(rng)))
    return _html(text)


def summary_for(subject, genre):
    return (
        f"就{subject}作出部署，明确工作目标、主要任务和保障措施。"
        if genre != "报告"
        else f"报告{subject}工作开展情况、主要成效及下一步打算。"
    )


def _amount(rng, low, high):
    return f"{rng.randint(low * 100, high * 100) / 100:.2f}"


def _rule_body(rng, v):
    text = [v["addressees"], f"《{v['rule_title']}》已经研究同意，现印发给你们，请认真贯彻执行。"]
    if v.get("old_title"):
        text.append(f"{v['old_date']}印发的《{v['old_title']}》（{v['old_number']}）同时废止。")
    if v.get("has_attachment"):
        text.append(f"附件：{v['rule_title']}")
    return text


def _amendment_body(rng, v):
    return [
        v["addressees"],
        f"经研究，决定对《{v['old_title']}》（{v['old_number']}）作如下修改：",
        f"一、第三条增加一款，作为第二款：“{v['agency']}应当每年向社会公开{v['subject']}工作情况。”",
        "二、将第六条中的“责令限期改正”修改为“责令限期改正，并予以通报”。",
        f"本决定自印发之日起施行。《{v['old_title']}》根据本决定作相应修改并对条文顺序作相应调整，重新公布。",
    ]


def _notice_body(rng, v):
    return [p.format(**v) for p in rng.sample(PARAGRAPHS, rng.randint(2, 5))]


def _action_plan_body(rng, v):
    return [
        f"为加快推进{v['subject']}，结合我县实际，制定本方案。",
        f"一、总体要求。坚持问题导向、目标导向，统筹推进{v['subject']}各项工作。",
        f"二、主要目标。到{v['year2']}年底，{v['subject']}工作机制更加健全，群众满意度明显提升。",
        "三、重点任务。完善制度机制，强化要素保障，加强督查考核，按年度分解落实。",
        "四、保障措施。加强组织领导，落实部门责任，强化资金保障，营造良好氛围。",
    ]


def _plan_body(rng, v):
    return [
        f"{v['year']}年，{v['agency']}坚持稳中求进工作总基调，重点抓好以下工作。",
        f"一、扎实推进{v['subject']}，确保年度目标任务全面完成。",
        "二、深化重点领域改革，持续优化服务，提升群众获得感。",
        "三、加强干部队伍建设和党风廉政建设，推进政务公开和法治建设。",
    ]


def _report_body(rng, v):
    return [
        "一、主要工作及成效",
        f"{v['last_year']}年，{v['agency']}围绕{v['subject']}，完善工作机制，落实各项措施，全年完成各项目标任务。",
        "二、存在的问题",
        "工作推进还不够平衡，基层保障能力有待加强。",
        "三、下一步工作打算",
        f"{v['year']}年，将进一步加大工作力度，推动{v['subject']}工作提质增效。",
    ]


def _functions_body(rng, v):
    return [v["functions"]]


def _departments_body(rng, v):
    return [f"{v['agency']}内设以下机构："] + [f"{name}：{duties}" for name, duties in v["departments"]]


def _leaders_body(rng, v):
    return [f"{name}，{post}，{duties}" for name, post, duties in v["leaders"]]


def _statistics_body(rng, v):
    return [
        f"现将{v['agency']}有关统计数据公布如下：",
        f"本期统计对象{rng.randint(20, 300)}个，有效报表{rng.randint(20, 300)}份，主要指标同比增长{rng.randint(1, 12)}.{rng.randint(0, 9)}%。",
        "数据为初步统计数，最终以正式统计年报为准。",
    ]


def _licence_body(rng, v):
    accepted = rng.randint(3, 30)
    refused = rng.randint(0, 2)
    return [
        "根据《中华人民共和国行政许可法》有关规定，现将行政许可办理结果予以公示。",
        f"本期共受理申请{accepted}件，准予许可{accepted - refused}件，不予许可{refused}件。",
        f"如对办理结果有异议，请与{v['agency']}{v['office']}联系，电话{v['phone']}。",
    ]


def _service_body(rng, v):
    return [
        "一、办理对象：符合条件的公民、法人和其他组织。",
        "二、申请材料：申请表、身份证明及相关证明材料。",
        f"三、办理时限：自受理之日起{rng.randint(3, 15)}个工作日内办结。",
        "四、收费标准：不收费。",
        f"五、办理地点：{v['address']}。",
        f"六、咨询电话：{v['phone']}。",
    ]


def _penalty_body(rng, v):
    return [
        f"当事人：{v['party']}。",
        f"经查，当事人存在{v['violation']}的违法行为，违反了{v['law']}的有关规定。",
        f"依据{v['law']}，本机关决定对当事人给予警告，并处罚款人民币{rng.randint(2, 30) * 1000}元。",
        "当事人应当自收到本决定书之日起十五日内缴纳罚款。",
        f"当事人如不服本决定，可以在收到本决定书之日起六十日内向{COUNTY}人民政府申请行政复议，也可以在六个月内依法向{COUNTY}人民法院提起行政诉讼。",
    ]


def _coercion_body(rng, v):
    return [
        f"经查，位于{v['place']}的建筑物未取得建设工程规划许可证，本机关已依法作出限期拆除决定，当事人逾期未自行拆除。",
        f"根据《中华人民共和国行政强制法》有关规定，本机关定于{v['soon']}依法实施强制拆除。",
        f"特此公告。咨询电话：{v['phone']}。",
    ]


def _budget_body(rng, v):
    text = [
        f"根据{COUNTY}财政局关于部门预算公开的统一要求，现将{v['agency']}{v['budget_year']}年部门预算公开如下。",
        "一、部门主要职责",
        v["functions"],
        "二、收支预算总体情况",
        f"{v['budget_year']}年收入预算{v['total']}万元，支出预算{v['total']}万元，收支平衡。",
    ]
    if v.get("has_attachment"):
        text.append("三、预算报表见附件。")
    return text


def _final_accounts_body(rng, v):
    text = [
        f"现将{v['agency']}{v['budget_year']}年度部门决算公开如下。",
        "一、部门主要职责",
        v["functions"],
        "二、收入支出决算总体情况",
        f"{v['budget_year']}年度收入合计{v['total']}万元，支出合计{v['total']}万元。",
    ]
    if v.get("has_attachment"):
        text.append("三、决算报表见附件。")
    return text


def _three_costs_body(rng, v):
    car, reception = rng.randint(5, 40), rng.randint(2, 15)
    return [
        f"{v['agency']}{v['budget_year']}年“三公”经费预算{car + reception}万元。其中：因公出国（境）费0万元；"
        f"公务用车购置及运行维护费{car}万元；公务接待费{reception}万元。",
        "与上年相比，“三公”经费预算持平或下降，主要是严格落实过紧日子要求。",
    ]


def _annual_report_body(rng, v):
    return [
        f"本报告依据《中华人民共和国政府信息公开条例》编制，报告所列数据的统计期限自{v['report_year']}年1月1日起至{v['report_year']}年12月31日止。",
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]


def _procurement_body(rng, v):
    text = [
        f"一、项目编号：{v['project_number']}",
        f"二、项目名称：{v['purchase']}采购项目",
        "三、采购方式：公开招标",
    ]
    if v.get("has_attachment"):
        text.append("四、中标（成交）信息：详见附件。")
    else:
        text.append(f"四、中标（成交）金额：{v['amount']}万元。")
    text += ["五、公告期限：自本公告发布之日起1个工作日。", f"六、采购人联系方式：{v['agency']}，{v['phone']}。"]
    return text


def _procurement_intent_body(rng, v):
    return [
        "为便于供应商及时了解政府采购信息，现将采购意向公开如下：",
        f"采购项目：{v['purchase']}；预算金额：{_amount(rng, 10, 400)}万元；预计采购时间：{v['year']}年{rng.randint(v['month'], 12)}月。",
        "本次公开的采购意向是初步安排，具体采购项目情况以相关采购公告为准。",
    ]


def _project_body(rng, v):
    return [
        f"项目名称：{v['project']}",
        f"建设地点：{COUNTY}",
        f"总投资：{rng.randint(1000, 90000) / 100:.2f}万元",
        f"建设进度：截至目前已完成投资{rng.randint(10, 95)}%。",
    ]


def _listing_body(rng, v):
    return [
        "经村（居）民委员会民主评议、镇人民政府审核，现将有关情况予以公示，公示期为7天。",
        f"如有异议，请在公示期内向{v['agency']}{v['office']}反映，电话{v['phone']}。",
    ]


def _jobs_body(rng, v):
    return [
        f"{v['agency']}{v['year']}年计划提供岗位{rng.randint(3, 40)}个，岗位条件和报名方式如下。",
        "报名时间：自本公告发布之日起10个工作日内。",
        f"咨询电话：{v['phone']}。",
    ]


def _emergency_plan_body(rng, v):
    return [
        "一、总则",
        "二、组织指挥体系",
        "三、预防和预警",
        "四、应急响应",
        "五、后期处置",
        "六、应急保障",
        "七、附则：本预案自印发之日起施行。",
    ]


def _warning_body(rng, v):
    return [f"当前正值{v['season']}，各类风险隐患增多。"] + _notice_body(rng, v)


def _water_cut_body(rng, v):
    return [
        f"因供水管网改造施工，定于{v['soon']}8:00至18:00对{v['place']}片区暂停供水。",
        "请用户提前做好储水准备。如遇特殊情况，停水时间将顺延，恢复供水后请先放水片刻。",
        f"供水服务热线：{v['phone']}。",
    ]


def _inspection_body(rng, v):
    checked = rng.randint(10, 120)
    problems = rng.randint(0, checked // 3)
    return [
        "现将检查情况通报如下：",
        f"本次共检查单位{checked}家，发现问题{problems}个，已整改{problems}个。",
        "各单位要举一反三，建立长效机制，防止问题反弹。",
    ]


def _recruitment_body(rng, v):
    return [
        f"根据{COUNTY}{v['year']}年考试录用公务员工作安排，经笔试、面试、体检和考察，拟录用{rng.randint(1, 5)}名人员，现予以公示。",
        f"公示期为5个工作日。如有异议，请向{v['agency']}{v['office']}反映，电话{v['phone']}。",
    ]


def _fees_body(rng, v):
    return [
        "一、收费项目及标准：按价格主管部门核定的项目和标准执行。",
        "二、收费依据：国家和省有关收费政策规定。",
        f"三、监督电话：{v['phone']}。",
    ]


def _interpretation_body(rng, v):
    return [
        "一、出台背景",
        f"为进一步规范{v['subject']}工作，{v['agency']}制定了《{v['rule_title']}》。",
        "二、主要内容",
        "三、适用范围和施行时间",
    ]


BODIES = {
    "rule": _rule_body,
    "amendment": _amendment_body,
    "notice": _notice_body,
    "action_plan": _action_plan_body,
    "plan": _plan_body,
    "report": _report_body,
    "functions": _functions_body,
    "departments": _departments_body,
    "leaders": _leaders_body,
    "statistics": _statistics_body,
    "licence": _licence_body,
    "service": _service_body,
    "penalty": _penalty_body,
    "coercion": _coercion_body,
    "budget": _budget_body,
    "final_accounts": _final_accounts_body,
    "three_costs": _three_costs_body,
    "annual_report": _annual_report_body,
    "procurement": _procurement_body,
    "procurement_intent": _procurement_intent_body,
    "project": _project_body,
    "listing": _listing_body,
    "jobs": _jobs_body,
    "emergency_plan": _emergency_plan_body,
    "warning": _warning_body,
    "water_cut": _water_cut_body,
    "inspection": _inspection_body,
    "recruitment": _recruitment_body,
    "fees": _fees_body,
    "interpretation": _interpretation_body,
}

# Families whose body ends with whom to call.
WITH_CONTACT = {"rule", "amendment", "notice", "action_plan", "warning"}

SUMMARIES = {
    "rule": "印发《{rule_title}》，明确{subject}的适用范围、职责分工和监督管理要求。",
    "amendment": "对《{old_title}》部分条款作出修改，自印发之日起施行。",
    "action_plan": "明确{year}—{year2}年{subject}的总体要求、主要目标、重点任务和保障措施。",
    "plan": "部署{year}年重点工作任务。",
    "report": "报告{subject}工作开展情况、主要成效及下一步打算。",
    "functions": "本机关的主要职责。",
    "departments": "内设机构设置及主要职责。",
    "leaders": "领导班子成员姓名、职务及工作分工。",
    "statistics": "公布有关统计数据。",
    "licence": "公示行政许可事项办理结果。",
    "service": "办理条件、申请材料、办理流程、办理时限和咨询方式。",
    "penalty": "对{party}{violation}的违法行为作出行政处罚决定。",
    "coercion": "对违法建筑依法实施强制拆除。",
    "budget": "公开{budget_year}年部门预算，包括部门职责、收支预算总体情况等。",
    "final_accounts": "公开{budget_year}年度部门决算，包括部门职责、收入支出决算总体情况等。",
    "three_costs": "公开{budget_year}年“三公”经费预算安排情况。",
    "annual_report": "报告{report_year}年政府信息公开工作情况。",
    "procurement": "公布{purchase}采购项目的中标（成交）结果。",
    "procurement_intent": "公开{purchase}的采购意向。",
    "project": "公开{project}的批准和建设信息。",
    "listing": "公示有关对象名单和资金使用情况，接受群众监督。",
    "jobs": "发布岗位信息和报名方式。",
    "emergency_plan": "明确突发事件的组织指挥、预防预警、应急响应和保障措施。",
    "warning": "部署{season}风险防范和应对工作。",
    "water_cut": "{place}片区因管网施工计划停水的时间和范围。",
    "inspection": "通报检查发现的问题和整改情况。",
    "recruitment": "公示拟录用公务员人员情况。",
    "fees": "公开收费项目、收费标准和收费依据。",
    "interpretation": "解读《{rule_title}》的出台背景、主要内容和适用对象。",
}


def item_body(rng, family, values):
    text = BODIES.get(family, _notice_body)(rng, values)
    if family in WITH_CONTACT:
        text.append(CONTACT.format(**values))
    return _html(text)


def item_summary(family, values):
    pattern = SUMMARIES.get(family)
    return (pattern.format(**values) if pattern else summary_for(values["subject"], values["genre"]))[:100]


# --- attachments: what the files of an item say ---------------------------------------------

EXPENSES = {
    "government": "一般公共服务支出",
    "education": "教育支出",
    "health": "卫生健康支出",
    "hospital": "卫生健康支出",
    "township": "农林水支出",
}


def budget_values(rng):
    """A budget's lines (万元, two decimals) and their total, shared by body and attachment."""
    cents = [rng.randint(50_000, 400_000), rng.randint(0, 60_000), rng.randint(0, 40_000), rng.randint(0, 10_000)]
    total = sum(cents)
    spent = [total * share // 100 for share in (70, 15, 10)]
    spent.append(total - sum(spent))
    return {
        "lines": [f"{c / 100:.2f}" for c in cents],
        "spent": [f"{c / 100:.2f}" for c in spent],
        "total": f"{total / 100:.2f}",
    }


def budget_attachment(kind, v, final=False):
    """收支预算（决算）总表 as a spreadsheet: the lines behind the total the body gives."""
    word = "决算" if final else "预算"
    income = ["一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "事业收入", "其他收入"]
    spending = [EXPENSES.get(kind, "一般公共服务支出"), "社会保障和就业支出", "住房保障支出", "其他支出"]
    rows = [
        (f"{v['agency']}{v['budget_year']}年部门收支{word}总表",),
        ("单位：万元",),
        ("收入项目", f"{word}数", "支出项目", f"{word}数"),
        *[(income[i], v["lines"][i], spending[i], v["spent"][i]) for i in range(4)],
        ("收入总计", v["total"], "支出总计", v["total"]),
    ]
    title = f"{v['budget_year']}年部门收支{word}总表"
    return (
        title,
        f"{'final' if final else 'budget'}-{v['budget_year']}.xlsx",
        xlsx_bytes(rows, sheet_title=f"收支{word}总表"),
    )


def rule_attachment(kind, v):
    """The rule itself, as the PDF its notice sends out."""
    vocabulary = KINDS[kind]
    word = RULE_WORD[v["genre"]]
    articles = [
        f"为规范{v['subject']}工作，保障公民、法人和其他组织的合法权益，根据有关法律法规和政策规定，结合{vocabulary.local}实际，制定{word}。",
        f"{word}适用于{vocabulary.scope}{v['subject']}的组织实施和监督管理。",
        f"{v['agency']}负责{v['subject']}工作的统筹协调和监督指导，有关单位按照各自职责做好相关工作。",
        f"{v['subject']}工作应当坚持依法依规、公开透明、便民高效的原则。",
        "有关单位应当建立工作台账，明确责任人员，按季度报送工作进展情况。",
        f"对违反{word}规定的，由{v['agency']}责令限期改正；情节严重的，依法依规追究有关人员责任。",
        f"{word}由{v['agency']}负责解释。",
        f"{word}自{v['effective']}起施行。"
        + (f"{v['old_date']}印发的《{v['old_title']}》同时废止。" if v.get("old_title") else ""),
    ]
    numerals = "一二三四五六七八九十"
    lines = [f"第{numerals[i]}条 {text}" for i, text in enumerate(articles)]
    return v["rule_title"], "rule.pdf", pdf_bytes(*lines, title=v["rule_title"])


def procurement_attachment(kind, v):
    """The award notice with its table of suppliers, as a Word file."""
    title = f"{v['purchase']}采购项目中标（成交）结果公告"
    paragraphs = [
        f"一、项目编号：{v['project_number']}",
        f"二、项目名称：{v['purchase']}采购项目",
        f"三、采购人：{v['agency']}",
        "四、中标（成交）信息：",
    ]
    table = [
        ("序号", "中标供应商", "供应商地址", "中标金额（万元）"),
        ("1", v["supplier"], "浙江省丽水市莲都区", v["amount"]),
    ]
    return title, "award.docx", docx_bytes(*paragraphs, table=table, title=title)


def review_attachment(spec):
    title, filename, form, rows = spec
    data = docx_bytes(title, table=rows) if form == "docx" else xlsx_bytes(rows, sheet_title=title)
    return title, filename, data


# --- announcements --------------------------------------------------------------------------


def announcement_for(rng, kind, agency, year, patterns=ANNOUNCEMENTS, seen=None):
    """(category, title, subject) of an announcement; a title already in ``seen`` is drawn again."""
    seen = set() if seen is None else seen
    for _attempt in range(50):
        category, pattern = rng.choice(patterns)
        subject = rng.choice(SUBJECTS[kind])
        title = pattern.format(county=COUNTY, subject=subject, year=year, last_year=year - 1, agency=agency)
        if title not in seen:
            break
    seen.add(title)
    return category, title, subject


# --- drafts waiting in the education bureau's review chain ----------------------------------

STUDENT_IDS = [id_number(datetime.date(2011, 5, 6), 1), id_number(datetime.date(2012, 9, 17), 24)]
ASSISTANCE_LIST = [
    ("序号", "姓名", "学校", "身份证号", "拟资助金额（元）"),
    (1, "吴某某", f"{COUNTY}城关第一小学", STUDENT_IDS[0], 2000),
    (2, "蓝某某", f"{COUNTY}第二中学", STUDENT_IDS[1], 2500),
]
TIMETABLE = [
    ("学段", "上午到校", "上午放学", "下午到校", "下午放学"),
    ("小学", "8:00", "11:40", "13:50", "16:00"),
    ("初中", "7:40", "11:50", "13:40", "17:00"),
]

# (title, category code, body, already past 科室初审, attachment: (title, filename, format, content))
REVIEW_EXAMPLES = [
    (
        f"关于{COUNTY}2026年秋季学期义务教育学校作息时间调整的通知",
        "0103",
        "<p>各中小学校：</p><p>根据秋冬季节变化，自11月起各校作息时间统一调整，具体安排见附件。</p>",
        False,
        ("秋冬季作息时间表", "timetable.docx", "docx", TIMETABLE),
    ),
    (
        f"关于{COUNTY}2026年度家庭经济困难学生资助对象的公示",
        "1102",
        "<p>经学校初审、县教育局复核，拟确定以下学生为本年度资助对象，现予公示，名单见附件。</p>"
        "<p>咨询联系人：周老师，联系电话13905780000。</p>"
        f"<p>受助学生：吴某某，身份证号{STUDENT_IDS[0]}，拟资助金额2000元。</p>",
        True,
        ("资助对象名单", "assistance.xlsx", "xlsx", ASSISTANCE_LIST),
    ),
]

REVIEW_SENSITIVE_WORDS = [
    ("拆迁补偿", "涉及群众切身利益，发布前核对口径"),
    ("内部掌握", "内部工作口径，不宜公开"),
    ("征地", "涉及土地征收，需核对审批文件"),
]
