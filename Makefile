# QualityBrief — two commands do all the set-up on a fresh Debian/Ubuntu machine:
#   make demo   installs what is missing, builds, writes Reports/out/sample-briefing.pdf and sample-memo.pdf
#   make test   installs what is missing, builds, runs the test suite
SHELL := /bin/bash
APT_PACKAGES := libcairo2-dev libpango1.0-dev libharfbuzz-dev fonts-noto-cjk fonts-lxgw-wenkai poppler-utils qpdf
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SWIFT_FLAGS ?=
BIN := .build/debug/qbrief

.PHONY: all deps build demo test bench clean preview fuzz

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

build: deps
	swift build $(SWIFT_FLAGS)

demo: build
	$(BIN) demo
	@echo "open Reports/out/sample-briefing.pdf and Reports/out/sample-memo.pdf"

test: deps
	swift test $(SWIFT_FLAGS)

# Fuzz the register readers (CSV, JSON, XLSX, worksheet XML, --per files) with libFuzzer and
# AddressSanitizer, FUZZ_SECONDS seconds per target (see Fuzz/run.sh); fails on any crash or hang.
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

clean:
	rm -rf .build Reports/out
