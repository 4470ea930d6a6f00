"""Every page in a real browser: no errors, nothing off-host, diagrams drawn, fits a phone, accessible.

Debian's Chromium, driven by Playwright, loads the built site from a local server. On a failure
the test saves a screenshot and the console log under test-artifacts/ and names the folder.
"""

from __future__ import annotations

import contextlib
import functools
import re
import socket
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from conftest import ARTIFACTS, PAGES, ROOT, SITE_URL, WHOLE_GUIDE, load_patience, site_files_requested, url_path
from test_budgets import MERMAID_LIBRARY, PREFIX, first_visit
from test_startup import off_screen_diagram_problems

pytestmark = pytest.mark.browser

STEPS = yaml.safe_load((ROOT / "data/steps.yml").read_text(encoding="utf-8"))

# Material draws each diagram into a closed shadow root; open them so tests can look inside.
OPEN_SHADOW_ROOTS = """
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) { return attach.call(this, { ...init, mode: "open" }); };
"""

# Layout shifts as the page loads, summed as Lighthouse's CLS does (none from user input here),
# with what moved: an element named by tag, id and classes, and where it went, so that a failure
# says which part of the page to look at.
RECORD_LAYOUT_SHIFTS = """
(() => {  // its helpers in a scope of their own, apart from the page's names
window.__layoutShift = 0;
window.__shifted = [];
const name = (node) => !node ? "(removed)" : node.nodeType !== 1 ? "text in " + name(node.parentElement)
  : node.tagName.toLowerCase() + (node.id ? "#" + node.id : "") + [...node.classList].map((c) => "." + c).join("");
const box = (r) => `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}x${Math.round(r.height)}`;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.hadRecentInput) continue;
    window.__layoutShift += entry.value;
    for (const { node, previousRect, currentRect } of entry.sources || [])
      window.__shifted.push(
        `${name(node)} at ${Math.round(entry.startTime)} ms from ${box(previousRect)} to ${box(currentRect)}`);
  }
}).observe({ type: "layout-shift", buffered: true });
})();
"""

MAX_LAYOUT_SHIFT = 0.01

# Mermaid writes 16 px text: a wide diagram must not be shrunk to fit a phone below 11 px.
READABLE_SCALE = 0.69

# Every diagram drawn, with a height, without Mermaid's "Syntax error" picture.
DIAGRAM_STATE = """
() => [...document.querySelectorAll("div.mermaid")].map((div) => {
  const svg = div.shadowRoot && div.shadowRoot.querySelector("svg");
  return { height: div.getBoundingClientRect().height, svg: !!svg,
           text: svg ? svg.textContent.slice(0, 200) : "",
           scale: svg && svg.viewBox.baseVal ? svg.getBoundingClientRect().width / svg.viewBox.baseVal.width : 1 };
})
"""

# WCAG contrast of every piece of text in every diagram against what is painted behind it.
DIAGRAM_CONTRAST = """
() => {
  const parse = (c) => { const m = c && c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
    const [r, g, b, a = 1] = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number); return { r, g, b, a }; };
  const over = (top, bottom) => ({ r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a),
                                   b: top.b * top.a + bottom.b * (1 - top.a), a: 1 });
  const lum = ({ r, g, b }) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const page = parse(getComputedStyle(document.body).backgroundColor);
  const results = [];
  for (const div of document.querySelectorAll("div.mermaid")) {
    const root = div.shadowRoot; if (!root) continue;
    const leaves = [...root.querySelectorAll("text, tspan, span, p, div")].filter((el) =>
      [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()));
    for (const el of leaves) {
      let box = el.getBoundingClientRect(); if (!box.width || !box.height) continue;
      // elementsFromPoint sees only what is painted in the viewport: bring the text to its middle,
      // clear of the sticky header and inside its diagram's box when that scrolls sideways.
      el.scrollIntoView({ block: "center", inline: "center", behavior: "instant" });
      box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      let color = parse(el instanceof SVGElement ? style.fill : style.color);
      if (!color || color.a === 0) color = parse(style.color);
      let background = page;
      const stack = root.elementsFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      // The stack runs from the top down: what is painted above the text (the sticky header,
      // say) is not its background, so start below the text itself when it is in the stack.
      const own = stack.findIndex((under) => under === el || el.contains(under));
      const layers = [];
      for (const under of own >= 0 ? stack.slice(own) : stack) {
        const inside = under === el || el.contains(under);
        if (inside || (under.contains(el) && !(under instanceof SVGGeometryElement))) continue;
        if (under instanceof SVGLineElement) continue; // a line paints no fill, whatever its style says
        const s = getComputedStyle(under);
        const fill = parse(under instanceof SVGGeometryElement ? s.fill : s.backgroundColor);
        if (fill && fill.a > 0) { layers.push(fill); if (fill.a >= 1) break; }
      }
      for (const layer of layers.reverse()) background = over(layer, background);
      const text = el.textContent.trim().slice(0, 40);
      results.push({ text, ratio: ratio(over(color, background), background), minimum: 4.5 });
    }
    // Arrowheads in use: graphics need 3:1 against the page (WCAG 1.4.11).
    const used = new Set([...root.querySelectorAll("[marker-end], [marker-start]")].flatMap((el) =>
      ["marker-end", "marker-start"]
        .map((a) => (el.getAttribute(a) || "").replace(/^url\\(#?|\\)$/g, ""))
        .filter(Boolean)));
    for (const id of used) {
      const shape = root.getElementById(id) && root.getElementById(id).querySelector("path, circle, polygon");
      if (!shape) continue;
      // A marker shows by its fill or by its outline (an ER "zero" is a hollow circle): the
      // more visible of the two counts.
      const style = getComputedStyle(shape);
      const paints = [style.fill, parseFloat(style.strokeWidth) > 0 ? style.stroke : "none"]
        .map(parse).filter((paint) => paint && paint.a > 0);
      if (!paints.length) continue;
      const best = Math.max(...paints.map((paint) => ratio(over(paint, page), page)));
      results.push({ text: `arrowhead ${id.replace(/^[^-_]*[-_]/, "")}`, ratio: best, minimum: 3 });
    }
  }
  return results;
}
"""


