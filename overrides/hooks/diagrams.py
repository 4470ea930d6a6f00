"""Draw Mermaid diagrams at build time, so pages ship SVG instead of a 3.5 MB renderer.

Each ```mermaid block (turned into <pre class="mermaid"> by mermaid2's fence) is replaced by the
SVG that Material would have drawn in the reader's browser: the vendored Mermaid, Material's
own theme CSS and the site's extra.diagram_css, rendered in headless Chromium. The theme CSS
refers to Material's CSS variables, so one SVG follows the light/dark toggle. It sits in a
declarative shadow root, as Material's own diagrams do, so page styles cannot reach into it.

SVGs are cached in .diagrams/ by a hash of the diagram and everything that shapes its
drawing, and committed: a fresh clone builds and serves without a browser. A diagram missing
from the cache is drawn when Chromium and Playwright are available; otherwise it stays a
<pre class="mermaid"> and the browser draws it, as before. A Mermaid syntax error found while
drawing fails a strict build with file:line.
"""

from __future__ import annotations

import glob
import hashlib
import html
import json
import logging
import re
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.diagrams")

# mermaid2's custom fence writes exactly this, with the diagram source unescaped.
# What mermaid2 adds to a page with diagrams: the library, and its settings.
MERMAID2_SCRIPTS = re.compile(
    r'<script src="[^"]*mermaid\.min\.js"></script>|<script>window\.mermaidConfig = [^<]*</script>'
)
MERMAID_BLOCK = re.compile(r'<pre\s+(?:id="[^"]*"\s+)?class="mermaid"><code>(?P<source>.*?)</code></pre>', re.DOTALL)
# Labels are measured in a wide font, so they fit in whatever font a reader's system uses.
MEASURING_FONT = '"DejaVu Sans", "Liberation Sans", Arial, sans-serif'
# Chromium's path and flags: one list in chromium.py, beside this file, shared with the tests
# and the benchmark. MkDocs loads a hook by its path, so its folder is not importable by itself.
sys.path.insert(0, str(Path(__file__).resolve().parent))
from chromium import CHROMIUM, CHROMIUM_FLAGS  # noqa: E402

_state: dict = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    docs = Path(config.docs_dir)
    mermaid = docs / "assets" / "vendor" / "mermaid"
    theme_css, sequence = _material_mermaid_theme()
    settings = {"startOnLoad": False, "themeCSS": theme_css + config.extra.get("diagram_css", ""), "sequence": sequence}
    version = json.loads((mermaid / "mermaid.json").read_text(encoding="utf-8"))["version"]
    _state.update(
        cache=root / ".diagrams",
        library=mermaid / "mermaid.min.js",
        settings=settings,
        # Anything that changes how a diagram is drawn changes every key.
        fingerprint=json.dumps([version, settings, MEASURING_FONT], sort_keys=True),
        renderer=None,
        unavailable=None,
        left_for_browser=set(),
        failed=set(),
    )
    return config


def _material_mermaid_theme() -> tuple[str, dict]:
    """The theme CSS and sequence settings Material passes to mermaid.initialize()."""
    from material import templates

    bundle = glob.glob(str(Path(templates.__file__).parent / "assets" / "javascripts" / "bundle.*.min.js"))
    text = Path(bundle[0]).read_text(encoding="utf-8") if bundle else ""
    css = re.search(r'="(\.node circle,\.node ellipse(?:[^"\\]|\\.)*)"', text)
    sequence = re.search(
        r"sequence:\{actorFontSize:\"(\d+px)\",messageFontSize:\"(\d+px)\",noteFontSize:\"(\d+px)\"\}", text
    )
    if not css or not sequence:
        raise RuntimeError(
            "diagrams: cannot find Material's Mermaid theme in its bundle; this Material version is not supported"
        )
    sizes = dict(zip(("actorFontSize", "messageFontSize", "noteFontSize"), sequence.groups(), strict=True))
    return json.loads(f'"{css.group(1)}"'), sizes


def diagram_key(source: str) -> str:
    return hashlib.sha256((_state["fingerprint"] + "\n" + source).encode()).hexdigest()[:20]


