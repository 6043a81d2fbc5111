"""LibreOffice headless printing of flat ODF documents to PDF, and the fixed finish of its PDFs."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

import pymupdf

from generator.pdf.stable import stabilize_fonts

DEFAULT_TIMEOUT_S = 600
FIXED_METADATA = {
    "producer": "generator.pdf",
    "creator": "LibreOffice",
    "creationDate": "",
    "modDate": "",
    "author": "",
    "title": "",
}


class OfficeMissing(RuntimeError):
    pass


def soffice() -> str:
    exe = shutil.which("soffice")
    if exe is None:
        raise OfficeMissing("soffice (LibreOffice) is not on PATH; install libreoffice-writer and -calc")
    return exe


def convert(sources: list[Path], workdir: Path) -> list[Path]:
    """Print every source (.fodt by Writer, .fods by Calc) to a PDF beside it in one soffice run,
    with a private profile under `workdir` so parallel runs do not clash."""
    if not sources:
        return []
    profile = (workdir / "profile").as_uri()
    cmd = [
        soffice(),
        f"-env:UserInstallation={profile}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(sources[0].parent),
        *map(str, sources),
    ]
    done = subprocess.run(cmd, capture_output=True, timeout=DEFAULT_TIMEOUT_S, check=False)
    pdfs = [s.with_suffix(".pdf") for s in sources]
    missing = [p.name for p in pdfs if not p.exists()]
    if done.returncode or missing:
        raise RuntimeError(
            f"soffice failed (exit {done.returncode}) for {missing or 'all'}: {done.stderr.decode()[-500:]}"
        )
    return pdfs


def finish(pdf_path: Path, target: Path, source_text: str, producer: str | None = None) -> None:
    """Fixed metadata, no XMP, a file ID from the source, font programs made independent of the
    soffice run (stable), compact streams: the same LibreOffice and fonts give the same bytes."""
    doc = pymupdf.open(pdf_path)
    stabilize_fonts(doc)
    doc.set_metadata({**FIXED_METADATA, "producer": producer or FIXED_METADATA["producer"]})
    doc.del_xml_metadata()
    file_id = hashlib.md5(source_text.encode("utf-8")).hexdigest().upper()
    doc.xref_set_key(-1, "ID", f"[<{file_id}><{file_id}>]")
    target.parent.mkdir(parents=True, exist_ok=True)
    doc.save(target, garbage=4, deflate=True, no_new_id=True)
    doc.close()
