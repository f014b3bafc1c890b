#!/usr/bin/env python3
"""Writes the committed seed corpus under Fuzz/corpus/<target>: the sample register, the test
fixtures, and one small input per crash or silent loss fixed for issue 16 (the regression
inputs the tests generate too). Run from the repository root; deterministic. Files named fuzz-*
are inputs the fuzzers found (crashes since fixed), committed as found; this script leaves them."""
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