class Recorder:
    """Console errors, page errors, failed requests and requests to other hosts, as they happen."""

    def __init__(self, page, origin: str) -> None:
        self.origin, self.console, self.problems = origin, [], []
        self.missing_pages: set[str] = set()  # addresses served the 404 page, with status 404
        self.page = page
        self.listeners = {
            "console": self._console,
            "pageerror": lambda error: self.problems.append(f"page error: {error}"),
            "requestfailed": self._failed,
            "request": self._request,
            "response": self._response,
        }
        for event, listener in self.listeners.items():
            page.on(event, listener)

    def stop(self) -> None:
        """Stop listening, for a tab that goes on to another test."""
        for event, listener in self.listeners.items():
            self.page.remove_listener(event, listener)

    def _console(self, message) -> None:
        self.console.append(f"{message.type}: {message.text}")
        # Chromium logs a page served with status 404 as an error at the page's own address: that
        # is the document's own status, allowed below, not an error of the page.
        own_status = message.text.startswith("Failed to load resource: the server responded with a status of 404")
        if own_status and message.location.get("url") in self.missing_pages:
            return
        if message.type == "error":
            self.problems.append(f"console error: {message.text}")

    def _failed(self, request) -> None:
        # A navigation cancels what the old page still had in flight (a favicon, a prefetch):
        # that is the browser moving on, not a broken site. Off-host requests and HTTP errors
        # are caught on their own.
        if request.failure != "net::ERR_ABORTED":
            self.problems.append(f"request failed: {request.url} ({request.failure})")

    def _request(self, request) -> None:
        if not request.url.startswith((self.origin, "data:", "blob:", "about:")):
            self.problems.append(f"request to another host: {request.url}")

    def _response(self, response) -> None:
        # The 404 page is served with status 404 on purpose; anything else must succeed.
        if response.request.resource_type == "document" and response.status == 404:
            self.missing_pages.add(response.url)
        elif response.status >= 400:
            self.problems.append(f"HTTP {response.status}: {response.url}")


def save_artifacts(page, recorder: Recorder, name: str) -> Path:
    folder = ARTIFACTS / re.sub(r"[^\w.-]+", "_", name)
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / "screenshot.png"), full_page=True)
    (folder / "console.log").write_text("\n".join(recorder.console) + "\n", encoding="utf-8")
    return folder


AFTER_TWO_FRAMES = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"


def wait_for_diagrams(page) -> None:
    """Material swaps each pre.mermaid for a div.mermaid once drawn; give it time to finish."""
    # A timeout is reported by diagram_problems as an undrawn diagram, with the page's errors.
    with contextlib.suppress(Exception):
        page.wait_for_function("document.querySelectorAll('pre.mermaid').length === 0", timeout=15_000)


def diagram_problems(page) -> list[str]:
    problems = (
        [f"diagram not drawn: {page.locator('pre.mermaid').count()} pre.mermaid left"]
        if page.locator("pre.mermaid").count()
        else []
    )
    for index, state in enumerate(page.evaluate(DIAGRAM_STATE), start=1):
        if not state["svg"] or state["height"] <= 0:
            problems.append(f"diagram {index}: no drawing (height {state['height']})")
        if state["scale"] < READABLE_SCALE:
            problems.append(
                f"diagram {index}: drawn at {state['scale']:.2f} of its size, its text too small to read "
                f"(at least {READABLE_SCALE}: extra.css, --diagram-min-scale)"
            )
        if "Syntax error" in state["text"]:
            problems.append(f"diagram {index}: Mermaid syntax error: {state['text']!r}")
    return problems


NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; animation: none !important; }"

# The axe rules whose outcome depends on the colour scheme. The second scheme needs only these:
# every other rule reads markup and layout, which the palette does not change.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


# Pygments wraps every token of highlighted code in a span of its token's class: three elements
# in four on a page of snippets, each one costing axe a visibility test at least. A span's colours
# come from its class alone (Material's palette), so one visible span of each class, checked where
# it stands, stands for the others; the rest become plain text inside their <code>, whose own
# colour axe then checks. Nothing else on the page changes (a failure's screenshot shows the code
# mostly uncoloured).
ONE_SPAN_PER_TOKEN_CLASS = """() => {
  const kept = new Set();
  for (const span of document.querySelectorAll("div.highlight pre > code span")) {
    // axe skips text without a letter or digit ("{", "=="), so such a span cannot stand for its class.
    const counts = !kept.has(span.className) && /[\\p{L}\\p{N}]/u.test(span.textContent) && span.checkVisibility();
    if (counts) kept.add(span.className);
    else span.replaceWith(span.textContent);
  }
  return kept.size;
}"""


