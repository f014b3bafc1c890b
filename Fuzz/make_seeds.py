#!/usr/bin/env python3
"""Writes the committed seed corpus under Fuzz/corpus/<target>: the sample register, the test
fixtures, the shipped report definitions and programmes files, command lines of every command,
and one small input per crash or silent loss fixed for issue 16 (the regression inputs the
tests generate too). Run from the repository root; deterministic. Files named fuzz-*
are inputs the fuzzers found (crashes since fixed), committed as found; files named by a SHA-1
are inputs of long runs that added coverage (libFuzzer -merge=1); this script leaves both."""
import io, os, shutil, zipfile

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
corpus = os.path.join(root, "Fuzz", "corpus")
fixtures = os.path.join(root, "Tests", "BriefModelTests", "Fixtures")
HEADER = "recipient,programme,year,region_code,note\n"

def put(target, name, data):
    d = os.path.join(corpus, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))

def sample_head(n):
    with open(os.path.join(root, "Reports", "sample", "awards.csv"), encoding="utf-8") as f:
        return "".join(f.readlines()[:n])

# CSV
put("csv", "sample-head.csv", sample_head(40))
for name in sorted(os.listdir(fixtures)):
    if name.endswith(".csv"):
        shutil.copy(os.path.join(fixtures, name), os.path.join(corpus, "csv", name))
put("csv", "stray-quote.csv", HEADER + '甲公司,中国质量奖,2020,320500,"说明\n乙公司,中国质量奖,2021,320500,\n丙公司,中国质量奖,2021,320200,"\n丁公司,中国质量奖,2022,320100,\n')
put("csv", "year-fraction.csv", HEADER + "甲公司,中国质量奖,2020.5,320500,\n")
put("csv", "newline-value.csv", HEADER + '"甲\n公司",中国质量奖,二〇二〇,320500,\n')
put("csv", "no-region.csv", "recipient,programme,year\n甲公司,中国质量奖,2020\n")
put("csv", "gbk-bad-byte.csv", "recipient,programme,year,region_code\n".encode() + "甲公司,中国质量奖,2020,".encode("gbk") + b"\x80\xff\n")
put("csv", "title-rows.csv", "江苏省质量奖获奖名单\n\n" + HEADER + "甲公司,中国质量奖,2020,320500,\n")

# JSON
put("json", "array.json", '[{"recipient": "甲公司", "programme": "中国质量奖", "year": 2020, "region_code": "320500"},\n {"recipient": "乙公司", "programme": "cqa", "year": "2021", "region_code": 320200}]\n')
put("json", "records.json", '{"records": [{"recipient": "甲", "programme": "cqa", "year": 2021, "地区": "苏州", "note": "x\\ny"}]}')
put("json", "duplicate-year.json", '[{"recipient": "甲", "programme": "cqa", "year": 2020, "year": 2021, "region_code": "320500"}]')
put("json", "duplicate-records.json", '{"records": [{"recipient": "甲", "programme": "cqa", "year": 2020}], "records": []}')
put("json", "region-disagree.json", '[{"recipient": "甲", "programme": "cqa", "year": 2020, "region_code": "320500", "地区": "南京市"}]')
put("json", "nul-name.json", '[{"recipient": "甲\\u0000乙", "programme": "cqa", "year": 2020}]')
put("json", "deep.json", "[" * 200 + "]" * 200)
put("json", "year-fraction.json", '[{"recipient": "甲", "programme": "cqa", "year": 2020.5, "region_code": "320500"}]')

# XLSX (whole files) and worksheet XML (target "sheet": sheet, NUL, shared strings)
for name in sorted(os.listdir(fixtures)):
    if name.endswith(".xlsx"):
        os.makedirs(os.path.join(corpus, "xlsx"), exist_ok=True)
        shutil.copy(os.path.join(fixtures, name), os.path.join(corpus, "xlsx", name))
with zipfile.ZipFile(os.path.join(fixtures, "register.xlsx")) as z:
    sheet = z.read("xl/worksheets/sheet1.xml")
    strings = z.read("xl/sharedStrings.xml") if "xl/sharedStrings.xml" in z.namelist() else b""
