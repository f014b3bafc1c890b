#!/usr/bin/env python3
"""Checks qbrief's DOCX output with independent readers (`make test-docx`).

LibreOffice (soffice --headless --convert-to pdf) converts the sample briefing, the sample
memo with its attachment and the showcase; pdftotext of each converted PDF must hold every
sentence of our body text and every recipient of our tables, and so must the PDF qbrief
writes itself. python-docx must read the heading styles (the same headings as our PDF), the
tables with their row counts, the A4 section with the GB/T 9704 margins. LibreOffice's page
count of the sample memo must be within 1 of ours. Any missing tool is a failure.
"""
import os, re, shutil, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
QBRIEF = os.path.join(ROOT, ".build", "debug", "qbrief")
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL: " + msg)


def run(args, **kw):
    r = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, **kw)
    if r.returncode != 0:
        sys.exit(f"{' '.join(args)} exited {r.returncode}:\n{r.stderr}")
    return r


def need(tool):
    if shutil.which(tool) is None:
        sys.exit(f"{tool} not found: `make test-docx` installs it (libreoffice-writer-nogui, poppler-utils)")


def pdf_text(path, header_lines=()):
    """pdftotext without page numbers ("— N —"), running headers and whitespace, in reading
    order and then in physical layout (LibreOffice spreads some grid lines so wide that
    reading order takes them for columns), joined by a separator."""
    texts = []
    for mode in ([], ["-layout"]):
        text = run(["pdftotext", "-enc", "UTF-8", *mode, path, "-"]).stdout
        keep = [l for l in text.splitlines()
                if not re.fullmatch(r"\s*[—-]\s*\d+\s*[—-]\s*", l) and l.strip() not in header_lines]
        texts.append(re.sub(r"\s+", "", "".join(keep)))
    return "\u0000".join(texts)


def pages(path):
    out = run(["pdfinfo", path]).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))


def sentences(doc, skip=()):
    """Sentences (split at 。！？；) of the body text and headings (paragraphs outside tables
    in the styles Normal — Word's 正文 — and 一级标题 … 四级标题), running header excluded."""
    out = []
    for p in doc.paragraphs:
        if p.style.name not in ("Normal", "一级标题", "二级标题", "三级标题", "四级标题") or p.text.strip() in skip:
            continue
        for s in re.split(r"(?<=[。！？；])", re.sub(r"\s+", "", p.text)):
            if len(s) >= 2:
                out.append(s)
    return out