# The same for the rest of a page's text (three cells in four of axe's contrast checks on an
# estimation page; the glossary's thousand terms). axe checks each element that holds words of its
# own, and its colours come from its markup: its tag and attributes, and those of every element
# around it up to the document (the table section a cell is in, an admonition, a tab). Material
# colours no text by its place among its siblings (only a footnote that is the address's target,
# and tab labels, whose words are their own kind). So one visible element of each such kind,
# checked where it stands, stands for the others: going down the article, an element whose every
# word-holding element, itself included, is of a kind already kept is marked, for the colour rules
# to skip with all it holds; every other rule reads it all. A text axe would not check (hidden, as
# in a closed tab, or without a letter or digit, such as "—") is never kept, so that it cannot
# stand for its kind. The same holds for the sidebars that a desktop width shows: the site's
# navigation and the page's contents, over a hundred links on every page, about half the texts
# the dark pass's colour rules checked, in a handful of kinds (a level, the active page, a link
# scrolled past). `roots` names what to go down: the article by default, or the sidebars.
MARK_REPEATED_TEXT = """(roots) => {
  // Attributes that differ on every element and that no stylesheet here selects by value.
  const unique = new Set(["id", "href", "title", "for", "name", "src", "alt", "headers", "datetime", "value",
    "aria-label", "aria-labelledby", "aria-describedby", "aria-controls", "data-axe-repeat"]);
  const words = /[\\p{L}\\p{N}]/u;
  const attribute = (a) => unique.has(a.name) ? a.name : `${a.name}=${a.value}`;
  const holdsWords = (el) => [...el.childNodes].some((n) => n.nodeType === 3 && words.test(n.textContent));
  const own = (el) => [el.tagName, ...[...el.attributes].map(attribute).sort(), holdsWords(el) ? "text" : ""].join(" ");
  const around = new Map();
  const kind = (el) => {
    if (!el) return "";
    if (!around.has(el)) around.set(el, kind(el.parentElement) + " > " + own(el));
    return around.get(el);
  };
  const checked = (el) => holdsWords(el) && el.checkVisibility();
  const kept = new Set();
  let marked = 0;
  const visit = (el) => {
    const holders = [el, ...el.querySelectorAll("*")].filter(checked);
    if (!holders.length) return;
    if (holders.every((holder) => kept.has(kind(holder)))) { el.setAttribute("data-axe-repeat", ""); marked++; return; }
    if (checked(el)) kept.add(kind(el));
    for (const child of el.children) visit(child);
  };
  // Playwright passes null for a missing argument, which a default parameter would not replace.
  for (const root of document.querySelectorAll(roots || "article")) for (const child of root.children) visit(child);
  return marked;
}"""
REPEATED_TEXT = "[data-axe-repeat]"
# Hidden in the phone's drawer during the first pass, so marked only once the page is wide.
SIDEBARS = ".md-sidebar"
# What the colour rules skip: the marked repeats, and the diagrams. Each diagram's text and
# arrowheads are measured by DIAGRAM_CONTRAST in both schemes against what is painted behind them,
# which axe cannot tell inside an SVG (it leaves most diagram text "incomplete", unchecked).
COLOUR_SKIP = f"{REPEATED_TEXT}, div.mermaid"


@functools.cache
def axe_script() -> str:
    from axe_playwright_python.sync_playwright import Axe

    return Axe().axe_script


# The colour rules pass over the elements matching a selector, and all they hold, a diagram's shadow
# root included; every other rule still reads them. axe-core's rules keep the nodes their `matches`
# accepts: this wraps the colour rules' own, so that one run checks everything (a run's setup, before
# any rule, took a second or more on a long page: three runs a page were most of test_page's time).
COLOUR_RULES_SKIP = """([rules, skip]) => {
  const skipped = (node) => {
    for (let el = node; el; el = el.parentElement || el.getRootNode().host) {
      if (el.matches(skip)) return true;
    }
    return false;
  };
  for (const rule of axe._audit.rules.filter((r) => rules.includes(r.id))) {
    const own = rule.ownMatches || (rule.ownMatches = rule.matches);
    rule.matches = !skip ? own : function (node, virtualNode, context) {
      return !skipped(node) && own.call(this, node, virtualNode, context);
    };
  }
  return axe._audit.rules.filter((r) => r.ownMatches).length;
}"""


def serious_accessibility_problems(
    page, rules: list[str] | None = None, *, without: Sequence[str] = (), skip: str | None = None
) -> list[str]:
    """axe's serious and critical violations: of `rules` (all by default) less `without`, on the
    whole document, the colour rules skipping the elements matching `skip`."""
    options = {"resultTypes": ["violations"]}
    if rules:
        # preload fetches the stylesheets for css-orientation-lock, a rule not run here.
        options |= {"runOnly": {"type": "rule", "values": rules}, "preload": False}
    if without:
        options |= {"rules": {rule: {"enabled": False} for rule in without}}
    # Injected once per document: each injection compiles axe again (0.2 to 0.7 s).
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(axe_script())
    wrapped = page.evaluate(COLOUR_RULES_SKIP, [COLOUR_RULES, skip])  # or unwrapped, without `skip`
    assert wrapped == len(COLOUR_RULES), f"axe has no rule of some of {COLOUR_RULES}: only {wrapped} found"
    violations = page.evaluate("(options) => axe.run(document, options).then((r) => r.violations)", options)
    return [
        f"axe {v['impact']}: {v['id']} ({v['help']}) at {[n['target'] for n in v['nodes'][:3]]}"
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]


def narrow_screen_overflow(page) -> list[str]:
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    if overflow <= 0:
        return []
    wide = page.evaluate("""() => [...document.querySelectorAll('article *')]
        .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .slice(0, 3).map((el) => el.tagName.toLowerCase() + '.' + el.className)""")
    return [f"at 375 px the page scrolls sideways by {overflow} px; too wide: {wide}"]


