"""MkDocs' warnings about links, said as `docs/page.md:LINE: link: what is wrong; did you mean …?`.

MkDocs' `validation:` finds broken links and anchors but names only the page ("Doc file
'workflow/index.md' contains a link 'missing.md', but the target 'workflow/missing.md' is not
found among documentation files."). `LineFilter`, installed on MkDocs' page logger by the hook
src/sdw/mkdocs_hooks/link_lines.py, rewrites each such warning in place, so the strict build,
the preview's banner and scripts/check_links.py all show the line and the nearest existing file
or anchor. A link written twice on a page is blamed on each of its lines in turn.
"""

from __future__ import annotations

import difflib
import logging
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

from markdown.extensions.toc import slugify

RAW = re.compile(
    r"Doc file '(?P<src>[^']+)' contains (?:an? )?(?:[\w ]+ )?link '(?P<link>[^']+)', (?P<rest>.*)$", re.DOTALL
)
REWRITTEN = re.compile(r"(?P<where>docs/[^:\s]+):(?P<line>\d+): (?P<link>\S+): (?P<reason>.*)$", re.DOTALL)
HEADING = re.compile(r"^#{1,6}\s+(?P<title>.+?)\s*(?:\{[^}]*#(?P<id>[\w-]+)[^}]*\})?\s*#*\s*$", re.MULTILINE)
EXPLICIT_ID = re.compile(r"\bid=\"(?P<id>[^\"]+)\"|\{[^}]*#(?P<attr>[\w-]+)[^}]*\}")
PAGE_LOGGER = "mkdocs.structure.pages"


@dataclass(frozen=True)
class LinkProblem:
    where: str  # docs/page.md
    line: int
    link: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}:{self.line}: {self.link}: {self.reason}"


def find_line(lines: list[str], candidates: list[str], used: set[int]) -> int | None:
    """The line that contains a candidate, preferring one not yet blamed for the same link.

    A link written twice is blamed on both lines in turn; a link that appears more often in
    the HTML than in the source (a script on every page, from mkdocs.yml) keeps its one line.
    """
    for candidate in candidates:
        if not candidate:
            continue
        matches = [number for number, text in enumerate(lines, start=1) if candidate in text]
        if matches:
            line = next((number for number in matches if number not in used), matches[0])
            used.add(line)
            return line
    return None


@dataclass
class Locator:
    """Finds the line a link is written on; remembers lines already blamed for the same link."""

    docs_dir: Path
    used: dict[tuple[str, str], set[int]] = field(default_factory=dict)

    def line(self, src: str, link: str) -> int:
        path = self.docs_dir / src
        lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
        candidates = [f"]({link}", f"]: {link}", f'"{link}"', link]
        return find_line(lines, candidates, self.used.setdefault((src, link), set())) or 1

    def problem(self, message: str) -> LinkProblem | None:
        """The problem a MkDocs link warning (raw or already rewritten) describes, or None."""
        rewritten = REWRITTEN.match(message)
        if rewritten:
            return LinkProblem(rewritten["where"], int(rewritten["line"]), rewritten["link"], rewritten["reason"])
        raw = RAW.match(message)
        if not raw:
            return None
        src, link = raw["src"], raw["link"]
        return LinkProblem(f"docs/{src}", self.line(src, link), link, self.reason(src, raw["rest"]))

    def reason(self, src: str, rest: str) -> str:
        """MkDocs' explanation, shortened to what the contributor must fix, with the likely fix."""
        target = re.match(r"but the target '(?P<t>[^']+)' is not found", rest)
        if target:
            near = self._near_page(target["t"])
            hint = f"; did you mean {_relative(near, src)}?" if near else ""
            return f"no such file: docs/{target['t']}{hint}"
        anchor = re.match(r"but the doc '(?P<d>[^']+)' does not contain an anchor '#?(?P<a>[^']+)'", rest)
        if anchor:
            return f"no anchor #{anchor['a']} in docs/{anchor['d']}{self._near_anchor(anchor['d'], anchor['a'])}"
        own = re.match(r"but there is no such anchor on this page", rest)
        if own:
            return "no such anchor on this page"
        return rest.strip().rstrip(".")

    def _near_page(self, target: str) -> str | None:
        """The page whose file name is nearest the target's (a typo): in the target's folder
        first, then, if nearer still, anywhere (the path compared by name: whole paths would share
        their folders and make any two names look alike)."""
        pages = [p.relative_to(self.docs_dir).as_posix() for p in sorted(self.docs_dir.rglob("*.md"))]
        folder, name = posixpath.split(target)
        for cutoff, choices in ((0.75, [p for p in pages if posixpath.dirname(p) == folder]), (0.85, pages)):
            by_name = {posixpath.basename(page): page for page in reversed(choices)}  # the first of a name
            near = difflib.get_close_matches(name, by_name, n=1, cutoff=cutoff)
            if near:
                return by_name[near[0]]
        return None

    def _near_anchor(self, doc: str, anchor: str) -> str:
        path = self.docs_dir / doc
        if not path.is_file():
            return ""
        text = path.read_text(encoding="utf-8")
        anchors = [m["id"] or slugify(re.sub(r"[`*_]", "", m["title"]), "-") for m in HEADING.finditer(text)]
        anchors += [m["id"] or m["attr"] for m in EXPLICIT_ID.finditer(text)]
        near = difflib.get_close_matches(anchor, anchors, n=1, cutoff=0.6)
        return f"; did you mean #{near[0]}?" if near else ""


def _relative(target: str, src: str) -> str:
    """`target` (relative to docs/) as a link written on the page `src`."""
    return posixpath.relpath(target, posixpath.dirname(src) or ".")


class LineFilter(logging.Filter):
    """Rewrites MkDocs' link warnings with their file and line (see the module's docstring)."""

    def __init__(self) -> None:
        super().__init__()
        self.locator: Locator | None = None

    def filter(self, record: logging.LogRecord) -> bool:
        if self.locator is not None and record.levelno >= logging.WARNING:
            message = record.getMessage()
            if RAW.match(message):
                record.msg, record.args = str(self.locator.problem(message)), ()
        return True


_filter = LineFilter()


def install(docs_dir: Path) -> None:
    """Rewrite MkDocs' link warnings for the site in `docs_dir` (once per process; each build resets it)."""
    _filter.locator = Locator(Path(docs_dir))
    logger = logging.getLogger(PAGE_LOGGER)
    if _filter not in logger.filters:
        logger.addFilter(_filter)
