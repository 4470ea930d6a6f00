"""Mermaid diagrams drawn at build time: the `format` of the `mermaid` superfence.

    pymdownx.superfences:
      custom_fences:
        - name: mermaid
          class: mermaid
          format: !!python/name:sdw.diagrams.fence_mermaid

Each ```mermaid block becomes the SVG that Material would have drawn in the reader's browser:
the vendored Mermaid, Material's own theme CSS and the site's extra.diagram_css, rendered in
headless Chromium. The theme CSS refers to Material's CSS variables, so one SVG follows the
light/dark toggle. It sits in a declarative shadow root, as Material's own diagrams do, so page
styles cannot reach into it.

SVGs are cached in .diagrams/ by a hash of the diagram and everything that shapes its drawing,
and committed: a fresh clone builds and serves without a browser. A diagram missing from the
cache is drawn when Chromium and Playwright are available. When it cannot be drawn here, the
block falls back to mkdocs-mermaid2-plugin's fence (a <pre class="mermaid"> the vendored library
draws in the reader's browser), and a warning says what to install: a strict build fails, a
preview shows it. A Mermaid syntax error fails a strict build at the broken line, and so does a
diagram too wide to read on a phone (WIDEST).

A Python-Markdown formatter, so MkDocs and Zensical both run it.
"""

from __future__ import annotations

import atexit
import concurrent.futures
import contextlib
import glob
import hashlib
import html
import json
import logging
import re
from functools import cache
from pathlib import Path

import mermaid2
from markdown import Markdown

from sdw.chromium import CHROMIUM, CHROMIUM_FLAGS
from sdw.context import PageContext, page_context

log = logging.getLogger("mkdocs.sdw.diagrams")

CACHE = ".diagrams"
LIBRARY = "assets/vendor/mermaid"  # under docs/
# Labels are measured in a wide font, so they fit in whatever font a reader's system uses.
MEASURING_FONT = '"DejaVu Sans", "Liberation Sans", Arial, sans-serif'
INSTALL = "run `make test` once (it installs Playwright), and `sudo apt-get install chromium`"


def fence_mermaid(source: str, language: str, css_class: str, options: dict, md: Markdown, **kwargs) -> str:
    """The drawn diagram, or mermaid2's fence for the browser to draw."""
    context = page_context(md)
    if context is None:
        return mermaid2.fence_mermaid_custom(source, language, css_class, options, md, **kwargs)
    setup = _setup(context.root, context.docs_dir, context.config.get("extra", {}).get("diagram_css", ""))
    source = source.strip("\n") + "\n"
    key = diagram_key(setup, source)
    cached = setup.cache / f"{key}.svg"
    if cached.exists():
        svg = cached.read_text(encoding="utf-8")
    else:
        svg = _draw_new(setup, context, source, key, cached)
        if svg is None:
            return mermaid2.fence_mermaid_custom(source, language, css_class, options, md, **kwargs)
    _check_width(context, source, svg)
    return host(key, svg)


# A phone shows about 340 px of a diagram at a time, and extra.css shrinks one to 0.7 of its
# size at most (smaller, its text is unreadable): past that it scrolls sideways. A flowchart or an
# entity diagram wider than this has several boxes side by side, and following an arrow means
# scrolling both ways. A sequence diagram reads down its columns, so it may be wider.
WIDEST = {"sequence": 1500}
WIDEST_OTHERWISE = 1000
KIND_NAMES = {"sequence": "a sequence diagram", "er": "an entity diagram", "flowchart-v2": "a flowchart"}
# The kind as Mermaid drew it (its SVG's role description), not as the source names it: `graph`,
# `flowchart` and a diagram under front matter or comments all say what they are there.
SVG_KIND = re.compile(r'\baria-roledescription="(?P<kind>[^"]+)"')


def _check_width(context: PageContext, source: str, svg: str) -> None:
    size = _natural_size(svg)
    found = SVG_KIND.search(svg[: svg.find(">") + 1])
    kind = found["kind"] if found else ""
    widest = WIDEST.get(kind, WIDEST_OTHERWISE)
    if size is None or size[0] <= widest:
        return
    hint = (
        "shorten its messages and participants' names, or split it"
        if kind == "sequence"
        else "split it into diagrams of one job each, with at most two boxes side by side"
    )
    log.warning(
        f"{context.where(_fence_line(context, source))}: this diagram draws {size[0]:,.0f} px wide, more than the "
        f"{widest:,} px {KIND_NAMES.get(kind, 'a diagram of this kind')} may be to read on a phone: {hint}"
    )