def faint_diagram_text(page) -> list[str]:
    return [
        f"diagram text or arrowhead too faint: {item['text']!r} {item['ratio']:.2f}:1 (needs {item['minimum']}:1)"
        for item in page.evaluate(DIAGRAM_CONTRAST)
        if item["ratio"] < item["minimum"]
    ]


def uncounted_requests(requested: list[str], built_site: Path, path: str) -> list[str]:
    """Requests outside the page-weight model of test_budgets.py, so that nothing escapes the budget."""
    fetched = {name or "index.html" for name in requested}
    fetched.discard(path)  # the page itself is counted as itself
    problems = [f"loaded the Mermaid library {MERMAID_LIBRARY}"] if MERMAID_LIBRARY in fetched else []
    uncounted = sorted(fetched - set(first_visit(built_site, path)))
    if uncounted:
        problems.append(f"requests the page-weight model (tests/test_budgets.py) does not count: {uncounted}")
    return problems


PHONE = {"width": 375, "height": 800}


@pytest.fixture(scope="module")
def reader_tab(browser):
    """One tab for every page test a worker runs. Each test's visit is a full page load (a first
    visit: the tab's cache is off, so every file is requested again), but the tab keeps its
    renderer, so axe and Material's bundle stay compiled from one page to the next (a new
    context per page cost about 0.5 s of each page's 3 s)."""
    context = browser.new_context(viewport=PHONE, color_scheme="light")
    context.add_init_script(OPEN_SHADOW_ROOTS)
    context.add_init_script(RECORD_LAYOUT_SHIFTS)
    page = context.new_page()
    devtools = context.new_cdp_session(page)
    devtools.send("Network.enable")
    devtools.send("Network.setCacheDisabled", {"cacheDisabled": True})
    yield page
    context.close()


@pytest.mark.parametrize("path", PAGES, ids=lambda path: path or "home")
def test_page(reader_tab, site_server, built_site: Path, path: str, kept_pass) -> None:
    """One page, first visited on a phone then on a desktop in the dark (the whole guide, whose
    colours are its pages', on a phone only): it loads cleanly, asks only for what its weight
    budget counts (never Mermaid: diagrams are drawn at build time), draws its diagrams with
    readable text in both schemes, fits a phone, and passes axe.
    A page whose files are byte for byte those of an earlier pass is not visited again."""
    if kept_pass.unchanged():
        return
    page = reader_tab
    page.set_viewport_size(PHONE)  # the last test left it at desktop width, in the dark
    page.emulate_media(color_scheme="light")
    recorder = Recorder(page, site_server.origin)
    requested: list[str] = []

    def record(request) -> None:
        if request.url.startswith(site_server.origin):  # the Recorder reports other hosts itself
            requested.append(urlsplit(request.url).path.removeprefix(PREFIX))

    page.on("request", record)
    problems: list[str] = []
    # The print page repeats every page's content and diagrams, checked by axe and for contrast
    # page by page; on one page of the whole guide they take most of a minute.
    whole_guide = path == WHOLE_GUIDE
    patience = load_patience(path)
    try:
        # The search worker and instant navigation's sitemap load after the page: axe runs
        # meanwhile, and the layout shift is read once they are done.
        page.goto(site_server.url(path), wait_until="load", timeout=patience)
        wait_for_diagrams(page)
        # table-scroll.js makes a wide table focusable from a ResizeObserver, whose first report
        # comes with a rendered frame; on a busy host the load event can come first, and axe
        # then found the table unreachable. A reader's first key press comes after a frame too.
        page.evaluate(AFTER_TWO_FRAMES)
        problems += diagram_problems(page)
        problems += narrow_screen_overflow(page)
        if not whole_guide:
            page.evaluate(ONE_SPAN_PER_TOKEN_CLASS)
            page.evaluate(MARK_REPEATED_TEXT)
            problems += [f"light, 375 px: {p}" for p in serious_accessibility_problems(page, skip=COLOUR_SKIP)]
        page.wait_for_load_state("networkidle", timeout=patience)
        # Nothing may move under the reader as the page loads. The allowance is Material's own:
        # its content tabs settle by 16 px as its script lays them out (0.004 on
        # examples/twitter/step-2-estimation/). Lighthouse calls 0.1 good. (Thinning the code and
        # marking repeated text for axe moves nothing: a shift from them would fail here, never hide.)
        shift = page.evaluate("window.__layoutShift")
        if shift > MAX_LAYOUT_SHIFT:
            moved = page.evaluate("window.__shifted")
            problems.append(
                f"the page shifts as it loads (cumulative layout shift {shift:.4f}, Lighthouse's CLS); moved: {moved}"
            )
        if not whole_guide:
            # Once the shift is read, the diagrams below the first screen, each scrolled to and
            # drawn into the box kept for it (test_startup.py does the same at 1280 px); then back
            # to the top, where the desktop pass has always started (the contents' active link
            # follows the scroll).
            problems += off_screen_diagram_problems(page, "375 px:")[0]
            page.evaluate("window.scrollTo(0, 0)")
            page.evaluate(AFTER_TWO_FRAMES)
        # The whole guide stops here: what follows measures colours, which it repeats from the
        # pages, each checked in both schemes by its own test (restyling its 14 MB for the dark
        # scheme took over 5 s on a busy two-core host, and checked nothing).
        if not whole_guide:
            # Wide enough that each diagram shows whole, for measuring what lies behind its text.
            page.set_viewport_size({"width": 1280, "height": 900})
            problems += [f"light: {p}" for p in faint_diagram_text(page)]
            # Links fade to their new colour (a CSS transition of a few hundred milliseconds): the
            # contrast that counts is where they end, so go there at once.
            page.add_style_tag(content=NO_TRANSITIONS)
            page.emulate_media(color_scheme="dark")
            page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'", timeout=patience)
            page.wait_for_function("document.getAnimations().every((a) => a.playState !== 'running')", timeout=patience)
            problems += [f"dark: {p}" for p in faint_diagram_text(page)]
            page.evaluate(MARK_REPEATED_TEXT, SIDEBARS)
            problems += [
                f"dark, 1280 px: {p}" for p in serious_accessibility_problems(page, COLOUR_RULES, skip=COLOUR_SKIP)
            ]
        problems += uncounted_requests(requested, built_site, path)
        problems += recorder.problems
        if problems:
            folder = save_artifacts(page, recorder, f"test_page-{path or 'home'}")
            pytest.fail(f"{path or 'home'}: " + "; ".join(problems) + f"\nscreenshot and console log: {folder}")
    finally:
        recorder.stop()
        page.remove_listener("request", record)
    kept_pass.keep(requested)


