"""The suite's own multi-year corpus: two city papers over four years, every name invented.

保定市's paper and 廊坊市's (real areas, general knowledge; the people are made up):

- 李青山: 副市长 (2020), 代理市长 (2021-03), 市长 (2022-05 .. 2023-02), 市委书记 (2023-06);
  named 原市长 in 2023-09, which does not extend the office; 赵明远 follows him as 市长;
- 吴海: appointed 副市长 by the congress (2021-07), 免去 (2023-03);
- 陈立: 涞水县委书记 (2020), then 副市长 of the city around the county (2022): one person;
- 王志刚: 涞水县县长 in 保定市's paper and 固安县县长 in 廊坊市's: two people, two counties;
- 孙建: 副市长 in 2020, then only 原副市长 (retired): the office ends where the pages stop showing it.

:func:`write_years` writes them under ROOT/<outlet>/<date>-01.txt; :data:`HOMES` gives each outlet's
home area (``kg build --home``).
"""
from __future__ import annotations

from pathlib import Path

from cli_helpers import run_kg

HOMES = {"baoding": "保定市", "langfang": "廊坊市"}

PAGES = {
    "baoding": {
        "2020-01-10": "本报讯 1月9日，副市长李青山到涞水县调研。副市长孙建陪同。",
        "2020-04-02": "本报讯 4月1日，涞水县委书记陈立到永阳镇调研农业生产。",
        "2021-03-02": "本报讯 3月1日，代理市长李青山到定兴县调研。",
        "2021-05-01": "本报讯 4月30日，涞水县县长王志刚到永阳镇督导安全生产工作。",
        "2021-07-01": "本报讯 6月30日，保定市人大常委会召开会议，决定任命吴海为保定市副市长。",
        "2022-05-06": "本报讯 5月5日，市长李青山到涞水县调研。副市长吴海陪同。",
        "2022-06-01": "本报讯 5月31日，副市长陈立到涞水县调研。",
        "2022-09-01": "本报讯 8月31日，原副市长孙建出席座谈会。",
        "2023-02-01": "本报讯 1月31日，市长李青山到定兴县督导。",
        "2023-03-01": "本报讯 2月28日，保定市人大常委会召开会议，决定免去吴海的保定市副市长职务。",
        "2023-06-01": "本报讯 5月30日，市委书记李青山到涞水县调研。",
        "2023-09-01": "本报讯 8月30日，市长赵明远到定兴县调研。原市长李青山出席。",
    },
    "langfang": {
        "2021-04-01": "本报讯 3月31日，固安县县长王志刚到柳泉镇调研。",
        "2022-04-01": "本报讯 3月31日，市长周文到固安县调研。固安县县长王志刚陪同。",
    },
}


def write_years(root: Path, years: tuple[str, ...] | None = None) -> dict[str, list[Path]]:
    """Write the pages (of the given years only, if given); return each outlet's files."""
    out: dict[str, list[Path]] = {}
    for outlet, pages in PAGES.items():
        folder = root / outlet
        folder.mkdir(parents=True, exist_ok=True)
        for date, text in pages.items():
            if years is None or date[:4] in years:
                path = folder / f"{date}-01.txt"
                path.write_text(text + "\n", encoding="utf-8")
                out.setdefault(outlet, []).append(path)
    return out


def build_years(root: Path, years: tuple[str, ...] | None = None) -> Path:
    """Write the pages of `years` under root/corpus and build them, outlet by outlet, into root/graph."""
    for outlet, files in write_years(root / "corpus", years).items():
        res = run_kg("build", *files, "--home", HOMES[outlet], "--out", root / "graph", "--no-html")
        assert res.returncode == 0, res.stderr.decode()
    return root / "graph"