def host(key: str, svg: str) -> str:
    """The drawing in a shadow root (its styles stay its own), sized before it is drawn.

    A sized host sits in a frame that extra.css makes a size container, so that the host's
    height can follow its width there (see _host_size). It may scroll sideways on a narrow
    screen, so the keyboard can reach it (tabindex) to scroll it."""
    svg = SVG_STYLE.sub(_html_style, svg)
    size = _host_size(svg)
    focus = ' tabindex="0"' if size else ""
    drawn = (
        f'<div class="mermaid" data-diagram="{key}"{size}{focus}><template shadowrootmode="open">'
        "<style>:host{display:block}svg{display:block;min-width:var(--diagram-least-width,0)}</style>"
        f"{svg}</template></div>"
    )
    return f'<div class="diagram-frame">{drawn}</div>' if size else drawn


class _Setup:
    def __init__(self, root: Path, docs_dir: Path, diagram_css: str) -> None:
        mermaid = docs_dir / LIBRARY
        theme_css, sequence = material_mermaid_theme()
        self.settings = {"startOnLoad": False, "themeCSS": theme_css + diagram_css, "sequence": sequence}
        version = json.loads((mermaid / "mermaid.json").read_text(encoding="utf-8"))["version"]
        self.cache = root / CACHE
        self.library = mermaid / "mermaid.min.js"
        # Anything that changes how a diagram is drawn changes every key.
        self.fingerprint = json.dumps([version, self.settings, MEASURING_FONT], sort_keys=True)
        self.failed: dict[str, tuple[int, str]] = {}  # key -> (line within the diagram, what is wrong)


@cache
def _setup(root: Path, docs_dir: Path, diagram_css: str) -> _Setup:
    return _Setup(root, docs_dir, diagram_css)


@cache
def material_mermaid_theme() -> tuple[str, dict]:
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


def diagram_key(setup: _Setup, source: str) -> str:
    return hashlib.sha256((setup.fingerprint + "\n" + source).encode()).hexdigest()[:20]


def _draw_new(setup: _Setup, context: PageContext, source: str, key: str, cached: Path) -> str | None:
    fence_line = _fence_line(context, source)
    failure = setup.failed.get(key)  # drawn once per process: the same diagram fails the same way
    if failure is None:
        try:
            svg = _renderer(setup).draw(key, source)
        except DiagramError as error:
            # Mermaid counts an error found at the end of the text past the last line: clamp it.
            within = min(error.line, len(source.rstrip("\n").split("\n"))) if error.line else 0
            failure = setup.failed[key] = (within, f"Mermaid cannot draw this diagram: {error}")
        except RendererUnavailable as error:
            failure = setup.failed[key] = (
                0,
                f"new diagram, not in {CACHE}/ and cannot be drawn here ({error}); "
                f"{INSTALL}, then rebuild to draw it into {CACHE}/{key}.svg and commit that file",
            )
    if failure is not None:
        # Reported for every page that has it, on every conversion: the build cache keeps no page
        # that warned, so a page that stayed silent here would be kept with its diagram undrawn.
        within, problem = failure
        line = fence_line + within if fence_line > 1 else fence_line
        log.warning(f"{context.where(line)}: {problem}")
        return None
    cached.parent.mkdir(exist_ok=True)
    cached.write_text(svg, encoding="utf-8")
    log.info(f"{context.where(fence_line)}: drew a new diagram into {CACHE}/{key}.svg: commit it with your change")
    return svg


def _fence_line(context: PageContext, source: str) -> int:
    """The line of the diagram's opening fence in the page's Markdown (1 if it was generated)."""
    text = context.read()
    found = text.find(source.strip())
    return text.count("\n", 0, found) if found >= 0 else 1


# Mermaid gives each drawing width="100%", style="max-width: Wpx" and viewBox="x y W H".
SVG_MAX_WIDTH = re.compile(r'\bstyle="max-width: (?P<width>[\d.]+)px;?"')
SVG_VIEWBOX = re.compile(r'\bviewBox="[-\d.]+ [-\d.]+ (?P<width>[\d.]+) (?P<height>[\d.]+)"')


def _host_size(svg: str) -> str:
    """The box the drawing will fill, so the page can reserve it before drawing it.

    With this size the host's height is known without laying out the SVG inside, which lets
    extra.css skip diagrams off screen (content-visibility) without the page moving when one
    is drawn. extra.css turns the drawing's size into the box: the drawing's shape at the width
    available, or, where that would shrink its text below a readable size, the drawing at that
    smallest scale in a box that scrolls sideways. A drawing of another shape gets no size, and
    is drawn with the page as before.
    """
    size = _natural_size(svg)
    if size is None:
        return ""
    width, height = size
    ratio = height / width
    return f' style="--diagram-width:{width:.10g}px;--diagram-height:{height:.10g}px;--diagram-ratio:{ratio:.8g}"'