def test_a_faint_token_colour_is_caught_with_one_span_per_class(browser, site_server) -> None:
    """ONE_SPAN_PER_TOKEN_CLASS thins the code before axe: a token class whose colour is too faint
    must still be reported, through the one span of it that is kept."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    try:
        page.goto(site_server.url(url_path(STEPS["steps"][3]["page"])), wait_until="networkidle")
        assert page.evaluate(ONE_SPAN_PER_TOKEN_CLASS) > 1, "expected highlighted code in sight on step 3"
        assert serious_accessibility_problems(page, ["color-contrast"]) == []
        token = page.evaluate("document.querySelector('div.highlight pre > code span').className")  # kept
        page.add_style_tag(content=f".md-typeset .highlight .{token} {{ color: #e8e8e8 !important; }}")
        problems = serious_accessibility_problems(page, ["color-contrast"])
        assert len(problems) == 1 and problems[0].startswith("axe serious: color-contrast"), problems
        assert f".{token}" in problems[0], problems
    finally:
        context.close()


# The elements axe reports for color-contrast: how many, how many of them are marked repeats
# (none may be), and how many are inside `inside`. The rule skips COLOUR_SKIP as test_page's runs
# do, through COLOUR_RULES_SKIP.
REPORTED_NODES = """([skip, inside]) => axe
    .run(document, { runOnly: ["color-contrast"], resultTypes: ["violations"] })
    .then((r) => r.violations.flatMap((v) => v.nodes.map((n) => document.querySelector(n.target[0]))))
    .then((nodes) => ({ count: nodes.length, repeats: nodes.filter((el) => el.closest(skip)).length,
                        inside: nodes.filter((el) => el.closest(inside)).length }))"""


def reported_nodes(page, inside: str) -> dict:
    page.evaluate(COLOUR_RULES_SKIP, [COLOUR_RULES, COLOUR_SKIP])
    return page.evaluate(REPORTED_NODES, [COLOUR_SKIP, inside])


@contextlib.contextmanager
def marked_clean_page(browser, site_server, path: str, repeats_over: int, expected: str):
    """A phone-sized visit to `path`, with more than `repeats_over` repeated texts marked and no
    colour problem yet: for a test to make something faint on."""
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        page.goto(site_server.url(path), wait_until="load")
        assert page.evaluate(MARK_REPEATED_TEXT) > repeats_over, expected
        assert serious_accessibility_problems(page, COLOUR_RULES, skip=COLOUR_SKIP) == []
        yield page
    finally:
        context.close()


def test_a_faint_table_colour_is_caught_with_one_cell_of_each_kind(browser, site_server) -> None:
    """MARK_REPEATED_TEXT leaves the colour rules one cell of each kind: faint text in a
    table's cells must still be reported, through kept cells alone, and a first cell axe does
    not check ("—") must not stand for the words below it."""
    latency = "reference/latency-numbers/"
    with marked_clean_page(browser, site_server, latency, 50, "expected long tables on the latency page") as page:
        page.evaluate("""() => document.querySelector("article").insertAdjacentHTML("beforeend",
            '<table class="faint-test"><tbody><tr><td>—</td></tr><tr><td>Faint words</td></tr></tbody></table>')""")
        page.add_style_tag(content=".md-typeset table.faint-test td { color: #eeeeee !important; }")
        page.evaluate(MARK_REPEATED_TEXT)
        assert reported_nodes(page, "table.faint-test")["inside"] == 1
        page.add_style_tag(content=".md-typeset table td { color: #e8e8e8 !important; }")
        problems = serious_accessibility_problems(page, skip=COLOUR_SKIP)  # every rule, as test_page runs them
        assert len(problems) == 1 and problems[0].startswith("axe serious: color-contrast"), problems
        reported = reported_nodes(page, "table")
        assert reported["count"] > 1 and reported["repeats"] == 0, reported


def test_a_faint_text_colour_is_caught_with_one_text_of_each_kind(browser, site_server) -> None:
    """The same for paragraphs, list items and terms: faint definitions on the glossary (a
    thousand terms, a handful of kinds) are reported through kept texts alone; a hidden
    paragraph, which axe skips, does not stand for a visible one of its kind; and a link is a kind
    of its own, so a paragraph of a kept kind that holds one is checked with it."""
    glossary = "reference/glossary/"
    with marked_clean_page(browser, site_server, glossary, 40, "expected a long definition list") as page:
        page.evaluate("""() => document.querySelector("article").insertAdjacentHTML("afterbegin",
            '<div class="faint-test"><p>Hidden words</p></div><div class="faint-test"><p>Faint words</p></div>' +
            '<div class="faint-test"><p>Faint <a href="#x">link</a></p></div>')""")
        page.add_style_tag(
            content=".md-typeset .faint-test:has(+ .faint-test + .faint-test) { display: none; } "
            ".md-typeset .faint-test p, .md-typeset .faint-test a { color: #eeeeee !important; }"
        )
        page.evaluate(MARK_REPEATED_TEXT)
        # The visible paragraph, and the link's paragraph (its words and its link), all reported.
        assert reported_nodes(page, ".faint-test")["inside"] == 3
        page.add_style_tag(content=".md-typeset dd { color: #e8e8e8 !important; }")
        reported = reported_nodes(page, "dd")
        assert reported["inside"] >= 1 and reported["repeats"] == 0, reported


def test_a_faint_navigation_colour_is_caught_with_one_link_of_each_kind(browser, site_server) -> None:
    """The sidebars, marked as test_page's dark pass marks them: most of their hundred links are
    left to the others of their kind, yet a kind of one (the page's own entry, drawn in the accent
    colour) is still checked, and faint links are reported through kept links alone."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="dark")
    page = context.new_page()
    try:
        page.goto(site_server.url("concepts/caching/"), wait_until="load")
        page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
        page.add_style_tag(content=NO_TRANSITIONS)  # links fade to a new colour: measure where they end
        assert page.evaluate(MARK_REPEATED_TEXT, SIDEBARS) > 20, "expected the navigation's links marked"
        assert serious_accessibility_problems(page, COLOUR_RULES, skip=COLOUR_SKIP) == []
        page.add_style_tag(content=".md-sidebar--primary .md-nav__link--active { color: #333333 !important; }")
        assert reported_nodes(page, ".md-sidebar--primary")["inside"] == 1
        page.add_style_tag(content=".md-nav__link { color: #333333 !important; }")
        problems = serious_accessibility_problems(page, COLOUR_RULES, skip=COLOUR_SKIP)
        assert len(problems) == 1 and problems[0].startswith("axe serious: color-contrast"), problems
        links = page.locator(".md-sidebar .md-nav__link").count()
        reported = reported_nodes(page, ".md-sidebar")
        assert 1 < reported["inside"] < links / 4 and reported["repeats"] == 0, (reported, links)
    finally:
        context.close()


