"""overrides/hooks/diagrams.py: diagrams drawn at build time, a syntax error reported, a fallback."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from bs4 import BeautifulSoup
from conftest import append_line, run

PAGE = "workflow/step-5-high-level-design.md"
NEW_DIAGRAM = "```mermaid\nflowchart TD\n  Reader --> Page\n```"


def build(root: Path, site: Path, **env: str):
    return run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=root,
        env={**os.environ, **env},
    )


def built(site: Path) -> BeautifulSoup:
    return BeautifulSoup(
        (site / "workflow/step-5-high-level-design/index.html").read_text(encoding="utf-8"), "html.parser"
    )


def test_a_new_diagram_is_drawn_and_cached(site_copy: Path, tmp_path: Path) -> None:
    before = set((site_copy / ".diagrams").iterdir())
    append_line(site_copy / "docs" / PAGE, NEW_DIAGRAM)
    result = build(site_copy, tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    added = set((site_copy / ".diagrams").iterdir()) - before
    assert len(added) == 1
    svg = added.pop()
    soup = built(tmp_path / "out")
    drawn = soup.select_one(f'div.mermaid[data-diagram="{svg.stem}"] > template[shadowrootmode=open]')
    assert drawn is not None and "Reader" in drawn.get_text()
    assert soup.select("pre.mermaid") == []


def test_a_syntax_error_fails_the_build_at_its_line(site_copy: Path, tmp_path: Path) -> None:
    line = append_line(site_copy / "docs" / PAGE, "```mermaid\nflowchart TD\n  A --> B -->\n```")
    result = build(site_copy, tmp_path / "out")
    assert result.returncode == 1
    warnings = [w for w in result.stderr.splitlines() if w.startswith("WARNING")]
    assert len(warnings) == 1
    assert warnings[0].startswith(
        f"WARNING -  docs/{PAGE}:{line + 1}: Mermaid cannot draw this diagram: Parse error on line"
    )


def test_without_a_browser_a_new_diagram_is_left_for_the_browser(site_copy: Path, tmp_path: Path) -> None:
    append_line(site_copy / "docs" / PAGE, NEW_DIAGRAM)
    result = build(site_copy, tmp_path / "out", CHROMIUM="/nonexistent/chromium")
    assert result.returncode == 0, result.stderr
    assert "diagrams: 1 diagram(s) left for the browser to draw: no Chromium at /nonexistent/chromium" in result.stderr
    soup = built(tmp_path / "out")
    assert len(soup.select("pre.mermaid")) == 1
    assert len(soup.select("div.mermaid[data-diagram]")) >= 1  # the cached ones are still drawn
    assert [t["src"] for t in soup.find_all("script", src=True) if t["src"].endswith("mermaid.min.js")] == [
        "../../assets/vendor/mermaid/mermaid.min.js"
    ]


def test_drawn_diagrams_keep_their_child_combinator_css(built_site: Path) -> None:
    """Mermaid writes its SVG as XML ("&gt;" inside <style>); in HTML that entity would stay and
    the browser would drop every rule with a child combinator."""
    diagrams = built(built_site).select("div.mermaid[data-diagram]")
    assert len(diagrams) >= 2
    for div in diagrams:
        css = "".join(style.string or "" for style in div.find_all("style"))  # select() skips <template>
        assert "&gt;" not in css and ">tspan" in css.replace(" ", ""), div["data-diagram"]


def test_every_drawn_diagram_keeps_a_box_of_its_own_shape(built_site: Path) -> None:
    """The page reserves each diagram's box before drawing it (see test_startup.py): its width
    and shape are the drawing's own, as Mermaid's viewBox gives them."""
    wrong = []
    for html_file in built_site.rglob("*.html"):
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        for div in soup.select("div.mermaid[data-diagram]"):
            width, height = (float(n) for n in div.find("svg")["viewbox"].split()[2:])
            box = dict(rule.split(":", 1) for rule in div.get("style", "").split(";") if ":" in rule)
            box_width = float(box.get("max-width", "0px").removesuffix("px"))
            box_ratio = (lambda w, h: float(w) / float(h))(*box.get("aspect-ratio", "0/1").split("/"))
            if abs(box_width - width) > 0.01 or abs(box_ratio - width / height) > 1e-6:
                wrong.append(
                    f"{html_file.relative_to(built_site)}: diagram {div['data-diagram']} is {width:g} x {height:g}, "
                    f"its box {div.get('style')!r}"
                )
    assert wrong == [], "; ".join(wrong) + " (the box comes from overrides/hooks/diagrams.py's _host_size)"


def test_a_drawing_of_unknown_shape_gets_no_box() -> None:
    """Without Mermaid's max-width and viewBox the page cannot know the box: it draws the diagram
    with the page, as it did before boxes were reserved."""
    import diagrams  # overrides/hooks/, on the path through conftest

    sized = '<svg width="100%" style="max-width: 200px;" viewBox="0 0 200 50"><g/></svg>'
    assert diagrams._host_size(sized) == ' style="max-width:200px;aspect-ratio:200/50"'
    assert diagrams._host_size('<svg width="100%" viewBox="0 0 200 50"><g/></svg>') == ""
    assert diagrams._host_size('<svg style="max-width: 300px;" viewBox="0 0 200 50"><g/></svg>') == ""
