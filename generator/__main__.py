"""Write a generated corpus, deterministic by seed:

    python -m generator --seed 1 --count 60 --out DIR [--renditions tsv_html,markdown] [--forms H30,R2,R3,R4]
    python -m generator --sample tests/corpus      (the committed CI sample)

`--count` reports, forms in turn, each written in every requested rendition; gold in DIR/gold/,
DIR/manifest.json lists every file. PDF renditions are offered where generator.pdf is present.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

from generator.corpus import CorpusSpec, available_renditions, write_corpus
from generator.wording import FORMS

# The committed CI sample (tests/corpus): 3 reports per form in each of five renditions, 60 files.
# pdftotext without form feeds is the default output with `\f` removed: the corpus test derives it.
SAMPLE_SPEC = CorpusSpec(
    seed=149,
    count=12,
    renditions=("tsv_html", "markdown", "pdf_text", "pdftotext_default", "pdftotext_layout"),
)


def _csv(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


def clear_previous(out: Path) -> None:
    """Remove what an earlier run listed in its manifest (and nothing else)."""
    manifest = out / "manifest.json"
    if not manifest.exists():
        return
    for name in json.loads(manifest.read_text(encoding="utf-8"))["files"]:
        (out / name).unlink(missing_ok=True)
        (out / "gold" / f"{name}.gold.json").unlink(missing_ok=True)
    manifest.unlink()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--count", type=int, default=60, help="reports (each in every rendition)")
    parser.add_argument("--out", type=Path, help="directory to write")
    parser.add_argument("--renditions", type=_csv, default=("tsv_html", "markdown"))
    parser.add_argument("--forms", type=_csv, default=FORMS)
    parser.add_argument("--sample", type=Path, help="write the committed CI sample to this directory")
    args = parser.parse_args(argv)
    if args.sample is None and args.out is None:
        parser.error("give --out DIR or --sample DIR")
    unknown_forms = set(args.forms) - set(FORMS)
    if unknown_forms:
        parser.error(f"unknown forms {sorted(unknown_forms)}; choose from {FORMS}")
    unknown = set(args.renditions) - set(available_renditions())
    if unknown:
        parser.error(f"renditions not available {sorted(unknown)}; choose from {available_renditions()}")
    spec = SAMPLE_SPEC if args.sample else CorpusSpec(args.seed, args.count, args.renditions, args.forms)
    out: Path = args.sample or args.out
    out.mkdir(parents=True, exist_ok=True)
    clear_previous(out)
    if (out / "gold").exists() and not any((out / "gold").iterdir()):
        shutil.rmtree(out / "gold")
    manifest = write_corpus(spec, out)
    print(f"{out}: {len(manifest['files'])} files from {spec.count} reports ({', '.join(spec.renditions)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