put("sheet", "register.xml", sheet + b"\0" + strings)
SST = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>recipient</t></si><si><t>programme</t></si><si><t>year</t></si><si><t>\xe7\x94\xb2\xe5\x85\xac\xe5\x8f\xb8</t></si></sst>'
def row(r, cells):
    return b'<row r="%s">' % r + cells + b"</row>"
HEAD = row(b"1", b'<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>')
def sheetxml(rows):
    return b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + HEAD + rows + b"</sheetData></worksheet>"
put("sheet", "row-max.xml", sheetxml(row(b"2147483647", b'<c r="A2" t="s"><v>3</v></c><c r="B2" t="inlineStr"><is><t>cqa</t></is></c><c r="C2"><v>2020</v></c>')) + b"\0" + SST)
put("sheet", "processing-instruction.xml", sheetxml(row(b"2", b'<c r="A2" t="inlineStr"><is><t>a<?pi x?>b</t></is></c><c r="B2"><v><?x?>1</v></c>')) + b"\0" + SST)
put("sheet", "xfd-columns.xml", sheetxml(row(b"2", b'<c r="XFD2"><v>1</v></c>') + row(b"3", b'<c r="XFC3"><v>1</v></c>')) + b"\0" + SST)
put("sheet", "bad-utf8-name.xml", sheetxml(row(b"2", b'<c\xff r="A2"><v>1</v></c>')) + b"\0" + SST)
put("sheet", "entity.xml", b'<!DOCTYPE x [<!ENTITY a "aaaa">]>' + sheetxml(b"") + b"\0" + SST)

# --per denominator files
put("per", "denominators.csv", "code,enterprises\n320500,125000\n320100,98000\n320200,\"76,500\"\n")
put("per", "nan.csv", "code,value\n320500,NaN\n320100,inf\n320200,-5\n320300,1e400\n")

# Report definitions and --programmes files (target "yaml"): the shipped ones and one per
# definition problem fixed for issue 16.
for folder, prefix in (("Reports/templates", "templates-"), ("Reports/sample", "sample-"), ("Reports", "")):
    for name in sorted(os.listdir(os.path.join(root, folder))):
        if name.endswith(".yaml"):
            with open(os.path.join(root, folder, name), "rb") as f:
                put("yaml", prefix + name, f.read())
BASE = "name: 质量工作简报\nissue: 3\nunit: 某市市场监督管理局\ndate: 2024-12-20\ntitle: 质量奖获奖情况分析\nsource: 质量奖获奖名录\nsections: [summary, region]\ndistribution: []\n"
MEMO = "layout: memo\nmemo:\n  issuer_mark: 某市市场监督管理局文件\n  document_number: 某市监〔2024〕7号\n  title: 关于印发的通知\n  recipients: 各区市场监督管理局\n  signature: 某市市场监督管理局\n  body: [现将分析印发给你们。]\n"
for name, extra in [("recipient-limit", "recipient_limit: -1\n"), ("print-run", "print_run: -1\n"),
                    ("issue-max", "print_run: 9223372036854775807\n"), ("title-nul", 'notice: "示\\0例"\n'),
                    ("title-long", "classification: " + "密" * 300 + "\n"), ("home-province", "home_province: 浙江省\n"),
                    ("draft", "draft: true\nprint_run: 200\nrecipient_limit: 10\n")]:
    put("yaml", name + ".yaml", BASE + extra)
