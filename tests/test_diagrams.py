"""sdw.diagrams: diagrams drawn at build time, a syntax error reported at its line, a fallback.

Unit tests convert one page through the site's Markdown extensions, without a build.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, _markdown_settings, convert, page_tree, shadow_content

from sdw import diagrams

PAGE = "workflow/step-5-high-level-design.md"
NEW_DIAGRAM = "```mermaid\nflowchart TD\n  Reader --> Page\n```"


def with_line(root: Path, text: str) -> tuple[str, int]:
    page = (root / "docs" / PAGE).read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    return page + text + "\n", page.count("\n") + 1


def built(site: Path) -> BeautifulSoup:
    return BeautifulSoup(
        (site / "workflow/step-5-high-level-design/index.html").read_text(encoding="utf-8"), "html.parser"
    )


def test_a_new_diagram_is_drawn_cached_and_named_for_commit(site_copy: Path, caplog) -> None:
    before = set((site_copy / ".diagrams").iterdir())
    page, line = with_line(site_copy, NEW_DIAGRAM)
    with caplog.at_level(logging.INFO, logger="mkdocs.sdw"):
        converted = convert(PAGE, page, root=site_copy)
    assert converted.warnings == []
    added = set((site_copy / ".diagrams").iterdir()) - before
    assert len(added) == 1
    svg = added.pop()
    assert caplog.messages == [
        f"docs/{PAGE}:{line}: drew a new diagram into .diagrams/{svg.name}: commit it with your change"
    ]
    soup = BeautifulSoup(converted.html, "html.parser")
    drawn = soup.select_one(f'div.mermaid[data-diagram="{svg.stem}"] > template[shadowrootmode=open]')
    assert drawn is not None and "Reader" in drawn.get_text()
    assert soup.select("pre.mermaid") == []


def test_a_syntax_error_names_the_broken_line_and_mermaids_message(site_copy: Path) -> None:
    page, line = with_line(site_copy, "```mermaid\nsequenceDiagram\n  A->>B: hi\n  B-->>: no one\n  A->>B: bye\n```")
    converted = convert(PAGE, page, root=site_copy)
    assert len(converted.warnings) == 1
    warning = converted.warnings[0]
    assert warning == (
        f"docs/{PAGE}:{line + 3}: Mermaid cannot draw this diagram: "
        "parse error: Expecting '+', '-', '()', 'ACTOR', got 'TXT'"
    )
    assert "\n" not in warning and " at " not in warning  # no JavaScript stack
    assert BeautifulSoup(converted.html, "html.parser").select("pre.mermaid")  # left for the browser
    # Converted again in the same process (the preview, or a second page with the same diagram),
    # it warns again: the build cache keeps a page that converted without a warning.
    assert convert(PAGE, page, root=site_copy).warnings == [warning]


def test_without_a_browser_a_new_diagram_says_what_to_install(site_copy: Path, monkeypatch) -> None:
    monkeypatch.setattr(diagrams, "CHROMIUM", "/nonexistent/chromium")
    page, line = with_line(site_copy, NEW_DIAGRAM)
    converted = convert(PAGE, page, root=site_copy)
    setup = diagrams._setup(site_copy, site_copy / "docs", _diagram_css())
    key = diagrams.diagram_key(setup, "flowchart TD\n  Reader --> Page\n")
    assert converted.warnings == [
        f"docs/{PAGE}:{line}: new diagram, not in .diagrams/ and cannot be drawn here (no Chromium at "
        f"/nonexistent/chromium); {diagrams.INSTALL}, then rebuild to draw it into .diagrams/{key}.svg and "
        "commit that file"
    ]
    soup = BeautifulSoup(converted.html, "html.parser")
    assert len(soup.select("pre.mermaid")) == 1  # mermaid2's fence: the browser draws it
    assert len(soup.select("div.mermaid[data-diagram]")) >= 1  # the cached ones are still drawn


WIDE_FLOWCHART = "```mermaid\ngraph TD\n" + "".join(f"  Reader --> Page{n}\n" for n in range(12)) + "```"
WIDE_SEQUENCE = (
    "```mermaid\nsequenceDiagram\n" + "".join(f"  Reader->>Page{n}: a long enough message\n" for n in range(12)) + "```"
)


@pytest.mark.parametrize(
    ("text", "widest", "hint"),
    [
        (
            WIDE_FLOWCHART,
            "1,000 px a flowchart",
            "split it into diagrams of one job each, with at most two boxes side by side",
        ),
        (WIDE_SEQUENCE, "1,500 px a sequence diagram", "shorten its messages and participants' names, or split it"),
    ],
)
def test_a_diagram_too_wide_for_a_phone_fails_at_its_fence(site_copy: Path, text: str, widest: str, hint: str) -> None:
    page, line = with_line(site_copy, text)
    converted = convert(PAGE, page, root=site_copy)
    assert len(converted.warnings) == 1
    match = re.fullmatch(
        rf"docs/{re.escape(PAGE)}:{line}: this diagram draws (?P<width>[\d,]+) px wide, more than the "
        rf"{re.escape(widest)} may be to read on a phone: {re.escape(hint)}",
        converted.warnings[0],
    )
    assert match, converted.warnings[0]
    # The width it names is the drawing's own, the one the page sizes the diagram's box with.
    box = BeautifulSoup(converted.html, "html.parser").select("div.mermaid[data-diagram]")[-1]
    drawn = float(re.search(r"--diagram-width:([\d.]+)px", box["style"])[1])
    assert f"{drawn:,.0f}" == match["width"]


def _diagram_css() -> str:
    return _markdown_settings(ROOT)[2]["diagram_css"]


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
    and shape are the drawing's own, as Mermaid's viewBox gives them, and its frame is there for
    extra.css to size it by."""
    wrong = []
    for html_file in built_site.rglob("*.html"):
        for div in page_tree(html_file).css("div.mermaid[data-diagram]"):
            svg = shadow_content(div.css_first("template")).css_first("svg")
            width, height = (float(n) for n in svg.attributes["viewBox"].split()[2:])
            box = dict(rule.split(":", 1) for rule in (div.attributes.get("style") or "").split(";") if ":" in rule)
            box_width = float(box.get("--diagram-width", "0px").removesuffix("px"))
            box_height = float(box.get("--diagram-height", "0px").removesuffix("px"))
            box_ratio = float(box.get("--diagram-ratio", "0"))
            framed = "diagram-frame" in (div.parent.attributes.get("class") or "").split()
            if (
                abs(box_width - width) > 0.01
                or abs(box_height - height) > 0.01
                or abs(box_ratio - height / width) > 1e-6
                or not framed
            ):
                wrong.append(
                    f"{html_file.relative_to(built_site)}: diagram {div.attributes['data-diagram']} is "
                    f"{width:g} x {height:g}, its box {div.attributes.get('style')!r}"
                )
    assert wrong == [], "; ".join(wrong) + " (the box comes from sdw.diagrams._host_size)"


def test_a_drawing_of_unknown_shape_gets_no_box() -> None:
    """Without Mermaid's max-width and viewBox the page cannot know the box: it draws the diagram
    with the page, as it did before boxes were reserved."""
    sized = '<svg width="100%" style="max-width: 200px;" viewBox="0 0 200 50"><g/></svg>'
    assert diagrams._host_size(sized) == ' style="--diagram-width:200px;--diagram-height:50px;--diagram-ratio:0.25"'
    assert diagrams._host_size('<svg width="100%" viewBox="0 0 200 50"><g/></svg>') == ""
    assert diagrams._host_size('<svg style="max-width: 300px;" viewBox="0 0 200 50"><g/></svg>') == ""
