"""Shortcodes: the site's custom Markdown markup, expanded at build time.

    <!-- md:steps-table -->         the workflow at a glance, from docs/workflow/steps.yml
    <!-- md:examples-table -->      the Twitter example's pages, step by step, from steps.yml
    <!-- md:steps-flowchart -->     a Mermaid flowchart of the steps, from steps.yml
    <!-- md:budget -->              this step page's share of a 45-minute interview
    <!-- md:fig snippet.name -->    a figure computed by docs/snippets/snippet.py, formatted
    <!-- md:estimator -->           the estimator form, from estimation.py and estimator_presets.py
    <!-- md:estimator-link NAME -->  a link that opens the estimator with a preset's inputs filled in
    <!-- md:offline-copy -->        a link to the zipped offline copy the deploy job publishes

Every problem is logged as a warning naming `file:line`, so `mkdocs build --strict` fails
on it: an unknown shortcode (a typo), a figure that does not exist, and, on a page that shows
figures, a number typed by hand in the form the formatter prints ("1.16K/s", "30.4 GB/day"),
which would silently drift from its snippet the day an assumption changes, and an average rate
cited where the text says "peak" (or a peak where it says "average"): in a table, the column's
header decides (or, if it names neither, the cell's own words); in prose, the sentence does.
"""

from __future__ import annotations

import contextlib
import html
import io
import json
import logging
import posixpath
import re
import runpy
import sys
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.shortcodes")

KNOWN = (
    "steps-table",
    "examples-table",
    "steps-flowchart",
    "budget",
    "fig",
    "estimator",
    "estimator-link",
    "offline-copy",
)
OFFLINE_ZIP = "system-design-workflow-offline.zip"  # where .github/workflows/deploy.yml publishes it
ESTIMATOR_PAGE = "tools/estimator.md"
ESTIMATOR_SCRIPT = "tools/estimator.js"
SHORTCODE = re.compile(r"<!--\s*md:(?P<name>[\w-]+)(?P<args>[^>]*?)\s*-->")
# A number in the shape estimation.human() prints: a count with a K/M/B/T suffix, or bytes.
HAND_TYPED_FIGURE = re.compile(
    r"(?<![\w.,/-])-?\d[\d,]*(?:\.\d+)?(?:[KMBT](?:/s|/day)?|\s?(?:B|KB|MB|GB|TB|PB|EB)(?:/s|/day)?)(?![\w])"
)
# Markdown whose numbers are not prose: fenced code, inline code, snippet includes, comments.
NOT_PROSE = re.compile(r"^(```|~~~).*?^\1|`[^`\n]+`|<!--.*?-->", re.DOTALL | re.MULTILINE)

_steps: dict = {}
_snippet_dir: Path | None = None
_snippet_globals: dict[str, dict] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _snippet_dir
    docs = Path(config.docs_dir)
    _steps.clear()
    _steps.update(yaml.safe_load((docs / "workflow" / "steps.yml").read_text(encoding="utf-8")))
    planned, total = _interview_minutes(), _steps["interview_minutes_total"]
    if planned != total:
        log.warning(
            f"docs/workflow/steps.yml: the opening, the steps and the wrap-up add up to {planned} minutes, "
            f"not interview_minutes_total ({total})"
        )
    _snippet_dir = docs / "snippets"
    # Snippet code runs in this process (markdown-exec and md:fig) and imports its neighbours.
    if str(_snippet_dir) not in sys.path:
        sys.path.insert(0, str(_snippet_dir))
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    # `mkdocs serve` rebuilds in the same process: forget snippet modules so an edited
    # assumption is picked up instead of the copy imported by the previous build.
    _snippet_globals.clear()
    for name, module in list(sys.modules.items()):
        origin = getattr(module, "__file__", None) or ""
        if _snippet_dir and origin.startswith(str(_snippet_dir)):
            del sys.modules[name]


def _line_offset(page: Page, markdown: str) -> int:
    """Lines of front matter MkDocs stripped before handing us the Markdown."""
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    return source[: len(source) - len(markdown)].count("\n") if source.endswith(markdown) else 0


