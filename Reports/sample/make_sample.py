#!/usr/bin/env python3
"""Writes Reports/sample/awards.csv, QualityBrief's sample register (示例数据).

What it is, honestly:
* Six real organizations that spoke at the Jiangsu quality-award symposium appear by name,
  with their real city and an industry sector chosen from their public business; the award,
  level and year attached to them here are ILLUSTRATIVE, not a statement of fact.
* Every other row is generated: fictional names, random years, programmes, sectors and
  regions over Jiangsu's 13 prefecture-level cities (some rows give a county-level code,
  which QualityBrief rolls up into its city). Credit codes are built with a valid GB 32100
  check character but belong to nobody.

The output is deterministic (seeded): `python3 Reports/sample/make_sample.py` rewrites the
same bytes.
"""
import csv
import os
import random

CITIES = [  # code, short name, weight, some county-level codes
    ("320100", "南京", 12, ["320115", "320113"]), ("320200", "无锡", 13, ["320281", "320282"]),
    ("320300", "徐州", 6, ["320382", "320381"]), ("320400", "常州", 10, ["320481", "320412"]),
    ("320500", "苏州", 20, ["320583", "320582", "320581", "320585"]),
    ("320600", "南通", 9, ["320681", "320685"]), ("320700", "连云港", 3, ["320707"]),
    ("320800", "淮安", 3, ["320804"]), ("320900", "盐城", 4, ["320981"]),
    ("321000", "扬州", 5, ["321081"]), ("321100", "镇江", 5, ["321181"]),
    ("321200", "泰州", 5, ["321282"]), ("321300", "宿迁", 2, ["321322"]),
]
SECTORS = [("A", 2), ("C", 56), ("D", 4), ("E", 6), ("F", 4), ("G", 5), ("I", 7), ("J", 2),
           ("K", 2), ("M", 6), ("N", 1), ("P", 1), ("Q", 3), ("R", 1)]
INDUSTRY = {
    "A": ["生态农业", "种业"], "C": ["精密机械", "电子", "新材料", "纺织", "特钢", "电气", "汽车零部件",
                               "光电", "医药", "装备制造", "轴承", "线缆", "智能装备", "半导体"],
    "D": ["能源", "燃气", "水务"], "E": ["建设", "建工", "路桥"], "F": ["商贸", "供应链"],
    "G": ["物流", "港务"], "I": ["软件", "信息技术", "数据"], "J": ["农村商业银行"],
    "K": ["物业管理", "置业"], "M": ["检测认证", "工程设计", "计量测试"], "N": ["环境治理"],
    "P": ["职业技术学院"], "Q": ["人民医院"], "R": ["文化传媒"],
}
NO_SUFFIX = {"农村商业银行", "职业技术学院", "人民医院"}
BRAND = list("恒瑞华通博远达新盛康泰鑫宏科晟德正信中天海润安丰源嘉隆昌永兴汇金联创建明光辉宇航星鼎峰众合卓越")
SURNAME = list("王李张刘陈杨黄赵吴周徐孙朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾")
GIVEN = list("伟芳敏静丽强磊军洋勇艳杰涛明超秀霞平刚英华建国文斌辉鹏宇浩凯晨琳")
USCC = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def credit_code(rng, area):
    body = "91" + area + "".join(USCC[int(rng.random() * 31)] for _ in range(9))
    s = sum(USCC.index(ch) * w for ch, w in zip(body, WEIGHTS))
    return body + USCC[(31 - s % 31) % 31]


def weighted(rng, items, weights):
    r = rng.random() * sum(weights)
    for it, w in zip(items, weights):
        r -= w
        if r < 0:
            return it
    return items[-1]


SYMPOSIUM = [  # real names and places; awards below are illustrative
    ("江苏阳光集团有限公司", "C17", "320281", "中国质量奖", "nomination", 2013),
    ("中国电子科技集团公司第十四研究所", "C39", "320100", "中国质量奖", "award", 2018),
    ("江苏永钢集团有限公司", "C31", "320582", "江苏省省长质量奖", "award", 2020),
    ("徐工集团工程机械有限公司", "C35", "320300", "中国质量奖", "award", 2016),
    ("苏州市东吴物业管理有限公司", "K70", "320500", "江苏省省长质量奖", "nomination", 2022),
    ("常州市公共交通集团有限责任公司", "G54", "320400", "江苏省省长质量奖", "award", 2024),
]
NOTE_REAL = "质量奖座谈会发言单位；奖项与年度为示例"


def main():
    rng = random.Random(20241220)
    rows = []
    for name, sector, region, prog, level, year in SYMPOSIUM:
        # No credit code: a made-up code must not stand beside a real organization's name.
        rows.append([name, "organization", prog, level, year, sector, region, "", NOTE_REAL])
    used = {r[0] for r in rows}
    cqa_years = [2013, 2016, 2018, 2021, 2024]
    prov_years = [2012, 2014, 2016, 2018, 2020, 2022, 2024]
    while len(rows) < 320:
        u = rng.random()
        if u < 0.05:
            prog, year = "中国质量奖", cqa_years[int(rng.random() * 5)]
        elif u < 0.25:
            year = prov_years[int(rng.random() * len(prov_years))]
            prog = "江苏省质量奖" if year <= 2014 else "江苏省省长质量奖"
        else:
            prog, year = "市长质量奖", 2012 + int(rng.random() * 13)
        level = "nomination" if rng.random() < (0.55 if prog != "市长质量奖" else 0.3) else "award"
        city = weighted(rng, CITIES, [c[2] for c in CITIES])
        region = city[0] if rng.random() < 0.75 else city[3][int(rng.random() * len(city[3]))]
        sector = weighted(rng, [s[0] for s in SECTORS], [s[1] for s in SECTORS])
        if rng.random() < 0.08 and prog != "市长质量奖":
            rtype = "individual"
            name = SURNAME[int(rng.random() * len(SURNAME))] + GIVEN[int(rng.random() * len(GIVEN))] \
                + (GIVEN[int(rng.random() * len(GIVEN))] if rng.random() < 0.6 else "")
            credit = ""
        else:
            rtype = "organization"
            ind = INDUSTRY[sector][int(rng.random() * len(INDUSTRY[sector]))]
            brand = BRAND[int(rng.random() * len(BRAND))] + BRAND[int(rng.random() * len(BRAND))]
            prefix = "江苏" if rng.random() < 0.4 else city[1]
            if ind in NO_SUFFIX:
                name = city[1] + brand + ind
            else:
                name = prefix + brand + ind + weighted(rng, ["有限公司", "股份有限公司", "集团有限公司"], [5, 3, 2])
            credit = credit_code(rng, city[0])
        if name in used:
            continue
        used.add(name)
        rows.append([name, rtype, prog, level, year, sector, region, credit, ""])
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "awards.csv")
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "recipient", "recipient_type", "programme", "level", "year",
                    "sector_code", "region_code", "credit_code", "note"])
        for i, r in enumerate(rows, 1):
            w.writerow([i] + r)
    print(f"wrote {out} ({len(rows)} records)")


if __name__ == "__main__":
    main()
