#!/usr/bin/env bash
# Renders `dossier report` pages in headless Chromium and checks them as a person would see them:
#   - an article, a corpus (a `dossier batch` run over Corpus/gum-news) and a diff (Corpus/diff);
#   - valid HTML (tidy from Debian: no errors, no warnings);
#   - screenshots at a few window sizes (desktop, tablet, phone), each a non-trivial PNG;
#   - no console messages (errors, uncaught exceptions) while loading, opening a lazy document
#     view (#doc-N) included;
#   - the lazily rendered view (report.js) has the same marks, classes, titles and text as the
#     same document's inline view (Swift).
# Usage: Scripts/report_screenshots.sh [--readme]
#   OUT=DIR       where the pages and screenshots go (default: /tmp/dossier-report-shots)
#   DOSSIER=PATH  the dossier binary (default: built with `swift build`)
#   --readme      also copy the article screenshot to docs/report.png
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-/tmp/dossier-report-shots}
mkdir -p "$OUT"
README=0
[ "${1:-}" = "--readme" ] && README=1

need() { command -v "$1" >/dev/null 2>&1; }
if ! need chromium || ! need tidy; then
    if [ "$(id -u)" = 0 ] && need apt-get; then
        echo "installing chromium and tidy" >&2
        apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium tidy fonts-dejavu-core >/dev/null
    else
        echo "report_screenshots: needs chromium and tidy (apt-get install chromium tidy)" >&2
        exit 2
    fi
fi
if [ -z "${DOSSIER:-}" ]; then
    swift build --product dossier >&2
    DOSSIER="$(swift build --show-bin-path)/dossier"
fi

fail=0
bad() { echo "FAIL: $*" >&2; fail=1; }

# Chromium, headless, with console messages on stderr ("CONSOLE" lines).
chrome() {
    timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
        --disable-extensions --enable-logging=stderr --v=0 "$@"
}

# shoot NAME URL WIDTH HEIGHT: a screenshot, and no console messages.
shoot() {
    local name=$1 url=$2 w=$3 h=$4 png="$OUT/$1-$3x$4.png" log="$OUT/$1-$3x$4.log"
    chrome --window-size="$w,$h" --screenshot="$png" "$url" 2>"$log" >/dev/null || bad "$name: chromium failed ($log)"
    if grep -E 'CONSOLE|Uncaught' "$log" >&2; then bad "$name $w×$h: console messages (above)"; fi
    local size; size=$(stat -c %s "$png" 2>/dev/null || echo 0)
    [ "$size" -gt 20000 ] || bad "$name $w×$h: screenshot missing or blank ($size bytes)"
    echo "  $png ($size bytes)"
}

valid() {
    if ! tidy -errors -q "$1" 2>"$1.tidy"; then cat "$1.tidy" >&2; bad "$1: tidy reports problems (above)"; else echo "  tidy: $1 valid"; fi
}

echo "== article"
"$DOSSIER" report Corpus/unz-cockburn-iraq-isis-sleeper-cells.txt --output "$OUT/article.html" --title "Dossier: an article"
valid "$OUT/article.html"
for size in 1280x900 768x1024 390x844; do shoot article "file://$OUT/article.html" "${size%x*}" "${size#*x}"; done

echo "== corpus"
rm -f "$OUT/corpus.jsonl" "$OUT/corpus.jsonl.progress"
"$DOSSIER" batch Corpus/gum-news --output "$OUT/corpus.jsonl" --quiet
"$DOSSIER" report "$OUT/corpus.jsonl" Corpus/gum-news --output "$OUT/corpus.html" --title "Dossier: GUM news" --page-size 10
valid "$OUT/corpus.html"
for size in 1280x900 390x844; do shoot corpus "file://$OUT/corpus.html" "${size%x*}" "${size#*x}"; done
# Open a document's view lazily: the election article (its index in the run).
n=$(python3 -c "
import json, sys
seen = []
for line in open(sys.argv[1]):
    d = json.loads(line)['doc']
    if d not in seen: seen.append(d)
print(seen.index('GUM_news_election.txt'))" "$OUT/corpus.jsonl")
for size in 1280x900 390x844; do shoot corpus-doc "file://$OUT/corpus.html#doc-$n" "${size%x*}" "${size#*x}"; done

echo "== lazy view = inline view"
"$DOSSIER" report Corpus/gum-news/GUM_news_election.txt --output "$OUT/election.html"
chrome --dump-dom "file://$OUT/corpus.html#doc-$n" 2>/dev/null >"$OUT/lazy.dom"
chrome --dump-dom "file://$OUT/election.html" 2>/dev/null >"$OUT/inline.dom"
python3 - "$OUT/inline.dom" "$OUT/lazy.dom" <<'PY' || bad "the lazy view differs from the inline view"
import html.parser, sys
class Marks(html.parser.HTMLParser):
    """The tags (with class, title, data-zone) and text inside <div class="text">."""
    def __init__(self):
        super().__init__()
        self.depth, self.on, self.seq = 0, False, []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if not self.on and tag == "div" and a.get("class") == "text":
            self.on, self.depth = True, 0
        if self.on:
            self.depth += 1
            self.seq.append(("open", tag, a.get("class"), a.get("title"), a.get("data-zone")))
    def handle_endtag(self, tag):
        if self.on:
            self.seq.append(("close", tag))
            self.depth -= 1
            if self.depth == 0:
                self.on = False
    def handle_data(self, data):
        if self.on:
            if self.seq and self.seq[-1][0] == "text":
                self.seq[-1] = ("text", self.seq[-1][1] + data)
            else:
                self.seq.append(("text", data))
def marks(path):
    p = Marks()
    p.feed(open(path, encoding="utf-8").read())
    return p.seq
a, b = marks(sys.argv[1]), marks(sys.argv[2])
n = sum(1 for x in a if x[0] == "open" and x[1] == "mark")
if not a or n == 0:
    sys.exit("no marked text in the inline view")
if a != b:
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            sys.exit(f"first difference at {i}: inline {x!r} / lazy {y!r}")
    sys.exit(f"lengths differ: {len(a)} / {len(b)}")
print(f"  same marks and text ({n} marks, {len(a)} nodes)")
PY

echo "== diff"
"$DOSSIER" report --diff Corpus/unz-cockburn-iraq-isis-sleeper-cells.txt Corpus/diff/unz-cockburn-iraq-isis-sleeper-cells.v2.txt \
    --output "$OUT/diff.html" --title "Dossier: what changed"
valid "$OUT/diff.html"
for size in 1280x900 390x844; do shoot diff "file://$OUT/diff.html" "${size%x*}" "${size#*x}"; done

if [ "$README" = 1 ]; then
    chrome --window-size=1100,1500 --screenshot="$OUT/readme.png" "file://$OUT/article.html" 2>/dev/null >/dev/null
    cp "$OUT/readme.png" docs/report.png
    echo "  docs/report.png"
fi

if [ "$fail" = 0 ]; then echo "report_screenshots: all checks passed ($OUT)"; else echo "report_screenshots: FAILED" >&2; fi
exit "$fail"
