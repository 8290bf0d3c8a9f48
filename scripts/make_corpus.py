#!/usr/bin/env python3
"""Write N synthetic newspaper pages for scale tests and benchmarks (never for quality).

    python scripts/make_corpus.py 1000 --out /tmp/corpus [--seed 1]

Pages imitate the PDF text layers of city dailies: headlines with doubled
runs (调研调研), body text broken into short lines (sometimes with a stray
blank line mid-sentence), 本报讯（记者 …）bylines split over lines, photo
credits and （下转第X版） marks. Every name (cities, districts, people,
companies, policies) is made up from syllable pools at random; the same
--seed gives the same files byte for byte. Files are named
YYYY-MM-DD-<city>-pNN.txt (eight pages a day) so dates come from the name.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import re
from pathlib import Path

SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦许何吕施张孔曹严华金魏陶姜谢邹喻柏窦章苏潘葛范彭鲁韦马苗方俞任袁柳鲍史唐薛雷贺倪汤殷罗毕郝邬安常乐于傅齐康伍余顾孟平黄穆萧尹"
GIVEN = "安宁远明思嘉禾青云泽景昊辰逸清和晓岚峰涛雯静怡舒涵书航杰睿宇欣悦泉松竹柏溪澜瀚墨轩宸朗铭琛越"
PLACE = "青岚禾丰澄溪云栖临泓沐阳北沅南滢东朔西澜苍梧望川银湖金岭翠屏玉泉石渠白鹭赤城灵泽"
INDUSTRY = ["新材料", "智能装备", "生物医药", "新能源", "电子信息", "食品", "精密制造", "数字科技", "环保科技", "现代物流"]
TOPICS = ["重点项目建设", "乡村振兴", "安全生产", "生态环境保护", "营商环境优化", "城市更新", "民生实事", "招商引资", "防汛抗旱", "文明城市创建"]
CAMPAIGNS = ["项目攻坚年", "营商环境提升年", "作风建设年", "城市品质提升", "工业强市三年攻坚"]
OFFICES = ["市委书记", "市长", "市委副书记", "常务副市长", "副市长", "市人大常委会主任", "市政协主席"]
VERBS = ["调研", "督导检查", "实地察看", "走访调研"]
PHRASES = [
    "要坚持问题导向，聚焦短板弱项，拿出过硬举措，推动各项任务落地见效。",
    "各级各部门要强化责任担当，主动靠前服务，帮助企业解决实际困难。",
    "要倒排工期、挂图作战，在确保安全和质量的前提下加快建设进度。",
    "要坚持系统谋划、统筹推进，以钉钉子精神抓好工作落实。",
    "企业负责人介绍，今年以来订单充足，生产经营保持平稳增长。",
    "全市上下要切实增强紧迫感和责任感，确保完成全年目标任务。",
]


class Names:
    """Invented names, drawn from syllable pools with one random generator."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.city = self.place() + "市"
        self.districts = sorted({self.place() + self.rng.choice("区县") for _ in range(6)})
        self.people = sorted({self.person() for _ in range(40)})
        self.companies = sorted({self.company() for _ in range(30)})

    def place(self) -> str:
        return "".join(self.rng.sample(PLACE, 2))

    def person(self) -> str:
        return self.rng.choice(SURNAMES) + "".join(self.rng.sample(GIVEN, self.rng.choice((1, 2))))

    def company(self) -> str:
        return f"{self.city[:2]}{self.place()}{self.rng.choice(INDUSTRY)}有限公司"


def double_runs(headline: str) -> str:
    """The PDF artefact of bold headlines: every run of one script printed twice."""
    return "".join(m[0] * 2 for m in re.finditer(r"[\u4e00-\u9fff]+|\d+|[^\u4e00-\u9fff\d]+", headline))


def wrap(text: str, rng: random.Random) -> str:
    """Break text into short lines like a narrow column, now and then with a blank line."""
    width = rng.randint(13, 17)
    lines = [text[i:i + width] for i in range(0, len(text), width)]
    out = []
    for line in lines:
        out.append(line)
        if rng.random() < 0.04:
            out.append("")
    return "\n".join(out)


def byline(rng: random.Random, n: Names) -> str:
    reporter = rng.choice(n.people)
    if rng.random() < 0.5:
        return f"本报讯（记者 {reporter} 通讯员\n {rng.choice(n.people)}）"
    return f"本报讯（记者 {reporter}）"