def _where(page: Page, markdown: str, position: int, offset: int) -> str:
    return f"docs/{page.file.src_uri}:{markdown.count(chr(10), 0, position) + offset + 1}"


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    offset = _line_offset(page, markdown)
    uses_figures = False

    def expand(match: re.Match) -> str:
        nonlocal uses_figures
        where = _where(page, markdown, match.start(), offset)
        name, args = match["name"], match["args"].split()
        if name == "steps-table":
            return _steps_table(page)
        if name == "examples-table":
            return _examples_table(page)
        if name == "steps-flowchart":
            return _steps_flowchart()
        if name == "budget":
            return _budget(page, where)
        if name == "fig":
            uses_figures = True
            value = _figure(args, where)
            if value is not None:
                _check_rate(markdown, match.start(), value, args[0], where)
            return "?" if value is None else str(value)
        if name == "estimator":
            return _estimator(page, config)
        if name == "estimator-link":
            return _estimator_link(page, args, where)
        if name == "offline-copy":
            # Absolute: the zip exists on the hosted site only, not in a local build.
            return f"[download the offline copy]({config.site_url}{OFFLINE_ZIP})"
        log.warning(f"{where}: unknown shortcode 'md:{name}'; known: {', '.join('md:' + k for k in KNOWN)}")
        return match[0]

    expanded = SHORTCODE.sub(expand, markdown)
    if uses_figures or 'exec="on"' in markdown:
        _report_hand_typed_figures(page, markdown, offset)
    return expanded


def _interview_minutes() -> int:
    """Every planned minute: the opening, each step's slot and the wrap-up."""
    steps = sum(step["interview_minutes"] or 0 for step in _steps["steps"])
    return _steps["interview_opening_minutes"] + steps + _steps["interview_wrapup_minutes"]


def _slot(start: int, minutes: int) -> str:
    return f"{minutes} min (minutes {start} to {start + minutes})"


def _steps_table(page: Page) -> str:
    here = posixpath.dirname(page.file.src_uri)
    rows = ["| Step | Goal | What it produces | Interview | Design review |", "|---|---|---|---|---|"]
    opening, wrapup = _steps["interview_opening_minutes"], _steps["interview_wrapup_minutes"]
    rows.append(
        "| Opening | Introductions, and the prompt | Who you are talking to, and the problem in one line "
        f"| {_slot(0, opening)} | The meeting's agenda |"
    )
    clock = opening
    for step in _steps["steps"]:
        link = posixpath.relpath(step["page"], here)
        minutes = step["interview_minutes"]
        budget = "all along" if minutes is None else _slot(clock, minutes)
        clock += minutes or 0
        rows.append(
            f"| [{step['number']}. {step['title']}]({link}) | {step['goal']} | {step['output']} "
            f"| {budget} | {step['review']} |"
        )
    rows.append(
        "| Wrap-up | Summarize the design, then take and ask questions | The design in a few sentences, "
        f"its biggest risks, what you would do next | {_slot(clock, wrapup)} | Open questions and owners |"
    )
    rows.append(f"| **Total** | | | **{_interview_minutes()} min** | |")
    return "\n".join(rows)


def _steps_flowchart() -> str:
    """Steps 1 to 7 in a column, with step 0 beside them as the habits that run throughout."""
    steps = _steps["steps"]
    lines = ["```mermaid", "flowchart TD"]
    for step in steps:
        lines.append(f'  S{step["number"]}["{step["number"]}. {step["title"]}"]')
    chain = [f"S{step['number']}" for step in steps if step["number"] > 0]
    lines.append("  " + " --> ".join(chain))
    lines.append(f"  S0 -.->|throughout| {chain[0]}")
    lines.append(f"  {chain[-1]} -.->|new constraint| {chain[0]}")
    lines.append("```")
    return "\n".join(lines)


def _examples_table(page: Page) -> str:
    here = posixpath.dirname(page.file.src_uri)
    rows = ["| Step | Worked example | What it settles | The step in general |", "|---|---|---|---|"]
    for step in _steps["steps"]:
        if step["number"] == 0:
            continue
        example = posixpath.relpath(step["example"], here)
        general = posixpath.relpath(step["page"], here)
        rows.append(
            f"| {step['number']} | [{step['title']}]({example}) | {step['goal']} | [Step {step['number']}]({general}) |"
        )
    return "\n".join(rows)


def _budget(page: Page, where: str) -> str:
    steps = _steps["steps"]
    index = next((i for i, step in enumerate(steps) if step["page"] == page.file.src_uri), None)
    if index is None:
        log.warning(f"{where}: md:budget belongs on a step page listed in docs/workflow/steps.yml")
        return ""
    step, length = steps[index], _steps["interview_minutes_total"]
    opening, wrapup = _steps["interview_opening_minutes"], _steps["interview_wrapup_minutes"]
    if step["interview_minutes"] is None:
        return (
            f"**In a {length}-minute interview:** no slot of its own; it applies to every minute, from the "
            f"{opening} minutes of introductions at the start to the {wrapup} minutes kept at the end for "
            f"your summary and questions.\n\n**In a design review:** {step['review']}"
        )
    start = opening + sum(s["interview_minutes"] or 0 for s in steps[:index])
    end = start + step["interview_minutes"]
    text = (
        f"**In a {length}-minute interview:** about {step['interview_minutes']} minutes, "
        f"from minute {start} to minute {end}."
    )
    if index == len(steps) - 1:
        text += f" The last {wrapup} minutes, to minute {end + wrapup}, are for your summary and questions."
    return f"{text}\n\n**In a design review:** {step['review']}"