def test_a_faint_diagram_text_is_caught_without_axe(browser, site_server) -> None:
    """axe's colour rules skip the diagrams (COLOUR_SKIP): DIAGRAM_CONTRAST alone must report
    faint text inside one, in its shadow root."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(OPEN_SHADOW_ROOTS)
    page = context.new_page()
    try:
        page.goto(site_server.url(url_path(STEPS["steps"][5]["page"])), wait_until="load")
        wait_for_diagrams(page)
        assert faint_diagram_text(page) == []
        page.evaluate("""() => document.querySelector("div.mermaid").shadowRoot.append(Object.assign(
            document.createElement("style"),
            { textContent: "text, tspan { fill: #eeeeee !important } span, p, div { color: #eeeeee !important }" }))""")
        problems = faint_diagram_text(page)
        assert problems and all(p.startswith("diagram text or arrowhead too faint: ") for p in problems), problems
        # And axe's colour rules pass over it, through the shadow root, as test_page runs them.
        assert serious_accessibility_problems(page, COLOUR_RULES, skip=COLOUR_SKIP) == []
        assert serious_accessibility_problems(page, COLOUR_RULES) != [], "axe should see the faint diagram text"
    finally:
        context.close()


def test_every_page_in_the_sitemap_is_tested(built_site: Path) -> None:
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = [loc.text for loc in ET.parse(built_site / "sitemap.xml").findall(".//s:loc", namespace)]
    assert sorted(location.removeprefix(SITE_URL) for location in locations) == sorted(
        p for p in PAGES if p not in ("404.html", "print_page/")
    )


def test_unknown_addresses_get_the_404_page(browser, site_server) -> None:
    context = browser.new_context()
    page = context.new_page()
    try:
        response = page.goto(site_server.url("workflow/no-such-step/"), wait_until="networkidle")
        assert response.status == 404
        assert page.locator("article h1").inner_text().startswith("Page not found")
        # No bundle sizes the sidebar on this page (overrides/404.html): the footer must still
        # come after the whole navigation, not over its last entries.
        page.set_viewport_size({"width": 1280, "height": 800})
        nav_bottom = page.evaluate("document.querySelector('.md-sidebar--primary nav').getBoundingClientRect().bottom")
        footer_top = page.evaluate("document.querySelector('.md-footer-meta').getBoundingClientRect().top")
        assert nav_bottom <= footer_top, f"the footer (top {footer_top} px) covers the navigation (to {nav_bottom} px)"
        page.locator("article ol a").nth(3).click()  # the step list links into the site
        page.wait_for_url(f"**/{url_path(STEPS['steps'][3]['page'])}")
    finally:
        context.close()


# --- Wide tables on a phone --------------------------------------------------------------------

TABLE_WRAPPERS = """() => [...document.querySelectorAll('.md-typeset__scrollwrap')].map((wrap) => ({
  scrolls: wrap.scrollWidth > wrap.clientWidth, tabindex: wrap.getAttribute('tabindex'),
  role: wrap.getAttribute('role'), label: wrap.getAttribute('aria-label') }))"""


@pytest.mark.parametrize(
    ("path", "table", "label"),
    [
        ("examples/chat/interview-45-minutes/", ".interview-plan", "Say: "),
        ("workflow/", ".steps-table", "What it produces: "),
    ],
)
def test_phone_tables_read_as_blocks_on_a_phone(browser, site_server, path, table, label) -> None:
    """phone-tables.css, linked only by pages that hold such a table (the 45-minute plan, the
    workflow at a glance): at 375 px a row's long cell takes the table's whole width, labelled,
    and the table fits without scrolling sideways; at desktop width it is a table again. A page
    without one does not load the stylesheet."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    cells = f"""() => {{
        const table = document.querySelector('{table} table');
        const cell = table.querySelector('tbody tr:nth-child(2) td:nth-child(3)');
        return {{table: table.getBoundingClientRect().width, cell: cell.getBoundingClientRect().width,
                label: getComputedStyle(cell, '::before').content,
                scrolls: table.scrollWidth > table.clientWidth + 1}};
    }}"""
    try:
        page.goto(site_server.url(path), wait_until="networkidle")
        phone = page.evaluate(cells)
        assert phone["label"] == f'"{label}"', phone
        assert phone["cell"] > 0.9 * phone["table"] and not phone["scrolls"], phone
        page.set_viewport_size({"width": 1280, "height": 900})
        desktop = page.evaluate(cells)
        assert desktop["label"] == "none" and desktop["cell"] < 0.6 * desktop["table"], desktop
        page.goto(site_server.url("examples/chat/step-1-requirements/"), wait_until="networkidle")
        sheets = page.evaluate("[...document.styleSheets].map((s) => s.href || '')")
        assert not [href for href in sheets if href.endswith("phone-tables.css")], sheets
    finally:
        context.close()


def test_wide_tables_scroll_from_the_keyboard_only_when_they_need_to(browser, site_server) -> None:
    """table-scroll.js: a table wider than the phone is a focusable, named region that the arrow
    keys scroll; a table that fits adds no tab stop, and loses it when the window widens."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    try:
        page.goto(site_server.url("reference/latency-numbers/"), wait_until="networkidle")
        # The resize observer reports when the browser gets to it, which on a busy machine can be
        # after the network is idle: wait until it has marked the tables (or time out and report).
        from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

        with contextlib.suppress(PlaywrightTimeoutError):
            marked = f"({TABLE_WRAPPERS})().every((w) => w.scrolls === (w.tabindex === '0'))"
            page.wait_for_function(marked, timeout=30_000)
        wrappers = page.evaluate(TABLE_WRAPPERS)
        assert any(w["scrolls"] for w in wrappers), "expected a table wider than 375 px on this page"
        for wrap in wrappers:
            expected = ("0", "region", "Table, scrolls sideways") if wrap["scrolls"] else (None, None, None)
            kind = "scrolls" if wrap["scrolls"] else "fits"
            assert (wrap["tabindex"], wrap["role"], wrap["label"]) == expected, (
                f"a table that {kind} at 375 px: {wrap}; is table-scroll.js loaded?"
            )
        scroller = page.locator(".md-typeset__scrollwrap[tabindex='0']").first
        scroller.focus()
        page.keyboard.press("ArrowRight")
        page.wait_for_function("document.activeElement.scrollLeft > 0", timeout=30_000)
        page.set_viewport_size({"width": 1280, "height": 900})
        page.wait_for_function(
            "[...document.querySelectorAll('.md-typeset__scrollwrap')]"
            ".every((w) => (w.scrollWidth > w.clientWidth) === w.hasAttribute('tabindex'))"
        )
    finally:
        context.close()


