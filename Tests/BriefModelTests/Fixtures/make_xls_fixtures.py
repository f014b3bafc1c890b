#!/usr/bin/env python3
"""Writes the .xls fixtures of XLSFixtureTests with tools nobody on the project wrote:
xlwt (PyPI, `pip install xlwt`) writes the workbooks; LibreOffice (Debian
libreoffice-calc-nogui) re-saves one as Excel 97–2003, which stores its formulas' results
(xlwt stores none; LibreOffice also writes booleans as =TRUE() formulas), writes numbers as
RK/MULRK and splits the large shared-string table over CONTINUE records. (A text formula such
as ="js"&"gqa" written by xlwt comes out of LibreOffice 7.4's headless export with the number
0 as its result, so formulas-lo.xls is made by LibreOffice from a flat OpenDocument sheet
whose formulas it calculates: text results in STRING records.) The broken files are cut or patched from those: truncated (the first
4 KB), a looping FAT chain, and a FILEPASS (RC4 encryption header) record put after the
workbook's BOF, as Excel writes it for a password-protected file (xlwt cannot encrypt and
LibreOffice's command line cannot set a password). Run `python3 make_xls_fixtures.py` here;
the generated files are committed and the tests need neither tool."""
import datetime
import os
import shutil
import struct
import subprocess
import tempfile

import xlwt
from xlwt import CompoundDoc

HERE = os.path.dirname(os.path.abspath(__file__))

HEADER = ["序号", "获奖单位", "奖项", "等次", "年度", "所属行业", "所在地区", "在册"]
ROWS = [
    # 序号 as a number (RK), 年度 as a number, a date and a formula; 在册 a boolean; 江苏省质量奖
    # is the former name of 江苏省省长质量奖.
    [1, "江苏甲科技有限公司", "中国质量奖", "获奖", 2021, "C35 专用设备制造业", "苏州市", True],
    [2, "乙精密（昆山）有限公司", "江苏省省长质量奖提名奖", "", datetime.date(2022, 5, 18), "物业管理 7020", "昆山市", False],
    [3, "丙软件有限公司", "宜兴市市长质量奖", "获奖", xlwt.Formula("2019+1"), "软件开发", "320282", True],
    [4, "丁装备有限公司", "江苏省质量奖", "提名奖", 2014, "新能源装备", "南京", True],
    [5, "戊医院", "全国质量奖", "获奖", 2020, "Q", "苏州", True],
]


def styled_sheet(wb, name):
    ws = wb.add_sheet(name)
    date_style = xlwt.easyxf(num_format_str="yyyy年m月d日")
    ws.write(0, 0, "江苏省质量奖项获奖名单（2024年汇总）")
    for c, h in enumerate(HEADER):
        ws.write(1, c, h)
    for r, row in enumerate(ROWS, start=2):
        for c, v in enumerate(row):
            if isinstance(v, datetime.date):
                ws.write(r, c, v, date_style)
            else:
                ws.write(r, c, v)
    return ws


def register_workbook():
    wb = xlwt.Workbook(encoding="utf-8")
    cover = wb.add_sheet("说明")
    cover.write(0, 0, "本表为获奖名单，请看“名单”工作表")
    styled_sheet(wb, "名单")
    # A second register sheet, chosen with --sheet, with many distinct long strings so that the
    # shared-string table runs over several CONTINUE records (one string split across two).
    big = wb.add_sheet("扩展名单")
    big.write(0, 0, "获奖单位")
    big.write(0, 1, "奖项")
    big.write(0, 2, "年度")
    big.write(0, 3, "所在地区")
    for i in range(200):
        big.write(i + 1, 0, "江苏省第%04d号质量标杆示范企业有限责任公司（集团）" % i)
        big.write(i + 1, 1, "市长质量奖" if i % 3 else "中国质量奖")
        big.write(i + 1, 2, 2010 + i % 15)
        big.write(i + 1, 3, "320500")
    return wb


FODS = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.2"
 office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:body><office:spreadsheet><table:table table:name="公式">
%s
</table:table></office:spreadsheet></office:body></office:document>
"""


def fods_row(cells):
    out = []
    for c in cells:
        if c.startswith("="):
            out.append('<table:table-cell table:formula="of:%s"/>' % c.replace("&", "&amp;").replace('"', "&quot;"))
        else:
            out.append('<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>' % c)
    return "<table:table-row>%s</table:table-row>" % "".join(out)


def formulas_fods(path):
    rows = [
        ["获奖单位", "奖项", "年度", "所在地区"],
        ["甲公司", '=CONCATENATE("江苏省";"质量奖")', "=2019+1", "320500"],
        ["乙公司", '=CONCATENATE("中国";"质量奖";"提名奖")', "=YEAR(DATE(2021;5;1))", "320100"],
    ]
    open(path, "w", encoding="utf-8").write(FODS % "\n".join(fods_row(r) for r in rows))


def main():
    tmp = tempfile.mkdtemp()
    try:
        raw = os.path.join(tmp, "register-xlwt.xls")
        wb = register_workbook()
        wb.save(raw)
        shutil.copy(raw, os.path.join(HERE, "register-xlwt.xls"))
        # LibreOffice re-saves it: formulas calculated, RK/MULRK numbers, CONTINUE records.
        out = os.path.join(tmp, "out")
        subprocess.run(["soffice", "-env:UserInstallation=file://" + os.path.join(tmp, "profile"), "--headless", "--calc", "--convert-to", "xls:MS Excel 97", "--outdir", out, raw],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.copy(os.path.join(out, "register-xlwt.xls"), os.path.join(HERE, "register-lo.xls"))
        fods = os.path.join(tmp, "formulas-lo.fods")
        formulas_fods(fods)
        subprocess.run(["soffice", "-env:UserInstallation=file://" + os.path.join(tmp, "profile"), "--headless", "--calc",
                        "--convert-to", "xls:MS Excel 97", "--outdir", out, fods],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.copy(os.path.join(out, "formulas-lo.xls"), os.path.join(HERE, "formulas-lo.xls"))
        data = open(os.path.join(HERE, "register-lo.xls"), "rb").read()
        open(os.path.join(HERE, "truncated.xls"), "wb").write(data[:4096])
        # A FAT whose first entry points at itself: every chain through sector 0 loops.
        sector_shift = struct.unpack_from("<H", data, 0x1E)[0]
        first_fat = struct.unpack_from("<I", data, 0x4C)[0]
        off = (first_fat + 1) << sector_shift
        looped = bytearray(data)
        dir_start = struct.unpack_from("<I", data, 0x30)[0]
        struct.pack_into("<I", looped, off + 4 * dir_start, dir_start)
        open(os.path.join(HERE, "looping-chain.xls"), "wb").write(bytes(looped))
        # FILEPASS after BOF: RC4 encryption (wEncryptionType 1, version 1.1, salt and verifier).
        biff = wb.get_biff_data()
        bof_len = struct.unpack_from("<H", biff, 2)[0]
        filepass = struct.pack("<HH", 0x002F, 54) + struct.pack("<HHH", 1, 1, 1) + bytes(range(48))
        doc = CompoundDoc.XlsDoc()
        doc.save(os.path.join(HERE, "encrypted.xls"), biff[:4 + bof_len] + filepass + biff[4 + bof_len:])
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