def _natural_size(svg: str) -> tuple[float, float] | None:
    """The drawing's width and height at full size, when its width is capped at its viewBox's."""
    tag = svg[: svg.find(">") + 1]
    max_width, viewbox = SVG_MAX_WIDTH.search(tag), SVG_VIEWBOX.search(tag)
    if not max_width or not viewbox or float(max_width["width"]) != float(viewbox["width"]):
        return None
    return float(viewbox["width"]), float(viewbox["height"])


# Mermaid serialises its SVG as XML, where a <style> may write ">" as "&gt;". In HTML a <style>
# is raw text: the entity would stay, and the browser drop every rule with a child combinator.
SVG_STYLE = re.compile(r"<style>(.*?)</style>", re.DOTALL)


def _html_style(match: re.Match) -> str:
    css = html.unescape(match[1])
    return match[0] if "</" in css else f"<style>{css}</style>"


class RendererUnavailable(Exception):
    """Playwright or Chromium is missing: the diagram cannot be drawn on this machine."""


class DiagramError(Exception):
    """Mermaid rejected the diagram; `line` is the broken line within it, when Mermaid says."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.line = line


# "Parse error on line 3:\n...\n---^\nExpecting 'X', got 'Y'" -> line 3, and the expectation.
PARSE_ERROR = re.compile(r"Parse error on line (?P<line>\d+):.*?\n(?P<expecting>Expecting .*?)$", re.S | re.M)
LEXICAL_ERROR = re.compile(r"Lexical error on line (?P<line>\d+)\. (?P<what>.*?)(?:\n|$)")


def mermaid_error(text: str) -> DiagramError:
    """Mermaid's message without Playwright's wrapping or the JavaScript stack."""
    text = re.sub(r"^(Page\.evaluate: )?(Error: )?", "", text.strip())
    text = text.split("\n    at ")[0]  # the stack
    if found := PARSE_ERROR.search(text):
        return DiagramError(f"parse error: {found['expecting'].strip()}", int(found["line"]))
    if found := LEXICAL_ERROR.search(text):
        return DiagramError(f"lexical error: {found['what'].strip()}", int(found["line"]))
    return DiagramError(text.split("\n")[0].strip(), None)


class _Renderer:
    """A headless Chromium page with Mermaid loaded, on a thread of its own.

    Playwright's objects belong to the thread that made them, and a preview rebuilds on
    another thread than the first build: every call goes through this one worker.
    """

    def __init__(self, setup: _Setup) -> None:
        self.setup = setup
        self.worker = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="mermaid")
        self.page = None
        self.unavailable: str | None = None
        atexit.register(self.close)

    def draw(self, key: str, source: str) -> str:
        return self.worker.submit(self._draw, key, source).result()

    def _draw(self, key: str, source: str) -> str:
        if self.page is None:
            self._start()
        try:
            return self.page.evaluate(
                "async ([id, text]) => (await window.mermaid.render(id, text)).svg", [f"mermaid-{key}", source]
            )
        except Exception as error:
            raise mermaid_error(str(error)) from None

    def _start(self) -> None:
        if self.unavailable:
            raise RendererUnavailable(self.unavailable)
        try:
            from playwright.sync_api import sync_playwright
        except ImportError:
            self.unavailable = "Playwright is not installed"
            raise RendererUnavailable(self.unavailable) from None
        if not Path(CHROMIUM).exists():
            self.unavailable = f"no Chromium at {CHROMIUM}"
            raise RendererUnavailable(self.unavailable)
        self.playwright = sync_playwright().start()
        self.browser = self.playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        page = self.browser.new_page()
        page.set_content(
            f"<!doctype html><html><head><style>:root{{--md-text-font-family:{MEASURING_FONT};"
            f"--md-mermaid-font-family:{MEASURING_FONT}}}body{{font-family:{MEASURING_FONT}}}</style></head>"
            "<body></body></html>"
        )
        page.add_script_tag(path=str(self.setup.library))
        page.evaluate("(settings) => window.mermaid.initialize(settings)", self.setup.settings)
        self.page = page

    def close(self) -> None:
        def stop() -> None:
            if self.page is not None:
                self.browser.close()
                self.playwright.stop()
                self.page = None

        # At exit the worker may refuse new work: the browser then ends with the process.
        with contextlib.suppress(Exception):
            self.worker.submit(stop).result(timeout=30)
        self.worker.shutdown(wait=False)


_renderers: dict[int, _Renderer] = {}


def _renderer(setup: _Setup) -> _Renderer:
    if id(setup) not in _renderers:
        _renderers[id(setup)] = _Renderer(setup)
    return _renderers[id(setup)]