def visit_article(rng, n: Names, day: dt.date) -> tuple[str, str]:
    leader, host, company = rng.choice(n.people), rng.choice(n.people), rng.choice(n.companies)
    d1, d2 = rng.sample(n.districts, 2)
    office, verb, topic = rng.choice(OFFICES), rng.choice(VERBS), rng.choice(TOPICS)
    headline = f"{leader}到{d1}{d2}{verb}{topic}工作"
    body = (f"{day.month}月{day.day}日，{office}{leader}到{d1}、{d2}{verb}{topic}工作。"
            f"副市长{rng.choice(n.people)}参加。\n\n在{d1}，{leader}来到{company}，"
            f"详细了解企业生产经营和项目建设情况。{d1}委书记{host}陪同。{more(rng)}"
            f"\n\n随后，{leader}来到位于{d2}的{rng.choice(n.companies)}，{rng.choice(PHRASES)}"
            f"{leader}强调，{rng.choice(PHRASES)}")
    return headline, body


def policy_article(rng, n: Names, day: dt.date) -> tuple[str, str]:
    topic = rng.choice(TOPICS)
    title = f"{n.city}{topic}三年行动方案（{day.year}—{day.year + 2}年）"
    headline = f"市政府办公室印发《{title}》"
    body = (f"近日，市政府办公室印发《{title}》（以下简称《方案》），"
            f"提出到{day.year + 2}年，全市{topic}水平显著提升。\n\n《方案》明确，将在"
            f"{'、'.join(rng.sample(n.districts, 3))}开展试点，{more(rng)}"
            f"\n\n《方案》要求，{rng.choice(PHRASES)}{rng.choice(PHRASES)}")
    return headline, body


def meeting_article(rng, n: Names, day: dt.date) -> tuple[str, str]:
    chair, campaign = rng.choice(n.people), rng.choice(CAMPAIGNS)
    headline = f"市政府召开常务会议 研究部署“{campaign}”活动"
    body = (f"{day.month}月{day.day}日，市政府召开常务会议，市长{chair}主持会议。"
            f"会议听取了“{campaign}”活动推进情况汇报。{more(rng)}"
            f"\n\n会议指出，{rng.choice(PHRASES)}{rng.choice(PHRASES)}"
            f"\n\n副市长{rng.choice(n.people)}、{rng.choice(n.people)}出席会议。")
    return headline, body


def enterprise_article(rng, n: Names, day: dt.date) -> tuple[str, str]:
    company, parent = rng.choice(n.companies), f"{n.place()}集团"
    headline = f"{company}新项目投产"
    body = (f"{day.month}月{day.day}日，{parent}旗下的{company}年产{rng.randint(2, 30)}万吨"
            f"{rng.choice(INDUSTRY)}项目正式投产。该公司位于{rng.choice(n.districts)}，"
            f"总经理{rng.choice(n.people)}介绍，项目达产后可实现年产值{rng.randint(3, 60)}亿元。"
            f"\n\n{more(rng)}")
    return headline, body


def more(rng: random.Random) -> str:
    """A few sentences of boilerplate, as real reports have."""
    return "".join(rng.sample(PHRASES, rng.randint(2, 4)))


KINDS = (visit_article, policy_article, meeting_article, enterprise_article)


def make_page(rng: random.Random, n: Names, day: dt.date, page_no: int) -> str:
    """One page: a few articles, each with a doubled headline and a wrapped body."""
    parts = [f"  {rng.choice(['奋进新征程', '高质量发展', '聚焦项目建设'])} 建功新时代", ""]
    for _ in range(rng.randint(4, 7)):
        headline, body = rng.choice(KINDS)(rng, n, day)
        parts.append(double_runs(headline) if rng.random() < 0.8 else headline)
        parts.append("")
        paras = body.split("\n\n")
        text = byline(rng, n) + "\n\n".join(wrap(p, rng) for p in paras)
        if rng.random() < 0.25:
            text += f" （下转第{rng.choice('二三四五六七八')}版）"
        parts.append(text)
        if rng.random() < 0.2:
            parts += ["", f"{rng.choice(n.people)} {rng.choice(n.people)} 摄"]
        parts.append("")
    return "\n".join(parts) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, help="number of pages")
    ap.add_argument("--out", required=True, help="folder to write the pages into")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--start", default="2020-01-01", help="date of the first pages")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    names = Names(rng)
    slug = "city" + str(args.seed)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    day = dt.date.fromisoformat(args.start)
    for i in range(args.n):
        page_no = i % 8 + 1
        if i and page_no == 1:
            day += dt.timedelta(days=1)
        path = out / f"{day.isoformat()}-{slug}-p{page_no:02d}.txt"
        path.write_text(make_page(rng, names, day, page_no), encoding="utf-8")
    print(f"make_corpus: {args.n} pages ({names.city}) -> {out}")


if __name__ == "__main__":
    main()