put("yaml", "date-invalid.yaml", BASE.replace("2024-12-20", "2024-02-30"))
put("yaml", "date-today.yaml", BASE.replace("2024-12-20", "today"))
put("yaml", "duplicate-key.yaml", BASE + "issue: 4\n")
put("yaml", "print-run-fraction.yaml", BASE + "print_run: 1.5\n")
put("yaml", "flow-deep.yaml", BASE.replace("distribution: []", "distribution: " + "[" * 40 + "]" * 40))
put("yaml", "block-deep.yaml", BASE + "".join("  " * i + "k%d:\n" % i for i in range(40)))
put("yaml", "broken.yaml", BASE.replace("sections: [summary, region]", "sections: [summary, region"))
put("yaml", "memo.yaml", BASE + MEMO)
put("yaml", "memo-mark-size.yaml", BASE + MEMO + "  mark_size: 1e9\n  red_rule_width: .nan\n  red: '#C00000'\n")
put("yaml", "memo-year.yaml", BASE + MEMO.replace("〔2024〕", "〔2023〕") + "  date: 2024-12-21\n  copy_number: '000001'\n")
put("yaml", "programmes-bad-level.yaml", "programmes:\n  - id: x\n    name: 某奖\n    level: galactic\n")

# Command lines (target "options"): arguments separated by NUL bytes, validated as qbrief does.
DATA = ["--data", "Reports/sample/awards.csv"]
for name, args in [
    ("report", ["report"] + DATA + ["--out", "/tmp/qbrief-fuzz.pdf", "--unit", "某局", "--date", "2024-12-20", "--issue", "13"]),
    ("report-limit", ["report"] + DATA + ["--out", "b.pdf", "--recipient-limit=-1"]),
    ("report-png", ["report"] + DATA + ["--out", "p.png", "--format", "png", "--dpi", "300", "--from", "2016", "--to", "2024"]),
    ("report-format", ["report"] + DATA + ["--out", "x.pdf", "--format", "svg", "--title", "质量\n奖", "--name", "简报"]),
    ("report-stdout", ["report"] + DATA + ["--out", "-", "--pdfa", "--layout", "memo", "--template", "Reports/templates/memo.yaml", "--draft"]),
    ("report-empty", ["report"] + DATA + ["--out", "", "--date", "2023-02-29", "--issue", "9223372036854775807"]),
    ("report-home", ["report"] + DATA + ["--out", "b.docx", "--home-province", "浙江省", "--programmes", "Reports/programmes-zhejiang.yaml", "--programme", "cqa", "--region", "苏州", "--level", "award"]),
    ("stats-from", ["stats"] + DATA + ["--by", "region", "--from", "9223372036854775807"]),
    ("stats-per", ["stats"] + DATA + ["--by", "region", "--per", "Fuzz/corpus/per/denominators.csv", "--per-unit", "1e300"]),
    ("stats-compare", ["stats"] + DATA + ["--by", "region", "--compare", "2021-2024:2017-2020", "--format", "csv", "--excel"]),
    ("stats-growth", ["stats"] + DATA + ["--by", "year", "--growth", "--measure", "recipients"]),
    ("stats-top", ["stats"] + DATA + ["--by", "region", "--concentration", "--top", "3", "--sector", "C", "--type", "organization", "--in", "320500"]),
    ("stats-cross", ["stats"] + DATA + ["--by", "county,class", "--format", "json", "--columns", "单位=recipient,届次=year", "--encoding", "gbk", "--sheet", "2024年"]),
    ("validate", ["validate"] + DATA + ["--strict", "--format", "json", "--suggest"]),
    ("fix", ["fix"] + DATA + ["--out", "Reports/sample/awards.csv"]),
    ("fix-device", ["fix"] + DATA + ["--out", "/dev/full"]),
    ("paths", ["stats"] + DATA + ["--by", "region", "--per", "/dev/zero", "--programmes", "Reports", "--columns", "no-such.txt"]),
    ("fonts-dir", ["fonts", "--fonts-dir", "Reports/sample/awards.csv", "--check", "--data", "/dev/zero"]),
    ("fonts", ["fonts", "--fonts-dir", "/nonexistent"]),
    ("fonts-check", ["fonts", "--check", "--data", "Reports/sample/awards.csv", "--fonts-dir", "Fonts"]),
    ("demo", ["demo", "--format", "png", "--dpi", "10", "--showcase"]),
    ("help", ["report", "--help"]),
]:
    put("options", name, b"\0".join(a.encode("utf-8") for a in args))
