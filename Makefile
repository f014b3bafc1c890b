# QualityBrief — two commands do all the set-up on a fresh Debian/Ubuntu machine:
#   make demo   installs what is missing, builds, writes Reports/out/sample-briefing.pdf and sample-memo.pdf
#   make test   installs what is missing, builds, runs the test suite
SHELL := /bin/bash
APT_PACKAGES := libcairo2-dev libpango1.0-dev libharfbuzz-dev fonts-noto-cjk fonts-lxgw-wenkai poppler-utils qpdf \
  python3-venv default-jre-headless libpdfbox2-java libactivation-java libjaxb-api-java
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SWIFT_FLAGS ?=
BIN := .build/debug/qbrief

# Open 仿宋 and 楷体 faces (Fandol, GPL with font exception) come from Debian's texlive-lang-chinese
# package: `make fonts` downloads the .deb (no TeX install) and extracts only these .otf files into
# the cache folder QualityBrief's font search reads (FontLibrary.fontCacheDirectory).
ifeq ($(origin FONT_CACHE), undefined)
FONT_CACHE := $(or $(QUALITYBRIEF_FONT_CACHE),$(or $(XDG_CACHE_HOME),$(HOME)/.cache)/qualitybrief/fonts)
endif
# The programs and tests run by make read the same cache.
export QUALITYBRIEF_FONT_CACHE := $(FONT_CACHE)
FANDOL_FILES := FandolFang-Regular.otf FandolKai-Regular.otf
FANDOL_DEB_DIR := usr/share/texlive/texmf-dist/fonts/opentype/public/fandol

.PHONY: all deps fonts pdfa-tools build demo test test-docx bench clean preview preview-docx fuzz

all: build

# Install the system packages that are missing (apt-get only when something is missing).
deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	else echo "system packages: all present"; fi
	@command -v swift >/dev/null || { echo "swift not found: install Swift 6 (https://www.swift.org/install/linux/)"; exit 1; }
	@$(MAKE) --no-print-directory fonts

# Fandol fonts into $(FONT_CACHE), only when a file is missing there.
fonts:
	@missing=""; for f in $(FANDOL_FILES); do [ -s "$(FONT_CACHE)/$$f" ] || missing="$$missing $$f"; done; \
	if [ -z "$$missing" ]; then echo "Fandol fonts: present in $(FONT_CACHE)"; exit 0; fi; \
	echo "fetching texlive-lang-chinese for:$$missing"; \
	tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	{ apt-cache show texlive-lang-chinese >/dev/null 2>&1 || $(SUDO) apt-get update -qq; } && \
	( cd "$$tmp" && apt-get download -q texlive-lang-chinese 2>&1 | grep -v '^W: Download is performed unsandboxed' ; ls texlive-lang-chinese_*.deb >/dev/null ) && \
	dpkg-deb --fsys-tarfile "$$tmp"/texlive-lang-chinese_*.deb | \
	  tar -x -C "$$tmp" $(addprefix ./$(FANDOL_DEB_DIR)/,$(FANDOL_FILES)) && \
	mkdir -p "$(FONT_CACHE)" && \
	for f in $(FANDOL_FILES); do cp "$$tmp/$(FANDOL_DEB_DIR)/$$f" "$(FONT_CACHE)/.$$f.part" && mv "$(FONT_CACHE)/.$$f.part" "$(FONT_CACHE)/$$f" || exit 1; done && \
	echo "Fandol fonts: $(FANDOL_FILES) in $(FONT_CACHE)"

# pikepdf's PDF/A validator for the tests, in a virtual environment of its own (PyPI, only if missing).
PDFA_VENV := .build/pdfa-venv
pdfa-tools: deps
	@$(PDFA_VENV)/bin/python -c 'import pikepdf.pdfa' 2>/dev/null || { \
	  echo "installing pikepdf[pdfa] into $(PDFA_VENV)"; \
	  mkdir -p .build && python3 -m venv $(PDFA_VENV) && $(PDFA_VENV)/bin/pip install -q 'pikepdf[pdfa]'; }

