"""A synthetic archive of N report files with unique bytes, for `make bench`.

Printing a PDF through LibreOffice takes seconds, so the archive is derived from a modest base set:
`BASE_REPORTS` reports of every form version, generated once by the report generator in a PDF and
in text renditions (Markdown, TSV with HTML cells, pdftotext -layout) and cached under
`~/.cache/gurupuka-bench/base-<key>/` (override with $GURUPUKA_BENCH_CACHE), keyed by a hash of the
generator's source and the base spec, so a changed generator makes a new base. Without the
generator the base is the seeds (`data/raw/`) and `tests/fixtures/pdf/`.

Variant k of a base file has bytes of its own, made cheaply:
- a PDF: its metadata (title, subject, keywords) names the variant, saved anew by PyMuPDF;
- a text rendition: the group name, wherever it is printed, gets the variant's number
  (`…グループ` → `…グループ 第12版`), so its rows differ too; where the group name is not found,
  a trailing line of tabs and spaces spells the variant's number in binary.
Half the archive's files are PDFs (`DEFAULT_PDF_SHARE`), the rest text renditions.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

import pymupdf

ROOT = Path(__file__).resolve().parent.parent
BASE_REPORTS = 24  # 6 per form version: 24 PDFs printed once
BASE_SEED = 20260
BASE_RENDITIONS = ("pdf_text", "markdown", "tsv_html", "pdftotext_layout")
DEFAULT_PDF_SHARE = 0.5
CACHE_ENV = "GURUPUKA_BENCH_CACHE"
FILES_PER_FOLDER = 500


@dataclass(frozen=True)
class BaseFile:
    name: str
    data: bytes
    group_name: str | None  # as the pipeline reads it (None: not found)

    @property
    def is_pdf(self) -> bool:
        return self.data.startswith(b"%PDF")


def cache_root() -> Path:
    return Path(os.environ.get(CACHE_ENV, Path.home() / ".cache" / "gurupuka-bench"))


def _generator_key() -> str | None:
    """A hash of the generator's source and the base spec; None where there is no generator."""
    folder = ROOT / "generator"
    if not (folder / "corpus.py").exists():
        return None
    digest = hashlib.sha256(json.dumps([BASE_REPORTS, BASE_SEED, BASE_RENDITIONS]).encode())
    for path in sorted(folder.rglob("*.py")):
        digest.update(path.relative_to(ROOT).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _generated_base(key: str) -> Path:
    folder = cache_root() / f"base-{key}"
    if (folder / "manifest.json").exists():
        return folder
    from generator.corpus import CorpusSpec, available_renditions, write_corpus

    renditions = tuple(r for r in BASE_RENDITIONS if r in available_renditions())
    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    print(f"generating the bench's base set once ({BASE_REPORTS} reports x {len(renditions)} renditions)")
    write_corpus(CorpusSpec(BASE_SEED, BASE_REPORTS, renditions), partial)
    partial.rename(folder)
    return folder


def base_files() -> tuple[list[BaseFile], str]:
    """The base set and where it came from."""
    from pipeline.process import process_file

    key = _generator_key()
    if key is not None:
        folder = _generated_base(key)
        paths = sorted(p for p in folder.iterdir() if p.is_file() and p.name != "manifest.json")
        origin = f"generated base set {folder}"
    else:
        paths = [
            *sorted((ROOT / "data" / "raw").iterdir()),
            *sorted(p for p in (ROOT / "tests" / "fixtures" / "pdf").glob("*.pdf") if "scan" not in p.name),
        ]
        origin = "seeds and test PDFs (no generator)"
    out = []
    for path in paths:
        data = path.read_bytes()
        groups = {name for d in process_file(data).documents if (name := d.document.group_name)}
        out.append(BaseFile(path.name, data, min(groups) if len(groups) == 1 else None))
    return out, origin


def pdf_variant(base: BaseFile, k: int) -> bytes:
    doc = pymupdf.open(stream=base.data, filetype="pdf")
    metadata = dict(doc.metadata or {})
    metadata.update(title=f"bench variant {k}", subject=f"{base.name} #{k}", keywords=f"v{k}")
    doc.set_metadata({key: value for key, value in metadata.items() if isinstance(value, str)})
    return bytes(doc.tobytes())


def text_variant(base: BaseFile, k: int) -> bytes:
    if base.group_name:
        name = base.group_name.encode("utf-8")
        if name in base.data:
            return base.data.replace(name, name + f" 第{k}版".encode())
    # k in binary as a trailing line of tabs and spaces: unique bytes, nothing a reader would print
    return base.data + b"\n" + format(k, "b").replace("0", " ").replace("1", "\t").encode() + b"\n"


def variant(base: BaseFile, k: int) -> bytes:
    return pdf_variant(base, k) if base.is_pdf else text_variant(base, k)


def archive_path(root: Path, index: int, base: BaseFile) -> Path:
    suffix = ".pdf" if base.is_pdf else ".txt"
    return root / f"part{index // FILES_PER_FOLDER:03d}" / f"{index:05d}_{Path(base.name).stem}{suffix}"


def build_archive(
    root: Path, count: int, bases: list[BaseFile], pdf_share: float = DEFAULT_PDF_SHARE
) -> None:
    """`count` files, a `pdf_share` of them PDFs, each base used in turn with its own variant number."""
    pdfs = [b for b in bases if b.is_pdf]
    texts = [b for b in bases if not b.is_pdf]
    used: dict[str, int] = {}
    rng = random.Random(count)
    for index in range(count):
        pool = pdfs if (texts == [] or (pdfs and rng.random() < pdf_share)) else texts
        base = pool[index % len(pool)]
        used[base.name] = used.get(base.name, 0) + 1
        path = archive_path(root, index, base)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(variant(base, used[base.name]))


def change_files(root: Path, share: float, bases: list[BaseFile], seed: int = 5) -> list[Path]:
    """Give `share` of the archive's files new bytes (a new variant number); returns them."""
    by_stem = {Path(b.name).stem: b for b in bases}
    files = sorted(p for p in root.rglob("*") if p.is_file())
    chosen = random.Random(seed).sample(files, max(1, round(len(files) * share)))
    for path in chosen:
        base = by_stem[path.stem.split("_", 1)[1]]
        path.write_bytes(variant(base, 100_000 + files.index(path)))
    return chosen
