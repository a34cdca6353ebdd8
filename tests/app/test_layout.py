"""The layout stays a map: no import cycles, the pipeline never imports the app, screens in their rooms."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).parents[2]
LAYERS = ("data_pipeline", "dashboard", "pages")  # an earlier layer never imports a later one
SCREENS = ("overview", "indicators", "participation", "working_groups", "partnerships", "data_status")


def _modules() -> dict[str, Path]:
    found = {}
    for layer in LAYERS:
        for path in (ROOT / layer).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def import_graph() -> dict[str, set[str]]:
    """Every project module -> the project modules it imports, anywhere in it (inside functions too)."""
    modules = _modules()
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    base = ".".join(package[: len(package) - node.level + 1] + ([base] if base else []))
                targets = [base] + [f"{base}.{alias.name}" for alias in node.names]
            else:
                continue
            for target in targets:
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                if target and target != name:
                    graph[name].add(target)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected sets of more than one module (Tarjan)."""
    index, low, stack, on, found, counter = {}, {}, [], set(), [], [0]
    sys.setrecursionlimit(max(10_000, sys.getrecursionlimit()))

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_no_import_cycles():
    assert cycles(import_graph()) == []


def test_a_cycle_is_found_when_there_is_one():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_layer_imports_a_later_one():
    rank = {layer: i for i, layer in enumerate(LAYERS)}
    upward = sorted((a, b) for a, targets in import_graph().items() for b in targets
                    if rank[b.split(".")[0]] > rank[a.split(".")[0]])
    assert upward == []


def test_every_screen_is_a_room_and_dashboard_top_level_stays_small():
    top = sorted(p.name for p in (ROOT / "dashboard").iterdir() if p.suffix == ".py")
    assert top == ["__init__.py", "app.py"]
    for screen in (*SCREENS, "core", "access", "outputs"):
        assert (ROOT / "dashboard" / screen / "__init__.py").is_file(), screen


def test_view_and_query_modules_import_no_streamlit():
    """What a screen says and reads is shared with the slides and the PDF: it must not need a session."""
    graph_sources = [p for p in (ROOT / "dashboard").rglob("*.py") if p.stem in ("view", "queries", "metrics", "charts")]
    assert graph_sources
    for path in graph_sources:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
        names |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
        assert not {n for n in names if n == "streamlit" or n.startswith("streamlit.")}, path


# The pipeline's stages, lowest first: a stage may import the ones before it, never one after it.
PIPELINE_STAGES = ("compute", "store", "inputs", "sources", "load", "init", "demo", "cli")


def _stage(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if parts[0] == "data_pipeline" and len(parts) > 1 else None


def test_pipeline_stages_import_only_downward():
    rank = {stage: i for i, stage in enumerate(PIPELINE_STAGES)}
    upward = sorted((a, b) for a, targets in import_graph().items() for b in targets
                    if _stage(a) in rank and _stage(b) in rank and rank[_stage(b)] > rank[_stage(a)])
    assert upward == []


def test_pipeline_top_level_is_its_stages_and_the_command():
    folders = sorted(p.name for p in (ROOT / "data_pipeline").iterdir() if (p / "__init__.py").is_file())
    assert folders == sorted(s for s in PIPELINE_STAGES if s != "cli")
    modules = sorted(p.name for p in (ROOT / "data_pipeline").glob("*.py"))
    assert len(modules) <= 8, modules


PAGE_LINES_MAX = 150
# What a page may not touch: it lays out its screen's model (dashboard/<screen>/model.py) with the
# screen's widgets and dashboard.core.layout; texts, frames, specs and reads are the model's business.
NOT_IN_PAGES = ("polars", "sqlalchemy", "altair", "pydeck", "vl_convert", "data_pipeline")
SCREEN_ROOMS_NOT_IN_PAGES = ("queries", "metrics", "charts", "view", "cache", "reach_map")


def test_pages_only_lay_out_their_screens_model():
    """A page reads its screen's choices, asks for the model and lays it out, in at most 150 lines: it
    looks up no text (no t(), so no chart labels either), builds no chart, reads no frame or SQL."""
    pages = sorted((ROOT / "pages").glob("*.py"))
    assert pages
    for path in pages:
        source = path.read_text(encoding="utf-8")
        assert len(source.splitlines()) <= PAGE_LINES_MAX, path.name
        tree = ast.parse(source)
        called = {node.func.id if isinstance(node.func, ast.Name) else node.func.attr
                  for node in ast.walk(tree)
                  if isinstance(node, ast.Call) and isinstance(node.func, (ast.Name, ast.Attribute))}
        assert not called & {"t", "translate"}, path.name
        imported = [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names]
        imported += [f"{node.module}.{alias.name}" for node in ast.walk(tree)
                     if isinstance(node, ast.ImportFrom) and node.module for alias in node.names]
        assert not [m for m in imported if m.split(".")[0] in NOT_IN_PAGES], path.name
        assert not [m for m in imported if m.startswith("dashboard.") and m.split(".")[1] in SCREENS
                    and m.split(".")[-1] in SCREEN_ROOMS_NOT_IN_PAGES], path.name
        assert not [m for m in imported if m.endswith((".t", ".translate"))], path.name
