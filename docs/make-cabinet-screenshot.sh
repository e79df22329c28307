#!/bin/sh
# The first page of the Cabinet-paper draft of examples/ramsi-2003.yaml as a PNG:
# docs/cabinet-first-page.png. Not run by CI (it needs LibreOffice and poppler).
#
#   apt-get install -y libreoffice-writer-nogui poppler-utils fonts-liberation
#   docs/make-cabinet-screenshot.sh              # assess the example, then convert
#   docs/make-cabinet-screenshot.sh paper.docx   # convert a draft already written
#
# Arial is not free; LibreOffice draws it with Liberation Sans, which has its metrics.
set -eu

cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}
OUT=docs/cabinet-first-page.png
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

if [ $# -ge 1 ]; then
    cp "$1" "$WORK/paper.docx"
else
    # The draft the CLI writes for `pso assess examples/ramsi-2003.yaml
    # --commitments examples/commitments/nz-2016.yaml -o paper.docx`, through the library.
    "$PYTHON" - "$WORK/paper.docx" <<'EOF'
import sys

from pso_cli.api import build_engine, load_input
from pso_cli.engine.assess import assess_loaded
from pso_cli.render.cabinet import load_commitments_summary
from pso_cli.render.cabinet_docx import write_cabinet_docx

commitments = "examples/commitments/nz-2016.yaml"
loaded = load_input("examples/ramsi-2003.yaml")
assessment = assess_loaded(build_engine(commitments=commitments), loaded)
write_cabinet_docx(assessment, loaded, sys.argv[1], load_commitments_summary(commitments))
EOF
fi

# A private LibreOffice profile, so that a running instance or a first-run dialog
# cannot get in the way of the headless conversion.
soffice -env:UserInstallation="file://$WORK/profile" --headless \
    --convert-to pdf --outdir "$WORK" "$WORK/paper.docx" >/dev/null
pdftoppm -png -r 100 -f 1 -l 1 -singlefile "$WORK/paper.pdf" "$WORK/first-page"
cp "$WORK/first-page.png" "$OUT"
echo "wrote $OUT"