# --- Search --------------------------------------------------------------------------------------

SEARCHES = [
    ("QPS", "workflow/step-2-scale-estimation/"),
    ("fan-out", "examples/twitter/step-6-detailed-design/"),
    ("sharding", "workflow/step-6-detailed-design/"),
    ("single point of failure", "workflow/step-7-bottlenecks/"),
    # A topic only the general data model page covers: broad words ("Cassandra", "wide-column") move
    # as the examples that compute those stores' costs gain text, and rightly rank above it.
    ("crypto-shredding", "workflow/step-4-data-model/"),
    ("Snowflake", "workflow/step-4-data-model/"),
    ("idempotency key", "examples/twitter/step-3-api/"),
    ("cursor pagination", "workflow/step-3-system-interface-definition/"),
] + [(step["title"], url_path(step["page"])) for step in STEPS["steps"]]


RESULTS_SETTLED = """
() => new Promise((resolve) => {
  const list = document.querySelector(".md-search-result");
  let timer = setTimeout(done, 400);
  const observer = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(done, 400); });
  function done() { observer.disconnect(); resolve(); }
  observer.observe(list, { childList: true, subtree: true, characterData: true });
})
"""


def search(page, base: str, query: str) -> list[str]:
    """Enter a query and return the result pages in order. Material searches on each key released
    (keyup), not on input: the query is filled in whole, then one key (End) is pressed and released,
    so the worker runs the full query once instead of once per letter."""
    field = page.locator("input.md-search__input")
    field.click()
    # The first click downloads and indexes the whole site (search-on-demand.js): on a loaded two-core
    # runner that alone took over ten seconds, so it gets its own wait, apart from the query's.
    page.wait_for_function(
        "!/Initializing/.test(document.querySelector('.md-search-result__meta').textContent)", timeout=60_000
    )
    # Start from an empty box, whose "Type to start searching" says no old results are left.
    field.press("Control+A")
    field.press("Backspace")
    page.wait_for_function("document.querySelectorAll('.md-search-result__item').length === 0", timeout=15_000)
    field.fill(query)
    field.press("End")
    page.wait_for_function(
        "document.querySelectorAll('.md-search-result__item').length > 0 || "
        "/No matching/.test(document.querySelector('.md-search-result__meta').textContent)",
        timeout=30_000,
    )
    # Read the list once it has not changed for 400 ms: results are drawn as they come in.
    page.evaluate(RESULTS_SETTLED)
    hrefs = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map((a) => a.href)")
    pages: list[str] = []  # a page's sections are separate items: keep each page once, in order
    for href in hrefs:
        path = urlsplit(href.removeprefix(base)).path  # drop ?h=query (highlighting) and #section
        if path not in pages:
            pages.append(path)
    return pages


