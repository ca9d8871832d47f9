"""Title, 文号 and body generators for demo catalogue items and announcements.

Deterministic for a given random.Random, so the demo and the benchmarks are repeatable.
"""

COUNTY = "青溪县"

SUBJECTS = {
    "education": [
        "义务教育学校招生入学",
        "学前教育普惠发展",
        "校园安全专项整治",
        "教师队伍建设",
        "学生资助政策落实",
        "课后服务",
        "中小学食堂管理",
    ],
    "health": [
        "基本公共卫生服务",
        "家庭医生签约服务",
        "传染病防控",
        "医疗机构校验",
        "职业健康监督检查",
        "爱国卫生运动",
        "城乡居民医保",
    ],
    "government": [
        "优化营商环境",
        "政务服务“一网通办”",
        "安全生产大检查",
        "防汛抗旱",
        "乡村振兴",
        "城乡环境综合整治",
        "政府信息公开工作",
    ],
    "hospital": ["门诊预约诊疗", "医疗服务价格", "药品集中采购", "住院费用结算", "患者投诉处理", "医疗废物管理"],
    "utility": ["城区供水管网改造", "居民生活用水水价", "供水水质公示", "停水检修", "二次供水设施管理", "用水报装服务"],
    "township": ["农村人居环境整治", "高标准农田建设", "村级公益事业一事一议", "耕地保护", "农村低保", "秸秆禁烧"],
}

TITLE_PATTERNS = [
    ("通知", "关于印发《{county}{subject}工作方案》的通知"),
    ("通知", "关于做好{year}年{subject}工作的通知"),
    ("意见", "关于进一步加强{subject}的实施意见"),
    ("办法", "{county}{subject}管理办法"),
    ("公告", "关于{subject}有关事项的公告"),
    ("通告", "关于{subject}的通告"),
    ("报告", "{agency}{year}年{subject}工作情况报告"),
    ("方案", "{county}{subject}三年行动方案（{year}—{year2}年）"),
    ("规定", "{county}{subject}若干规定"),
    ("决定", "关于表彰{year}年度{subject}先进集体和先进个人的决定"),
]

FIXED_ITEMS = [
    ("报告", "{agency}{year}年政府信息公开工作年度报告", "1502"),
    ("其他", "{agency}{year}年部门预算公开", "0701"),
    ("其他", "{agency}{year}年部门决算公开", "0702"),
    ("其他", "{agency}{year}年“三公”经费预算情况说明", "0703"),
]

PARAGRAPHS = [
    "为深入贯彻落实上级决策部署，切实做好{subject}工作，结合我县实际，现就有关事项通知如下。",
    "各单位要提高思想认识，把{subject}列入重要议事日程，主要负责同志亲自抓，分管负责同志具体抓，确保各项措施落到实处。",
    "坚持以人民为中心的发展思想，围绕群众关心关注的热点难点问题，着力补短板、强弱项，不断提升{subject}工作水平。",
    "{agency}负责统筹协调，各乡镇（街道）和县直有关部门按照职责分工，密切配合，形成工作合力。",
    "建立工作台账，实行清单化管理，对发现的问题限期整改，整改情况于每月底前报送{agency}。",
    "加强政策宣传解读，通过政府网站、政务新媒体等渠道及时公开工作进展，主动回应社会关切。",
    "本{genre}自印发之日起施行，有效期五年。此前有关规定与本{genre}不一致的，以本{genre}为准。",
    "联系人及电话：{agency}办公室，0{area}-{phone}。",
]

ANNOUNCEMENTS = [
    ("notice", "关于{last_year}年度政府信息公开工作年度报告发布的公告"),
    ("notice", "关于开展{subject}专项检查的公告"),
    ("notice", "{county}{year}年公开招聘事业单位工作人员公告"),
    ("notice", "关于{subject}征求意见的公告"),
    ("news", "{agency}召开{subject}推进会"),
    ("news", "{agency}赴基层调研{subject}工作"),
    ("news", "{county}{subject}工作取得阶段性成效"),
]


def title_for(rng, kind, agency, year):
    genre, pattern = rng.choice(TITLE_PATTERNS)
    subject = rng.choice(SUBJECTS[kind])
    return genre, subject, pattern.format(county=COUNTY, subject=subject, year=year, year2=year + 2, agency=agency)


def body_for(rng, agency, subject, genre):
    count = rng.randint(3, 6)
    chosen = rng.sample(PARAGRAPHS[:-1], count - 1) + [PARAGRAPHS[-1]]
    text = [
        p.format(
            subject=subject, agency=agency, genre=genre, area=rng.randint(310, 319), phone=rng.randint(2000000, 8999999)
        )
        for p in chosen
    ]
    return "".join(f"<p>{t}</p>" for t in text)


def summary_for(subject, genre):
    return (
        f"就{subject}作出部署，明确工作目标、主要任务和保障措施。"[:100]
        if genre != "报告"
        else f"报告{subject}工作开展情况、主要成效及下一步打算。"
    )


def announcement_for(rng, agency, year):
    category, pattern = rng.choice(ANNOUNCEMENTS)
    kind = rng.choice(list(SUBJECTS))
    subject = rng.choice(SUBJECTS[kind])
    return (
        category,
        pattern.format(county=COUNTY, subject=subject, year=year, last_year=year - 1, agency=agency),
        subject,
    )


# Drafts waiting in the education bureau's review chain (title, body, already past 科室初审).
REVIEW_EXAMPLES = [
    (
        f"关于{COUNTY}2026年秋季学期义务教育学校作息时间调整的通知",
        "<p>各中小学校：</p><p>根据秋冬季节变化，自11月起各校作息时间统一调整，具体安排见附表。</p>",
        False,
    ),
    (
        f"关于{COUNTY}2026年度家庭经济困难学生资助对象的公示",
        "<p>经学校初审、县教育局复核，拟确定以下学生为本年度资助对象，现予公示。</p>"
        "<p>咨询联系人：周老师，联系电话13905780000。</p>"
        "<p>受助学生：吴某某，身份证号332522201105060013，拟资助金额2000元。</p>",
        True,
    ),
]

REVIEW_SENSITIVE_WORDS = [
    ("拆迁补偿", "涉及群众切身利益，发布前核对口径"),
    ("内部掌握", "内部工作口径，不宜公开"),
    ("征地", "涉及土地征收，需核对审批文件"),
]
