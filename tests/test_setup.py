"""What a fresh clone needs: the repository stands alone, and `make test` draws the same
property-test examples on every run (`make fuzz` draws fresh ones)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

DRAWING = """
import os
from hypothesis import given, strategies as st

@given(st.integers(), st.text())
def test_draw(n, s):
    with open(os.environ["DRAWN"], "a", encoding="utf-8") as out:
        out.write(f"{n!r} {s!r}\\n")
"""


def draw(tmp_path: Path, run: int, profile: str | None) -> str:
    """The examples a property test draws in a fresh pytest with the project's conftest."""
    test = tmp_path / "test_drawing.py"
    test.write_text(DRAWING, encoding="utf-8")
    drawn = tmp_path / f"drawn-{run}.txt"
    env = {**os.environ, "DRAWN": str(drawn), "PYTHONPATH": str(ROOT)}
    env.pop("HYPOTHESIS_PROFILE", None)
    if profile:
        env["HYPOTHESIS_PROFILE"] = profile
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "tests.conftest", str(test)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return drawn.read_text(encoding="utf-8")


def test_property_tests_draw_the_same_examples_on_every_run(tmp_path: Path) -> None:
    first, second = draw(tmp_path, 1, None), draw(tmp_path, 2, None)
    assert len(first.splitlines()) == 100
    assert first == second


def test_make_fuzz_draws_fresh_examples_and_more_of_them(tmp_path: Path) -> None:
    first, second = draw(tmp_path, 1, "fuzz"), draw(tmp_path, 2, "fuzz")
    assert len(first.splitlines()) > 100
    assert first != second


#: What is not part of a clone: the virtualenv, caches, git's own files, built eggs.
_NOT_CLONED = {".venv", ".git", ".hypothesis", ".mypy_cache", ".pytest_cache", ".ruff_cache"}


def clone_files() -> list[Path]:
    """The project's own files (what a clone holds, and what a run leaves beside it)."""
    return [
        path
        for path in ROOT.rglob("*")
        if path.is_file()
        and not _NOT_CLONED & set(path.relative_to(ROOT).parts)
        and "__pycache__" not in path.parts
        and not any(part.endswith(".egg-info") for part in path.parts)
    ]


def test_nothing_in_the_repository_points_outside_it() -> None:
    """A user's clone has no folder beside it, and none of this machine's paths."""
    outside = re.compile(r"\.\./shared|parent\s*/\s*\"shared\"|/w[o]rk/")
    hits = []
    for path in clone_files():
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        hits += [f"{path.relative_to(ROOT)}: {m.group()}" for m in outside.finditer(text)]
    assert hits == []