def _figure(args: list[str], where: str):
    """The Quantity a snippet defines under that name, or None (after a warning)."""
    from estimation import Quantity  # docs/snippets is on sys.path from on_config

    if len(args) != 1 or args[0].count(".") != 1:
        log.warning(f"{where}: md:fig takes one argument, snippet.name (e.g. twitter_traffic.tweets_per_second)")
        return None
    snippet, name = args[0].split(".")
    path = _snippet_dir / f"{snippet}.py"
    if not path.exists():
        log.warning(f"{where}: md:fig {args[0]}: no snippet docs/snippets/{snippet}.py")
        return None
    if snippet not in _snippet_globals:
        # Run the snippet as a script, the way a reader would, and keep what it defined.
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                _snippet_globals[snippet] = runpy.run_path(str(path), run_name=f"snippet_{snippet}")
        except Exception as error:  # a broken snippet is a contributor's error: report, don't crash
            log.warning(f"{where}: md:fig {args[0]}: docs/snippets/{snippet}.py raised {type(error).__name__}: {error}")
            _snippet_globals[snippet] = {}
            return None
    value = _snippet_globals[snippet].get(name)
    if not isinstance(value, Quantity):
        figures = sorted(k for k, v in _snippet_globals[snippet].items() if isinstance(v, Quantity))
        log.warning(
            f"{where}: md:fig {args[0]}: {snippet}.py defines no figure '{name}'; it defines: {', '.join(figures)}"
        )
        return None
    return value


# Where a sentence starts or ends: a full stop, question or exclamation mark before a space, a
# blank line, a list item, a heading or a table row.
SENTENCE_BREAK = re.compile(r"[.!?](?=\s)|\n\s*\n|\n\s*(?:[-*+]|\d+\.)\s|\n#|\n\|")
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def _check_rate(markdown: str, position: int, value, name: str, where: str) -> None:
    """Warn when an average fills a place the text calls a peak, or a peak one it calls an average."""
    from estimation import RATE_WORDS, rate_conflict

    line_start = markdown.rfind("\n", 0, position) + 1
    line_end = markdown.find("\n", position)
    line = markdown[line_start : len(markdown) if line_end < 0 else line_end]
    if line.lstrip().startswith("|"):
        column = COMMENT.sub("", line[: position - line_start]).count("|") - 1
        header = _table_header(markdown, line_start)
        title = header[column] if header is not None and 0 <= column < len(header) else ""
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        cell = COMMENT.sub(" ", cells[column]) if 0 <= column < len(cells) else ""
        if len({word.lower() for word in RATE_WORDS.findall(title)}) == 1:
            word, place = rate_conflict(title, value), f"the column '{title}'"
        else:
            word, place = rate_conflict(cell, value), "a table cell"
    else:
        breaks = [m.end() for m in SENTENCE_BREAK.finditer(markdown, 0, position)]
        start = breaks[-1] if breaks else 0
        end_match = SENTENCE_BREAK.search(markdown, position)
        sentence = COMMENT.sub(" ", markdown[start : end_match.start() if end_match else len(markdown)])
        word = rate_conflict(sentence, value)
        place = "a sentence"
    if word:
        log.warning(
            f"{where}: md:fig {name} is {'an' if value.rate == 'average' else 'a'} {value.rate} figure "
            f"in {place} that says '{word}'; cite the {word} figure, or say which one it is"
        )


def _table_header(markdown: str, line_start: int) -> list[str] | None:
    """The header cells of the Markdown table whose row starts at `line_start`."""
    lines = markdown[:line_start].split("\n")[:-1]
    for index in range(len(lines) - 1, 0, -1):
        if re.fullmatch(r"\s*\|?\s*:?-{3,}.*", lines[index]):
            return [cell.strip() for cell in lines[index - 1].strip().strip("|").split("|")]
        if not lines[index].lstrip().startswith("|"):
            return None
    return None


