"""src/sdw/mkdocs_hooks/template_cache.py: compiled templates are reused, never stale."""

from __future__ import annotations

import importlib.util
import types

import jinja2
from conftest import ROOT

spec = importlib.util.spec_from_file_location("template_cache", ROOT / "src/sdw/mkdocs_hooks/template_cache.py")
template_cache = importlib.util.module_from_spec(spec)
spec.loader.exec_module(template_cache)


def _render(folder) -> str:
    """A template rendered the way a build (or a plugin) renders one: with a new environment from
    the theme, whose get_env the hook has wrapped."""
    theme = types.SimpleNamespace(get_env=lambda: jinja2.Environment(loader=jinja2.FileSystemLoader(folder)))
    config = template_cache.on_config(types.SimpleNamespace(theme=theme))
    return config.theme.get_env().get_template("page.html").render(title="Step 2")


def test_a_new_build_reuses_the_compiled_template_and_an_edit_is_compiled_again(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path / "tmp"))  # the cache's folder, for this test alone
    (tmp_path / "tmp").mkdir()
    (tmp_path / "page.html").write_text("<h1>{{ title }}</h1>", encoding="utf-8")
    assert _render(tmp_path) == "<h1>Step 2</h1>"
    cached = list((tmp_path / "tmp").rglob("__jinja2_*.cache"))
    assert len(cached) == 1, "the compiled template was not kept"
    kept = cached[0].stat().st_mtime_ns
    assert _render(tmp_path) == "<h1>Step 2</h1>"
    assert cached[0].stat().st_mtime_ns == kept, "compiled again although unchanged"
    (tmp_path / "page.html").write_text("<h2>{{ title }}</h2>", encoding="utf-8")
    assert _render(tmp_path) == "<h2>Step 2</h2>", "an edited template was served from the cache"
