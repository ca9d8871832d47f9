"""Demo online interviews, one in every state: upcoming, moved, live, ended with 补录, cancelled."""

import datetime

from django.utils import timezone

from online_interview.follow_ups.scheduling import create_follow_ups
from online_interview.models import InterviewGuest, InterviewIndexPage, InterviewPage
from online_interview.questions.moderation import approve, reject
from online_interview.questions.submission import submit_question
from online_interview.transcript.posting import post_entry, release

# key: (title, summary, days from now, start hour (None: started just now), guests)
SESSIONS = {
    "upcoming": (
        "县教育局负责人谈秋季学期课后服务",
        "课后服务怎么收费、延时到几点、能否自愿参加？县教育局负责人将在线解答家长关心的问题。",
        6,
        15,
        [("沈立群", "局长", "县教育局"), ("许向阳", "基础教育科科长", "县教育局")],
    ),
    "moved": (
        "县卫健局负责人谈家庭医生签约服务",
        "签约家庭医生有哪些服务、费用如何结算、怎样续约，县卫健局负责人与网友在线交流。",
        9,
        10,
        [("何晓岚", "副局长", "县卫健局")],
    ),
    "live": (
        "县自来水公司负责人谈城区供水管网改造",
        "城区老旧供水管网改造期间的停水安排、水压和水质问题，县自来水公司负责人在线答疑。",
        0,
        None,
        [("钱永福", "总经理", "县自来水公司"), ("郑一鸣", "管网所所长", "县自来水公司")],
    ),
    "ended": (
        "城关镇负责人谈老旧小区加装电梯",
        "加装电梯的申请条件、补助标准和办理流程，城关镇负责人在线解读。",
        -12,
        9,
        [("方德胜", "镇长", "城关镇人民政府")],
    ),
    "cancelled": (
        "县人民医院负责人谈门诊预约挂号",
        "门诊预约挂号的渠道与规则，县人民医院负责人在线答疑。",
        4,
        14,
        [("蒋春华", "副院长", "县人民医院")],
    ),
}


def _moment(days, hour):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


def _session(column, key, hosts, publish):
    title, summary, days, hour, guests = SESSIONS[key]
    start = timezone.now() - datetime.timedelta(minutes=25) if hour is None else _moment(days, hour)
    page = InterviewPage(
        title=title,
        slug=f"interview-{key}",
        summary=summary,
        start_at=start,
        end_at=start + datetime.timedelta(minutes=90),
        host="县融媒体中心 林晓",
        location="县融媒体中心第一演播室" if key != "live" else "县自来水公司会议室",
        live=False,
    )
    page.guests = [InterviewGuest(name=name, post=post, agency=agency) for name, post, agency in guests]
    column.add_child(instance=page)
    page.hosting_agencies.set(hosts)
    publish(page)
    return InterviewPage.objects.get(pk=page.pk)


def build_interviews(government, hosts, users, publish):
    """``hosts`` maps session keys to their hosting agency; ``users`` are the demo staff by role."""
    editor, leader = users["editor"], users["leader"]
    column = publish(
        government.add_child(
            instance=InterviewIndexPage(
                title="在线访谈", slug="interviews", intro="<p>部门负责人做客政府网站，与网友在线交流。</p>"
            )
        )
    )
    sessions = {key: _session(column, key, [hosts[key]], publish) for key in SESSIONS}

    upcoming = sessions["upcoming"]
    kept = submit_question(upcoming, nickname="家长小陈", text="课后服务结束后还有没有托管？")
    approve(kept.question, editor)
    submit_question(upcoming, nickname="三年级家长", text="课后服务能不能按天选择参加？")

    moved = sessions["moved"]
    moved.start_at += datetime.timedelta(days=2)
    moved.end_at += datetime.timedelta(days=2)
    moved.change_note = "因嘉宾参加全省会议，访谈时间调整。"
    publish(moved)

    cancelled = sessions["cancelled"]
    cancelled.cancelled = True
    cancelled.change_note = "因医院信息系统升级，本期访谈取消，另行安排。"
    publish(cancelled)

    live = sessions["live"]
    live.hold_guest_answers = True
    publish(live)
    guest = live.guests.first()
    post_entry(live, editor, speaker="host", text="各位网友上午好，欢迎收看本期在线访谈。")
    asked = submit_question(live, nickname="东门街道居民", text="管网改造期间会停水几天？").question
    approve(asked, editor)
    answer = post_entry(
        live, editor, speaker="guest", guest=guest, text="每个片区停水不超过一天，提前三天公告。", question=asked
    )
    release(answer, leader)
    waiting = submit_question(live, nickname="老城区住户", text="改造后水压会提高吗？").question
    approve(waiting, editor)
    post_entry(live, editor, speaker="guest", guest=guest, text="改造后高峰时段水压将明显改善。", question=waiting)
    submit_question(live, nickname="网友", text="停水期间有没有送水服务？")
    reject(submit_question(live, nickname="推广", text="低价代办各类证件").question, editor)

    ended = sessions["ended"]
    during = ended.start_at + datetime.timedelta(minutes=20)
    post_entry(ended, editor, speaker="host", text="欢迎方镇长做客在线访谈。", now=during)
    for nickname, text, answer_text in [
        ("和平小区住户", "加装电梯需要多少比例的业主同意？", "需经本单元三分之二以上业主同意。"),
        ("退休教师", "加装电梯有没有补助？", "每台电梯补助二十万元，由县镇两级分担。"),
    ]:
        question = submit_question(ended, nickname=nickname, text=text, now=during).question
        approve(question, editor)
        post_entry(
            ended, editor, speaker="guest", guest=ended.guests.first(), text=answer_text, question=question, now=during
        )
    later = [
        submit_question(ended, nickname="一楼住户", text="低层住户的采光影响怎么补偿？", now=during).question,
        submit_question(ended, nickname="物业经理", text="电梯建成后由谁维保？", now=during).question,
    ]
    for question in later:
        approve(question, editor)
    create_follow_ups(ended, ended.end_at)
    post_entry(
        ended,
        editor,
        speaker="guest",
        guest=ended.guests.first(),
        text="由加装电梯的业主协商补偿方案，镇司法所可以提供调解。",
        question=later[0],
    )
    return sessions