build: deps
	swift build $(SWIFT_FLAGS)

demo: build
	$(BIN) demo
	@echo "open Reports/out/sample-briefing.pdf and Reports/out/sample-memo.pdf"

# The tests run one at a time (about 150 s on two cores). `make test TEST_FLAGS=` runs them in
# parallel, as Swift Testing does by default: on two loaded cores that failed about one run in
# ten with a damaged PDF from a render drawn while other tests drew, before documents took turns
# process-wide (cause not pinned down; see the README, "Renderers on several threads").
TEST_FLAGS ?= --no-parallel
test: deps pdfa-tools
	swift test $(SWIFT_FLAGS) $(TEST_FLAGS)

# DOCX checked by independent readers: LibreOffice converts every DOCX to PDF (its text must
# hold our sentences and recipients), python-docx reads styles, tables and the A4 section.
# Installs libreoffice-writer-nogui (apt) and python-docx (pip) only if missing; `.ci/run`
# calls it after `make test`. Measured: fresh install ~100 s, the check ~1-2 min.
DOCX_APT := libreoffice-writer-nogui
test-docx: deps
	@dpkg-query -W -f='$${Status}' $(DOCX_APT) 2>/dev/null | grep -q "install ok installed" || { \
	  echo "installing: $(DOCX_APT)"; $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $(DOCX_APT); }
	@python3 -c "import docx" 2>/dev/null || { echo "installing: python-docx"; python3 -m pip install -q python-docx; }
	swift build --product qbrief $(SWIFT_FLAGS)
	python3 Tests/Consumers/docx_consumers.py

# Fuzz the register readers (CSV, JSON, XLSX, worksheet XML, --per files), the report
# definitions (YAML) and the command-line validation with libFuzzer and AddressSanitizer,
# FUZZ_SECONDS seconds per target, one target at a time (see Fuzz/README.md); fails on any crash
# or hang. The first run builds two instrumented binaries (.build/fuzz, .build/fuzz-cli).
FUZZ_SECONDS ?= 60
fuzz: deps
	Fuzz/run.sh $(FUZZ_SECONDS)

# Side-by-side benchmark against ../shared/bench (pandas, ReportLab + matplotlib, Typst).
# First run sets up the peers (a venv and ~140 s of font conversion). Not part of `make test`.
bench: deps
	swift build -c release $(SWIFT_FLAGS)
	.build/release/qbrief-bench run $(BENCH_ARGS)

# Re-render the README's previews: page 1 of the briefing and of the memo (公文).
preview: build
	$(BIN) demo --out /tmp/qbrief-preview.pdf --memo-out /tmp/qbrief-preview-memo.pdf
	pdftoppm -r 50 -png -f 1 -l 1 -singlefile /tmp/qbrief-preview.pdf Reports/preview/page-1
	pdftoppm -r 50 -png -f 1 -l 1 -singlefile /tmp/qbrief-preview-memo.pdf Reports/preview/memo-page-1

# LibreOffice's page 1 of the DOCX samples for the README (beside page-1.png and memo-page-1.png).
preview-docx: build
	$(BIN) demo --format docx --out /tmp/qbrief-preview.docx --memo-out /tmp/qbrief-preview-memo.docx
	printf '<?xml version="1.0"?>\n<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><include>%s/Fonts/office-names.conf</include></fontconfig>\n' "$(CURDIR)" > /tmp/qbrief-preview-fonts.conf
	FONTCONFIG_FILE=/tmp/qbrief-preview-fonts.conf soffice -env:UserInstallation=file:///tmp/qbrief-preview-lo --headless \
	  --convert-to pdf --outdir /tmp /tmp/qbrief-preview.docx /tmp/qbrief-preview-memo.docx
	pdftoppm -r 50 -png -f 1 -l 1 -singlefile /tmp/qbrief-preview.pdf Reports/preview/docx-page-1-libreoffice
	pdftoppm -r 50 -png -f 1 -l 1 -singlefile /tmp/qbrief-preview-memo.pdf Reports/preview/docx-memo-page-1-libreoffice

clean:
	rm -rf .build Reports/out