@pytest.fixture(scope="module")
def search_page(browser, site_server):
    """One home page for every query: the search index is loaded and indexed once, as for a
    reader who searches again and again. Also yields the site's files the tab has asked for."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    recorder = Recorder(page, site_server.origin)
    requested = site_files_requested(page, site_server.origin)
    page.goto(site_server.url(), wait_until="networkidle")
    yield page, recorder, requested
    context.close()


@pytest.mark.parametrize(("query", "expected"), SEARCHES, ids=[query for query, _ in SEARCHES])
def test_search_finds_the_page(request, site_server, query: str, expected: str, kept_pass) -> None:
    """A query typed into the home page's search finds its page among the first three. One whose
    files (the home page, the search index, the assets) are byte for byte those of an earlier pass
    is not typed again; the tab is opened only if some query is (tests/kept_passes.py)."""
    if kept_pass.unchanged():
        return
    page, recorder, requested = request.getfixturevalue("search_page")
    results = search(page, site_server.base, query)
    if expected not in results[:3]:
        folder = save_artifacts(page, recorder, f"test_search-{query}")
        pytest.fail(
            f"search {query!r}: expected {expected} in the first three results, got {results[:5]}\n"
            f"screenshot and console log: {folder}"
        )
    assert recorder.problems == []
    kept_pass.keep(requested)  # the search index among them


# --- Dark mode and instant navigation -------------------------------------------------------


def test_palette_toggle_switches_scheme_and_the_choice_survives_navigation(browser, site_server, kept_pass) -> None:
    if kept_pass.unchanged():  # its files byte for byte an earlier pass's (tests/kept_passes.py)
        return
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
    page = context.new_page()
    files = site_files_requested(page, site_server.origin)
    recorder = Recorder(page, site_server.origin)
    try:
        page.goto(site_server.url(), wait_until="networkidle")
        assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
        # Three states, following the system first: auto -> light -> dark.
        # By `for`, not `title`: with content.tooltips, Material moves a hovered button's title
        # into its tooltip.
        page.locator("label[for='__palette_1']:visible").click()
        page.locator("label[for='__palette_2']:visible").click()
        assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
        page.locator("nav.md-nav--primary a[href$='step-5-high-level-design/']").first.click()
        page.wait_for_url("**/step-5-high-level-design/")
        assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
        page.reload(wait_until="networkidle")
        assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
        assert recorder.problems == []
    finally:
        context.close()
    kept_pass.keep(files)


def test_instant_navigation_keeps_diagrams_and_stays_on_host(browser, site_server, kept_pass) -> None:
    """Start where there is no diagram (so no Mermaid on the page), then move between diagram pages."""
    if kept_pass.unchanged():  # its files byte for byte an earlier pass's (tests/kept_passes.py)
        return
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(OPEN_SHADOW_ROOTS)
    page = context.new_page()
    files = site_files_requested(page, site_server.origin)
    recorder = Recorder(page, site_server.origin)
    try:
        start = url_path(STEPS["steps"][1]["page"])
        page.goto(site_server.url(start), wait_until="networkidle")
        assert page.locator("pre.mermaid, div.mermaid").count() == 0, f"{start} was meant to have no diagram"
        page.evaluate("window.__sameDocument = true")  # survives only if no full page load happens
        for step in (5, 6, 7, 4):
            target = url_path(STEPS["steps"][step]["page"])
            page.locator(f"nav.md-nav--primary a[href$='{target.split('/')[-2]}/']").first.click()
            page.wait_for_url(f"**/{target}")
            # The address changes before the content does: wait for the new page's title.
            title = f"Step {step}: {STEPS['steps'][step]['title']}"
            page.wait_for_function(f"document.querySelector('article h1').textContent.startsWith({title!r})")
            wait_for_diagrams(page)
            assert page.evaluate("window.__sameDocument === true"), "navigation reloaded the whole page"
            assert diagram_problems(page) == [], target
            assert page.locator("div.mermaid").count() >= 1, target
        assert recorder.problems == []
    finally:
        context.close()
    kept_pass.keep(files)


# --- The reader's offline copy: mkdocs serve --------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.long
def test_mkdocs_serve_works_offline(browser) -> None:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    origin, base = f"http://127.0.0.1:{port}", urlsplit(SITE_URL).path
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(OPEN_SHADOW_ROOTS)
    page = context.new_page()
    recorder = Recorder(page, origin)
    try:
        # The first build of the whole site comes before the server answers: on two busy cores,
        # with the suite's other workers, that can take minutes.
        deadline = time.monotonic() + 240
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                assert server.poll() is None, f"mkdocs serve exited: {server.stderr.read()}"
                assert time.monotonic() < deadline, "mkdocs serve did not answer within 240 s"
                time.sleep(0.5)
        for path in ("", url_path(STEPS["steps"][5]["page"])):
            # "load", not "networkidle": live reload keeps a request open for as long as the page is.
            page.goto(f"{origin}{base}{path}", wait_until="load")
            wait_for_diagrams(page)
            assert diagram_problems(page) == [], path
            assert page.locator("div.mermaid").count() >= 1, path
        # Live reload's long poll is cut off on each navigation: that is not a failure.
        assert [p for p in recorder.problems if "/livereload/" not in p] == []
    finally:
        context.close()
        server.terminate()
        server.wait(timeout=10)
