"""The registries are the one place their knowledge sits: checks (name -> severity, meaning),
input formats (sniffer -> extractor -> locator -> source_format / rendition); and the packages
import one way, without a cycle."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from pipeline import checks
from pipeline.formats import FORMATS, RENDITIONS, SOURCE_FORMATS, Input, format_of
from pipeline.store.gate import VOCABULARIES
from tests.conftest import ROOT

PACKAGES = ("extractors", "normalizers", "pipeline")
README_TABLE = re.compile(r"<!-- checks:start[^>]*-->\n(.*?)\n<!-- checks:end -->", re.DOTALL)
# A check named in code: Finding("name", ...), ctx.check("name", ...), self.check(cell, "name", ...)
CHECK_CALL = re.compile(r'(?:Finding|\.check)\(\s*(?:[\w.]+,\s*)?"([a-z_]+)"')


def source_files() -> list[Path]:
    return sorted(p for package in PACKAGES for p in (ROOT / package).rglob("*.py"))


def test_readme_checks_table_is_generated_from_the_registry() -> None:
    match = README_TABLE.search((ROOT / "README.md").read_text(encoding="utf-8"))
    assert match is not None, "README.md lost its generated checks table markers"
    assert match.group(1).strip() == checks.markdown_table().strip()


def test_every_check_named_in_code_is_registered() -> None:
    named = {name for path in source_files() for name in CHECK_CALL.findall(path.read_text(encoding="utf-8"))}
    assert len(named) >= 15  # the scan itself works: most checks are raised by name in code
    assert named <= set(checks.CHECKS), sorted(named - set(checks.CHECKS))


def test_an_unregistered_check_is_a_programming_error() -> None:
    with pytest.raises(KeyError, match="not registered"):
        checks.spec_of("no_such_check")


def test_gate_vocabularies_come_from_the_registries() -> None:
    assert VOCABULARIES[("documents", "rendition")] == RENDITIONS
    assert VOCABULARIES[("documents", "source_format")] == SOURCE_FORMATS == {"pdf", "text"}
    assert VOCABULARIES[("checks", "check")] == set(checks.CHECKS)
    assert {"pdf_text", "pdf_image", "tsv_html", "markdown", "layout_text"} == RENDITIONS


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"%PDF-1.7\n", "pdf"),
        ("## 見出し\n\ta\tb\n1\t<p>x</p>\ty\n".encode(), "tsv_html"),
        ("| a | b |\n|---|---|\n| 1 | 2 |\n".encode("cp932"), "markdown"),
        ("取組事項 取組内容\n".encode(), "layout_text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", None),
    ],
)
def test_formats_are_tried_in_order(data: bytes, name: str | None) -> None:
    spec = format_of(Input(data))
    assert (spec.name if spec else None) == name
    assert [f.name for f in FORMATS][-1] == "layout_text"  # the catch-all for decodable text comes last


def _imports(path: Path) -> set[str]:
    """Modules of our packages that `path` imports, at any depth of the file."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [f"{node.module}.{alias.name}" for alias in node.names] + [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        found |= {n for n in names if n.split(".")[0] in PACKAGES}
    return found


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def test_no_import_cycle() -> None:
    modules = {_module_name(p): p for p in source_files()}
    graph = {
        name: {m for m in _imports(path) if m in modules and m != name} for name, path in modules.items()
    }
    assert len(graph) > 30 and sum(map(len, graph.values())) > 50  # the graph was really built
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycle = [*trail[trail.index(nxt) :], nxt] if nxt in trail else [node, nxt]
                raise AssertionError("import cycle: " + " -> ".join(cycle))
            if nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])


def test_layers_never_import_upward() -> None:
    for path in source_files():
        package = _module_name(path).split(".")[0]
        imported = {m.split(".")[0] for m in _imports(path)}
        if package in ("extractors", "normalizers"):
            assert "pipeline" not in imported, path
        if package == "normalizers":
            assert "extractors" not in imported, path