def _estimator(page: Page, config: MkDocsConfig) -> str:
    """The estimator's form and outputs, labelled from the model's own metadata."""
    from estimation import INPUT_UNITS, INPUTS, OUTPUTS
    from estimator_presets import PRESETS

    data = {
        "inputs": [{"name": n, "label": d, "unit": INPUT_UNITS[n]} for n, d in INPUTS.items()],
        "outputs": [{"name": n, "label": label, "unit": unit} for n, (label, unit) in OUTPUTS.items()],
        "presets": PRESETS,
        "default": "twitter",
    }
    offline = config.plugins.get("material/offline") or config.plugins.get("offline")
    if offline is not None and offline.config.enabled:
        # Browsers refuse module scripts from file://, but run inline ones: the offline copy inlines it.
        source = (Path(config.docs_dir) / ESTIMATOR_SCRIPT).read_text(encoding="utf-8")
        script_tag = f'<script type="module">{source}</script>'
    else:
        # From the site's root, so the same tag works on the page and in the one-page print version.
        root = urlsplit(config.site_url or "/").path
        script_tag = f'<script type="module" src="{root}{ESTIMATOR_SCRIPT}"></script>'
    # An attribute, not a <script type="application/json">: Material's instant navigation
    # re-runs every script in a new page, JSON included.
    payload = html.escape(json.dumps(data), quote=True)
    presets = "".join(
        f'<button type="button" class="md-button" data-preset="{html.escape(n)}">{html.escape(p["label"])}</button>'
        for n, p in PRESETS.items()
    )
    fields = "".join(
        f'<div class="estimator__field"><label for="est-{n}">{html.escape(n.replace("_", " ").capitalize())}</label>'
        f'<span class="estimator__help" id="est-{n}-help">{html.escape(d)}</span>'
        f'<span class="estimator__input"><input id="est-{n}" name="{n}" data-input="{n}" type="text" '
        f'inputmode="decimal" autocomplete="off" spellcheck="false" '
        f'aria-describedby="est-{n}-unit est-{n}-help est-{n}-error">'
        f'<span class="estimator__unit" id="est-{n}-unit">{html.escape(INPUT_UNITS[n])}</span></span>'
        f'<span class="estimator__error" id="est-{n}-error" data-error="{n}" hidden></span></div>'
        for n, d in INPUTS.items()
    )
    rows = "".join(
        f'<tr><th scope="row">{html.escape(label)}</th>'
        f'<td><output id="est-out-{n}" data-output="{n}" for="{" ".join("est-" + i for i in INPUTS)}">–</output></td>'
        f'<td><code id="est-work-{n}" data-working="{n}"></code></td></tr>'
        for n, (label, _) in OUTPUTS.items()
    )
    return (
        f'<div class="estimator" data-estimator="{payload}">'
        f'<div class="estimator__presets" role="group" aria-label="Presets">{presets}</div>'
        f'<form class="estimator__form" novalidate aria-label="Assumptions">{fields}</form>'
        f'<div class="estimator__outputs" aria-live="polite"><table><thead><tr><th scope="col">Output</th>'
        f'<th scope="col">Value</th><th scope="col">Working</th></tr></thead><tbody>{rows}</tbody></table></div>'
        f'<p class="estimator__share">'
        f'<button type="button" class="md-button" data-copy-link>Copy link to this estimate</button> '
        f'<span data-copy-status role="status"></span></p>'
        f"{script_tag}</div>"
    )


def _estimator_link(page: Page, args: list[str], where: str) -> str:
    """A Markdown link to the estimator with every input of a preset in the query string."""
    from estimator_presets import PRESETS

    if len(args) != 1 or args[0] not in PRESETS:
        log.warning(f"{where}: md:estimator-link takes one preset name: {', '.join(PRESETS)}")
        return ""
    inputs = PRESETS[args[0]]["inputs"]
    query = "&".join(f"{name}={_plain_number(value)}" for name, value in inputs.items())
    target = posixpath.relpath(ESTIMATOR_PAGE, posixpath.dirname(page.file.src_uri) or ".")
    return f"[open these assumptions in the estimator]({target}?{query})"


def _plain_number(value: float) -> str:
    """250000000.0 -> '250000000' (what a reader would type), 0.1 -> '0.1'."""
    return str(int(value)) if float(value).is_integer() and abs(value) < 1e16 else repr(float(value))


def _report_hand_typed_figures(page: Page, markdown: str, offset: int) -> None:
    prose = NOT_PROSE.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), markdown)
    for match in HAND_TYPED_FIGURE.finditer(prose):
        where = _where(page, markdown, match.start(), offset)
        log.warning(
            f"{where}: '{match[0].strip()}' is typed by hand on a page whose figures come from snippets; "
            f"write <!-- md:fig snippet.name --> so it follows the code"
        )