def diagram_source(block_html: str) -> str:
    """What Material would read: the block's text content, HTML entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", block_html)).strip("\n") + "\n"


# After mermaid2 (priority 0), whose BeautifulSoup pass over every page would otherwise crawl
# through the SVGs: it is many times slower on a page of drawings than on a page of <pre>.
@event_priority(-50)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if 'class="mermaid"' not in output:
        return output
    output = MERMAID_BLOCK.sub(lambda match: _draw(match, page), output)
    if not MERMAID_BLOCK.search(output):
        # Every diagram is drawn: drop the renderer mermaid2 added for them.
        output = MERMAID2_SCRIPTS.sub("", output)
    return output


def _draw(match: re.Match, page: Page | None) -> str:
    source = diagram_source(match["source"])
    key = diagram_key(source)
    cached = _state["cache"] / f"{key}.svg"
    if cached.exists():
        svg = cached.read_text(encoding="utf-8")
    else:
        svg = _render(source, key, page)
        if svg is None:
            _state["left_for_browser"].add(key)
            return match[0]
        cached.parent.mkdir(exist_ok=True)
        cached.write_text(svg, encoding="utf-8")
    svg = SVG_STYLE.sub(_html_style, svg)
    return (
        f'<div class="mermaid" data-diagram="{key}"{_host_size(svg)}><template shadowrootmode="open">'
        f"<style>:host{{display:block}}svg{{display:block}}</style>{svg}</template></div>"
    )


# Mermaid gives each drawing width="100%", style="max-width: Wpx" and viewBox="x y W H".
SVG_MAX_WIDTH = re.compile(r'\bstyle="max-width: (?P<width>[\d.]+)px;?"')
SVG_VIEWBOX = re.compile(r'\bviewBox="[-\d.]+ [-\d.]+ (?P<width>[\d.]+) (?P<height>[\d.]+)"')


def _host_size(svg: str) -> str:
    """The box the drawing will fill, so the page can reserve it before drawing it.

    With this size the host's height is known without laying out the SVG inside, which lets
    extra.css skip diagrams off screen (content-visibility) without the page moving when one
    is drawn. A drawing of another shape gets no size, and is drawn with the page as before.
    """
    tag = svg[: svg.find(">") + 1]
    max_width, viewbox = SVG_MAX_WIDTH.search(tag), SVG_VIEWBOX.search(tag)
    if not max_width or not viewbox or float(max_width["width"]) != float(viewbox["width"]):
        return ""
    width, height = float(viewbox["width"]), float(viewbox["height"])
    return f' style="max-width:{width:.10g}px;aspect-ratio:{width:.10g}/{height:.10g}"'


# Mermaid serialises its SVG as XML, where a <style> may write ">" as "&gt;". In HTML a <style>
# is raw text: the entity would stay, and the browser drop every rule with a child combinator.
SVG_STYLE = re.compile(r"<style>(.*?)</style>", re.DOTALL)


def _html_style(match: re.Match) -> str:
    css = html.unescape(match[1])
    return match[0] if "</" in css else f"<style>{css}</style>"


def _render(source: str, key: str, page: Page | None) -> str | None:
    renderer = _renderer()
    if renderer is None or key in _state["failed"]:
        return None
    try:
        return renderer.evaluate(
            "async ([id, text]) => (await window.mermaid.render(id, text)).svg", [f"mermaid-{key}", source]
        )
    except Exception as error:  # a Mermaid syntax error, reported where the diagram is
        where = f"docs/{page.file.src_uri}:{_line_of(page, source)}" if page else "a generated page"
        message = re.sub(r"^(Page\.evaluate: )?(Error: )?", "", str(error).split("\n\n")[0]).strip()
        log.warning(f"{where}: Mermaid cannot draw this diagram: {message}")
        _state["failed"].add(key)  # the print page repeats it: report it once
        return None


def _line_of(page: Page, source: str) -> int:
    """The line of the diagram's first line in the page's Markdown (1 if it was generated)."""
    text = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    found = text.find(source.strip())
    return text.count("\n", 0, found) + 1 if found >= 0 else 1


def _renderer():
    """A headless Chromium page with Mermaid loaded and initialised, started on first need."""
    if _state["renderer"] is not None or _state["unavailable"]:
        return _state["renderer"]
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _state["unavailable"] = "Playwright is not installed (make test installs it)"
        return None
    if not Path(CHROMIUM).exists():
        _state["unavailable"] = f"no Chromium at {CHROMIUM} (sudo apt-get install chromium)"
        return None
    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
    page = browser.new_page()
    page.set_content(
        f"<!doctype html><html><head><style>:root{{--md-text-font-family:{MEASURING_FONT};"
        f"--md-mermaid-font-family:{MEASURING_FONT}}}body{{font-family:{MEASURING_FONT}}}</style></head><body></body></html>"
    )
    page.add_script_tag(path=str(_state["library"]))
    page.evaluate("(settings) => window.mermaid.initialize(settings)", _state["settings"])
    _state.update(renderer=page, browser=browser, playwright=playwright)
    return page


# After print-site, which assembles print_page/ from page content and writes it itself,
# past the per-page events: draw the diagrams of any such page here.
@event_priority(-100)
def on_post_build(config: MkDocsConfig) -> None:
    for built in Path(config.site_dir).rglob("*.html"):
        text = built.read_text(encoding="utf-8")
        if MERMAID_BLOCK.search(text):
            drawn = MERMAID_BLOCK.sub(lambda match: _draw(match, None), text)
            if not MERMAID_BLOCK.search(drawn):
                drawn = MERMAID2_SCRIPTS.sub("", drawn)
            built.write_text(drawn, encoding="utf-8")
    if _state.get("renderer") is not None:
        _state["browser"].close()
        _state["playwright"].stop()
        _state["renderer"] = None
    if _state.get("left_for_browser"):
        log.info(
            f"diagrams: {len(_state['left_for_browser'])} diagram(s) left for the browser to draw: "
            f"{_state['unavailable'] or 'they could not be drawn here'}"
        )