def main():
    for tool in ("soffice", "pdftotext", "pdfinfo"):
        need(tool)
    try:
        import docx  # python-docx
        from docx.shared import Mm
    except ImportError:
        sys.exit("python-docx not installed: `make test-docx` installs it (pip install python-docx)")
    if not os.access(QBRIEF, os.X_OK):
        sys.exit(f"{QBRIEF} missing: run swift build first")
    work = tempfile.mkdtemp(prefix="qbrief-docx-")
    d = lambda n: os.path.join(work, n)
    started = time.time()
    demo = run([QBRIEF, "demo", "--format", "docx", "--out", d("briefing.docx"), "--memo-out", d("memo.docx")])
    run([QBRIEF, "demo", "--showcase", "--format", "docx", "--out", d("showcase.docx")])
    run([QBRIEF, "demo", "--showcase", "--format", "docx", "--out", d("editable.docx")],
        env={**os.environ, "QUALITYBRIEF_DOCX_CHARTS": "editable"})
    pdf = run([QBRIEF, "demo", "--out", d("briefing.pdf"), "--memo-out", d("memo.pdf")])
    run([QBRIEF, "demo", "--showcase", "--out", d("showcase.pdf")])
    records = int(re.search(r"(\d+) records", demo.stderr).group(1))
    print(f"qbrief wrote 4 DOCX and 3 PDF in {time.time() - started:.1f} s")

    # LibreOffice finds the office font names through the aliases of Fonts/office-names.conf.
    with open(d("fonts.conf"), "w") as f:
        f.write('<?xml version="1.0"?>\n<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
                f'<include>{os.path.join(ROOT, "Fonts", "office-names.conf")}</include></fontconfig>\n')
    os.environ["FONTCONFIG_FILE"] = d("fonts.conf")
    t = time.time()
    lo = d("lo")
    run(["soffice", f"-env:UserInstallation=file://{d('profile')}", "--headless", "--convert-to", "pdf",
         "--outdir", lo, d("briefing.docx"), d("memo.docx"), d("showcase.docx"), d("editable.docx")], timeout=600)
    print(f"LibreOffice converted 4 DOCX in {time.time() - t:.1f} s")

    # Editable charts: LibreOffice draws every DrawingML chart from its data: each chart's
    # title, series names and category labels are text in its PDF.
    import zipfile
    theirs = pdf_text(os.path.join(lo, "editable.pdf"))
    with zipfile.ZipFile(d("editable.docx")) as z:
        charts = sorted(n for n in z.namelist() if re.fullmatch(r"word/charts/chart\d+\.xml", n))
        for n in charts:
            xml = z.read(n).decode()
            words = re.findall(r"<a:t>([^<]*)</a:t>", xml) + re.findall(r"<c:v>([^<0-9][^<]*)</c:v>", xml)
            lost = [w for w in words if re.sub(r"\s+", "", w) not in theirs]
            if lost:
                fail(f"editable showcase: {n}: {lost[:5]} not in LibreOffice's PDF")
    if len(charts) != 8:
        fail(f"editable showcase: {len(charts)} DrawingML charts, expected 8 (all chart kinds but the tile map)")
    print(f"editable showcase: {len(charts)} DrawingML charts, every title, series name and category in LibreOffice's PDF")

    notice = "示例数据：除六家座谈会发言单位的名称外，本简报数据均为生成的示例数据"
    # The sample memo's running header (Reports/sample/memo.yaml), printed on every page: a
    # sentence LibreOffice breaks over a page has it in the middle.
    memo_header = "示例：本公文及附件为程序生成的样张，数据为示例数据"
    for name in ("briefing", "memo", "showcase"):
        document = docx.Document(d(f"{name}.docx"))
        ours = pdf_text(d(f"{name}.pdf"), (notice, memo_header))
        theirs = pdf_text(os.path.join(lo, f"{name}.pdf"), (notice, memo_header))
        ss = sentences(document, (notice,))
        missing_lo = [s for s in ss if s not in theirs]
        missing_ours = [s for s in ss if s not in ours]
        if missing_lo:
            fail(f"{name}: {len(missing_lo)} of {len(ss)} sentences not in LibreOffice's PDF, first: {missing_lo[:3]}")
        if missing_ours:
            fail(f"{name}: {len(missing_ours)} of {len(ss)} sentences not in our PDF, first: {missing_ours[:3]}")
        # Recipients: every name in a 获奖单位 column.
        names = []
        for table in document.tables:
            head = [c.text for c in table.rows[0].cells]
            col = next((i for i, h in enumerate(head) if h.startswith("获奖单位")), None)
            if col is not None:
                names += [r.cells[col].text for r in table.rows[1:] if r.cells[col].text]
        lost = [n for n in names if re.sub(r"\s+", "", n) not in theirs]
        if lost:
            fail(f"{name}: {len(lost)} of {len(names)} recipients not in LibreOffice's PDF, first: {lost[:3]}")
        lost = [n for n in names if re.sub(r"\s+", "", n) not in ours]
        if lost:
            fail(f"{name}: {len(lost)} of {len(names)} recipients not in our PDF, first: {lost[:3]}")
        # 版记 and 报/送/发 (one-column tables at the foot): every line whole, none clipped.
        foot = [re.sub(r"\s+", "", c.text) for t in document.tables if len(t.columns) == 1
                for r in t.rows for c in r.cells if c.text.strip()]
        lost = [f for f in foot if f not in theirs or f not in ours]
        if not foot or lost:
            fail(f"{name}: end-block lines {lost or 'none'} not in both PDFs")
        # Headings: python-docx sees the role-named styles, and the same level-1 headings as our PDF.
        h1 = [p.text for p in document.paragraphs if p.style.name == "一级标题"]
        h2 = [p.text for p in document.paragraphs if p.style.name == "二级标题"]
        pdf_h1 = [l.strip() for l in run(["pdftotext", "-enc", "UTF-8", d(f"{name}.pdf"), "-"]).stdout.splitlines()
                  if re.match(r"^\s*[一二三四五六七八九十]+、\S", l)]
        if not h1 or h1 != pdf_h1:
            fail(f"{name}: 一级标题 paragraphs {h1} differ from our PDF's {pdf_h1}")
        styles = {p.style.name for p in document.paragraphs}
        if not {"Normal", "一级标题"} <= styles:
            fail(f"{name}: styles {sorted(styles)} lack Normal (正文) / 一级标题")
        # The A4 section with the GB/T 9704 margins.
        for s in document.sections:
            got = [round(v.mm, 1) for v in (s.page_width, s.page_height, s.top_margin, s.left_margin)]
            if got != [210.0, 297.0, 37.0, 28.0]:
                fail(f"{name}: section is {got}, expected [210, 297, 37, 28] mm")
        lo_pages, our_pages = pages(os.path.join(lo, f"{name}.pdf")), pages(d(f"{name}.pdf"))
        print(f"{name}: {len(ss)} sentences, {len(names)} recipients, headings {len(h1)} + {len(h2)}, "
              f"tables {len(document.tables)}, pages ours {our_pages} / LibreOffice {lo_pages}")
        if name == "briefing":
            # 表1 by city: one header row, Jiangsu's 13 cities, the 合计 row.
            cities = [t for t in document.tables if t.rows[0].cells[0].text == "设区市"]
            if [len(t.rows) for t in cities] != [1 + 13 + 1]:
                fail(f"briefing: 设区市 table rows {[len(t.rows) for t in cities]}, expected [15]")
            # The recipient list: one header row, one row per record of the sample register.
            lists = [t for t in document.tables if len(t.columns) > 1 and t.rows[0].cells[1].text.startswith("获奖单位")]
            if len(lists) != 1 or len(lists[0].rows) != 1 + records:
                fail(f"briefing: recipient table rows {[len(t.rows) for t in lists]}, expected {1 + records}")
        if name == "memo" and abs(lo_pages - our_pages) > 1:
            fail(f"memo: LibreOffice has {lo_pages} pages, ours {our_pages}")
    print(f"docx consumer checks: {'FAILED' if failures else 'passed'} in {time.time() - started:.1f} s ({work})")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
