#!/usr/bin/env python3
"""Writes the register fixtures for BriefModelTests with tools nobody on the project wrote:
Python's csv module (GB18030, UTF-16, UTF-8 with BOM) openpyxl (XLSX with inline strings) and
XlsxWriter (XLSX with shared strings and rich-text runs, as Excel itself writes). The
generated files are committed; run `python3 make_fixtures.py` in this directory to regenerate
them (needs `pip install openpyxl xlsxwriter`). Each file's expected records and diagnostics are asserted in
FixtureTests.swift, so change both together."""
import csv
import datetime
import io
import os
import zipfile

import openpyxl
import xlsxwriter

HERE = os.path.dirname(os.path.abspath(__file__))

# A messy register as it comes out of Excel on Chinese Windows: Chinese headers, a title row,
# full-width digits, mixed parentheses, traditional characters, U+3000, county names, codes
# with names, an unknown column (联系人), blank sector and region.
HEADER = ["序号", "获奖单位", "奖项", "等次", "年度", "所属行业", "所在地区", "统一社会信用代码", "联系人", "备注"]
ROWS = [
    ["1", "江苏甲科技有限公司", "中国质量奖", "获奖", "2021", "C35 专用设备制造业", "苏州市", "91320000100000000B", "张三", ""],
    ["2", "乙精密（昆山）有限公司\u3000", "江苏省省长质量奖提名奖", "", "２０２２", "C", "昆山市", "", "李四", "县级市归苏州"],
    ["3", "丙集团股份有限公司", "江苏省质量奖", "提名奖", "2014", "制造业", "蘇州", "", "", ""],
    ["4", "丁电力(南通)有限公司", "南通市市长质量奖", "获奖", "2019", "D44", "320611", "", "", "港闸区已撤销"],
    ["5", "戊医院", "江苏省省长质量奖", "获奖", "2020", "", "苏州工业园区", "", "", ""],
    ["6", "己软件有限公司", "中国质量奖提名奖", "", "2018", "I65", "鼓楼区", "", "", "鼓楼区有两个"],
    ["7", "庚物流有限公司", "江苏省省长质量奖", "获奖", "二〇二〇", "G", "南京", "", "", ""],
    ["8", "江苏甲科技有限责任公司", "江苏省省长质量奖", "获奖", "2021", "C35", "南京市鼓楼区", "", "", "同名不同形"],
    ["9", "江苏甲科技有限公司", "中国质量奖", "获奖", "2021", "C35", "苏州", "", "", "重复"],
    ["10", "辛食品有限公司", "江苏省省长质量奖", "获奖", "2023", "C14", "", "91320000100000000B", "", "信用代码与第1行相同"],
]
TITLE = ["江苏省质量奖项获奖名单（汇总）"]


def write_csv(name, encoding, rows, newline="\r\n"):
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator=newline)
    for r in rows:
        w.writerow(r)
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(buf.getvalue().encode(encoding))


def main():
    # 1. GB18030 (what "CSV (逗号分隔)" gives on Chinese Windows), CRLF, with a title row.
    write_csv("messy-gb18030.csv", "gb18030", [TITLE] + [HEADER] + ROWS)
    # 2. UTF-16 LE with BOM ("Unicode text" uses tabs, but registers saved through tools are CSV).
    write_csv("messy-utf16le.csv", "utf-16", [HEADER] + ROWS[:3], newline="\n")  # Python's utf-16 writes a LE BOM
    # 3. UTF-16 BE with BOM.
    with open(os.path.join(HERE, "messy-utf16be.csv"), "wb") as f:
        buf = io.StringIO(newline="")
        csv.writer(buf, lineterminator="\n").writerows([HEADER] + ROWS[:3])
        f.write(b"\xfe\xff" + buf.getvalue().encode("utf-16-be"))
    # 4. UTF-8 with BOM, RFC 4180 quoting: a comma and a newline inside quoted fields.
    write_csv("quoted-utf8bom.csv", "utf-8-sig", [
        ["recipient", "programme", "year", "region_code", "note"],
        ["壬公司, 南京分公司", "中国质量奖", "2021", "320100", "第一行\n第二行"],
        ['癸"质量"公司', "cqa", "2024", "320200", ""],
    ])

    # 5. XLSX: first sheet is a cover page; the register is on sheet "名单". Numbers for year
    # (2020 as a float), a real date in a date-formatted column mapped to year, inline strings.
    wb = openpyxl.Workbook()
    cover = wb.active
    cover.title = "说明"
    cover["A1"] = "本表为获奖名单，请看“名单”工作表"
    ws = wb.create_sheet("名单")
    ws.append(TITLE)
    ws.append(["获奖组织", "奖项名称", "等次", "获奖年度", "行业代码", "设区市", "统一社会信用代码"])
    ws.append(["江苏甲科技有限公司", "中国质量奖", "获奖", 2021.0, "C35", "苏州市", "91320000100000000B"])
    ws.append(["乙公司", "江苏省省长质量奖", "提名奖", 2022, "C17", 320583, None])
    ws.append(["丙公司", "无锡市市长质量奖", "获奖", datetime.date(2019, 11, 8), "I", "无锡", None])
    ws.append(["丁公司", "全国质量奖", "获奖", 2020, "C", "南京", None])
    ws["D5"].number_format = "yyyy-mm-dd"
    wb.save(os.path.join(HERE, "register.xlsx"))

    # 6. XLSX written by XlsxWriter: shared strings (one of them rich text in two runs), the
    # register on the first sheet, English headers, a year stored as 2016.0.
    wb = xlsxwriter.Workbook(os.path.join(HERE, "first-sheet.xlsx"))
    ws = wb.add_worksheet("Sheet1")
    ws.write_row(0, 0, ["recipient", "programme", "year", "region_code", "sector_code"])
    bold = wb.add_format({"bold": True})
    ws.write_rich_string(1, 0, bold, "甲", "公司")
    ws.write_string(1, 1, "cqa")
    ws.write_number(1, 2, 2016.0)
    ws.write_string(1, 3, "320500")
    ws.write_string(1, 4, "C")
    wb.close()

    # 7. Broken workbooks: truncated, password-protected (an OLE compound file), and shared
    # strings pointing out of range.
    data = open(os.path.join(HERE, "first-sheet.xlsx"), "rb").read()
    with open(os.path.join(HERE, "truncated.xlsx"), "wb") as f:
        f.write(data[: len(data) // 2])
    with open(os.path.join(HERE, "encrypted.xlsx"), "wb") as f:
        f.write(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504))
    with zipfile.ZipFile(os.path.join(HERE, "first-sheet.xlsx")) as src, \
         zipfile.ZipFile(os.path.join(HERE, "bad-shared-strings.xlsx"), "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                # XlsxWriter writes strings as shared strings; point B2 far past the end.
                text = body.decode("utf-8")
                start = text.index('<c r="B2"')
                end = text.index("</c>", start)
                cell = text[start:end]
                vstart = cell.index("<v>") + 3
                cell = cell[:vstart] + "999" + cell[cell.index("</v>"):]
                body = (text[:start] + cell + text[end:]).encode("utf-8")
            dst.writestr(item, body)

    # 8. A binary file named .csv, and an .xlsx renamed to .csv.
    with open(os.path.join(HERE, "binary.csv"), "wb") as f:
        f.write(bytes(range(256)) * 4)
    with open(os.path.join(HERE, "workbook-named.csv"), "wb") as f:
        f.write(data)


if __name__ == "__main__":
    main()
