"""The glossary: data/glossary.yml, the one source of the site's terms, and the extension that
lets a reader see a term's definition where a section of a page first uses the term.

Listed under `markdown_extensions` as `sdw.glossary`, beside `abbr`: before each page it hands
`abbr` an abbreviation for each term and alias and for the regular plural of each (its glossary,
as `*[term]: definition` lines would, without appending 300-odd lines that the block parser would
rescan once per line), and `abbr` then wraps every whole-word, case-sensitive occurrence in
`<abbr title="definition">`, which Material's `content.tooltips` shows on hover, and on keyboard
focus or tap once overrides/assets/javascripts/glossary-focus.js has made each one focusable.
`abbr` finds them with pattern(), which folds each plural into its singular (GlossaryAbbrTreeprocessor).
FirstUseTreeprocessor then keeps only each section's first use of a term (known by its glossary
entry, so a plural or an alias after the term is not a second tooltip); pages in
WITHOUT_TOOLTIPS and pages of flashcards get none. Generated in the extension, not kept in a
file of abbreviations, so MkDocs and Zensical both get them and nothing restates the glossary.

The same matching finds the pages that use a term, for the Glossary page (`<!-- md:glossary -->`)
and for scripts/check_glossary.py, which fails on a term defined twice or used on no page.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Mapping
from pathlib import Path

from markdown import Extension, Markdown
from markdown.extensions.abbr import AbbrExtension, AbbrTreeprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from sdw import build_cache
from sdw.context import page_context
from sdw.data import read_yaml

GLOSSARY_FILE = "data/glossary.yml"
# Pages that show no tooltips, and why. Besides these, no page of flashcards (md:cards) shows
# any: a card tests recall, and a definition on hover would answer it (on the term cards, every
# question is a term), while each tooltip costs a phone script as the page loads.
WITHOUT_TOOLTIPS = {
    # It defines every term in place: tooltips would repeat it (and 150 of them cost a phone a
    # quarter of a second of script as the page loads).
    "reference/glossary.md": "defines every term in place",
}
CARDS = "<!-- md:cards -->"
# Pages that hold no prose of their own to scan, or that are not built (mkdocs.yml's exclude_docs).
GLOSSARY_PAGE = "reference/glossary.md"
# What a reader never sees as text: front matter, code, comments, tags, link targets and
# abbreviation definitions. Blanked (newlines kept) before terms are looked for.
HIDDEN = re.compile(
    r"\A---\n.*?\n---\n"  # front matter
    r"|^(```|~~~).*?^\1"  # fenced code
    r"|`[^`\n]+`"  # inline code
    r"|<!--.*?-->"  # comments, shortcodes included
    r"|</?[A-Za-z][^>]*>"  # HTML tags (their text stays)
    r"|\]\([^)]*\)"  # a link's target (its text stays)
    r"|^\*\[[^\]]*\]:.*$"  # abbreviation definitions
    r"|^--8<--.*$",  # snippet includes
    re.DOTALL | re.MULTILINE,
)


def load_glossary(root: Path) -> list[dict]:
    """The entries of data/glossary.yml, in file order: term, definition, aliases, concept, and
    `plural` (false where no regular plural is made: an adjective, a mass noun, a name)."""
    entries = read_yaml(root / GLOSSARY_FILE) or []
    for entry in entries:
        entry.setdefault("aliases", [])
        entry["aliases"] = entry["aliases"] or []
    return entries


def plural(word: str) -> str | None:
    """A spelling's regular plural: "es" after x, z, ch or sh (secondary indexes), "ies" for a
    consonant and y (canaries), else "s" (SLOs). None for a spelling that ends in "s": it is a
    plural already (golden signals), an acronym (QPS, mutual TLS) or a mass noun or adjective
    (consensus, stateless), and none of them takes "es"."""
    lower = word.lower()
    if lower.endswith("s"):
        return None
    if lower.endswith(("x", "z", "ch", "sh")):
        return word + "es"
    if len(lower) > 1 and lower.endswith("y") and lower[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def words(entries: list[dict]) -> dict[str, dict]:
    """Every term and alias, spelled as pages spell it, and the regular plural of each (unless its
    entry says `plural: false`), to its entry (the first, if defined twice). A spelling written in
    the glossary wins over a plural made from another: the plurals are added last."""
    found: dict[str, dict] = {}
    for entry in entries:
        for word in [entry["term"], *entry["aliases"]]:
            found.setdefault(str(word), entry)
    for word, entry in list(found.items()):
        if entry.get("plural", True) and (many := plural(word)) is not None:
            found.setdefault(many, entry)
    return found


def pattern(spellings: Mapping[str, object]) -> re.Pattern:
    """Whole words, case-sensitive, the longest first: the match `abbr` makes, of the keys of
    `spellings` (a spelling to its entry, or to its definition).

    A spelling whose regular plural is also a key, with the same entry or definition, is one
    alternative with the plural's ending optional: `lease(?:s)?`, `secondary index(?:es)?`,
    `canar(?:ies|y)`. The matches are the same as with every spelling spelled out, at a third of
    the cost: Python's re tries the alternatives one by one at each position of the text, while an
    ending after an alternative that matched costs almost nothing (the plurals took a cold build
    a second more of CPU, over 3 MB of prose)."""
    return _compiled(r"\b(?:" + "|".join(alternatives(spellings)) + r")\b")


def alternatives(spellings: Mapping[str, object]) -> list[str]:
    """pattern()'s alternatives, the longest spelling first: one per spelling, its plural folded in."""
    folded: dict[str, str] = {}
    for word, value in spellings.items():
        many = plural(word)
        if many is not None and many in spellings and spellings[many] == value:
            folded[word] = many
    dropped = set(folded.values())  # every plural ends in "s", so none is folded itself
    found = []
    for word in sorted((word for word in spellings if word not in dropped), key=len, reverse=True):
        if word not in folded:
            found.append(re.escape(word))
            continue
        many = folded[word]
        stem = word if many.startswith(word) else word[:-1]  # canar(?:ies|y)
        ending, rest = re.escape(many[len(stem) :]), re.escape(word[len(stem) :])
        found.append(re.escape(stem) + (f"(?:{ending}|{rest})" if rest else f"(?:{ending})?"))
    return found


@functools.lru_cache(maxsize=16)
def _compiled(expression: str) -> re.Pattern:
    """Compiled once per alternation: each page's `abbr`, and each snippet's, asks again."""
    return re.compile(expression)


def prose(markdown: str) -> str:
    """The Markdown with what a reader never sees blanked out, its line breaks kept."""
    return HIDDEN.sub(lambda match: re.sub(r"[^\n]", " ", match[0]), markdown)


def page_sources(docs_dir: Path) -> dict[str, str]:
    """Every built Markdown page, by its path in docs/: templates and snippets left out."""
    pages = {}
    for path in sorted(docs_dir.rglob("*.md")):
        relative = path.relative_to(docs_dir).as_posix()
        if path.name.startswith("_") or relative.startswith("snippets/"):
            continue
        pages[relative] = path.read_text(encoding="utf-8")
    return pages


def usage(entries: list[dict], pages: dict[str, str], kept_in: Path | None = None) -> dict[str, list[str]]:
    """For each term, the pages whose prose uses it or one of its aliases, in path order. With
    `kept_in`, a project whose build cache (sdw.build_cache) keeps what each page's text uses."""
    spellings = words(entries)
    used: dict[str, list[str]] = {entry["term"]: [] for entry in entries}
    if not spellings:
        return used
    matcher = pattern(spellings)
    for path, text in pages.items():
        if path == GLOSSARY_PAGE:
            continue
        for term in {spellings[word]["term"] for word in _spellings_in(matcher, text, kept_in)}:
            used[term].append(path)
    return used


# This file's digest, in the key of what a build keeps of its search: a change to prose() or to
# the search finds every page's words again.
_CODE = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()


@functools.lru_cache(maxsize=4096)
def _spellings_in(matcher: re.Pattern, text: str, kept_in: Path | None) -> frozenset[str]:
    """The glossary's words a page's prose uses. Kept per text, in the process and, with
    `kept_in`, across builds: a preview asks after every save, and a build after every edit,
    about every page, and only the saved one changed (searching all took a quarter of a build)."""

    def search() -> frozenset[str]:
        return frozenset(match[0] for match in matcher.finditer(prose(text)))

    if kept_in is None:
        return search()
    return build_cache.remembered(kept_in, "glossary-words", f"{_CODE}\0{matcher.pattern}\0{text}", search)


@functools.cache
def _spellings(root: Path, mtime: int) -> dict[str, tuple[str, str]]:
    """Every term, alias and plural to its entry's term and its definition on one line (cached
    per version of the file)."""
    return {
        word: (str(entry["term"]), " ".join(str(entry["definition"]).split()))
        for word, entry in words(load_glossary(root)).items()
    }


@functools.cache
def _abbreviations(root: Path, mtime: int) -> dict[str, str]:
    """Every term, alias and plural to its definition on one line."""
    return {word: definition for word, (_, definition) in _spellings(root, mtime).items()}


def spellings(root: Path) -> dict[str, tuple[str, str]]:
    file = root / GLOSSARY_FILE
    return _spellings(root, file.stat().st_mtime_ns) if file.exists() else {}


def abbreviations(root: Path) -> dict[str, str]:
    file = root / GLOSSARY_FILE
    return _abbreviations(root, file.stat().st_mtime_ns) if file.exists() else {}


class GlossaryPreprocessor(Preprocessor):
    """Gives the page's `abbr` extension the glossary's abbreviations, before the page's own."""

    def run(self, lines: list[str]) -> list[str]:
        # markdown-exec converts a snippet's printed Markdown with a Markdown of its own, which
        # knows its page's Markdown as _original_md: its terms are marked up too, under either engine.
        context = page_context(getattr(self.md, "_original_md", self.md))
        abbr = next((ext for ext in self.md.registeredExtensions if isinstance(ext, AbbrExtension)), None)
        # Listed before abbr, this extension cannot replace abbr's treeprocessor as it loads: it
        # does so here, once per Markdown instance.
        if "abbr" in self.md.treeprocessors and type(self.md.treeprocessors["abbr"]) is AbbrTreeprocessor:
            own = self.md.treeprocessors["abbr"]
            self.md.treeprocessors.register(GlossaryAbbrTreeprocessor(self.md, own.abbrs), "abbr", 7)
        if context is None or abbr is None or context.src_uri in WITHOUT_TOOLTIPS:
            return lines
        if _has_cards(context):
            return lines
        # abbr empties its table before each page (reset); a `*[word]:` line on the page, read
        # later by abbr's block processor, still overrides the glossary's definition.
        abbr.abbrs.update(abbreviations(context.root))
        return lines


class GlossaryAbbrTreeprocessor(AbbrTreeprocessor):
    """abbr's own treeprocessor, finding the abbreviations with pattern(): abbr's own run() spells
    every key out, plurals included, and runs that alternation over every piece of text."""

    def run(self, root) -> None:
        if not self.abbrs:
            return
        self.RE = _abbr_pattern(tuple(self.abbrs.items()))
        self.iter_element(root)


@functools.lru_cache(maxsize=16)
def _abbr_pattern(abbreviations: tuple[tuple[str, str], ...]) -> re.Pattern:
    """pattern() of a page's abbreviations, built once for every page that has the same: the
    glossary's, in the same order, unless a page adds its own."""
    return pattern(dict(abbreviations))


def _has_cards(context) -> bool:
    """Whether the page, as written (the shortcode is expanded by now), shows flashcards."""
    if context.text is not None:
        return CARDS in context.text
    return context.source.is_file() and CARDS in context.source.read_text(encoding="utf-8")


class TermsTreeprocessor(Treeprocessor):
    """On the Glossary page, each defined term is a <dfn> with an anchor, not a tooltip of itself."""

    def run(self, root) -> None:
        context = page_context(self.md)
        if context is None or context.src_uri != GLOSSARY_PAGE:
            return
        for dt in root.iter("dt"):
            term = "".join(dt.itertext()).strip()
            for child in list(dt):
                dt.remove(child)
            dt.text = None
            dt.set("id", anchor(term))
            dfn = dt.makeelement("dfn", {})
            dfn.text = AtomicString(term)
            dt.append(dfn)


class FirstUseTreeprocessor(Treeprocessor):
    """A term carries its tooltip where a section first uses it, not at every use.

    A paragraph that underlines the same term five times reads as noise, and each tooltip costs
    a phone script and a layout as the page loads (Material mounts one per <abbr>). Sections
    restart at each h1 and h2, so a reader who lands on one by a link still finds the definition.
    """

    def run(self, root) -> None:
        context = page_context(getattr(self.md, "_original_md", self.md))
        known = spellings(context.root) if context is not None else {}
        seen: set[tuple[str, str]] = set()
        for element, parent in _walk(root):
            if element.tag in ("h1", "h2"):
                seen.clear()
            elif element.tag == "abbr":
                # A glossary term is known by its entry, which its aliases and plurals share:
                # "lease" after "leases" in one section is the same term, already explained. A
                # page's own abbreviation (`*[X]: ...`, even one over a glossary spelling) by its text.
                text = "".join(element.itertext())
                term, definition = known.get(text, (None, None))
                key = ("term", term) if term is not None and element.get("title") == definition else ("text", text)
                if key in seen:
                    _unwrap(element, parent)
                seen.add(key)


def _walk(element, parent=None):
    """Every element below `element` in document order, with its parent."""
    for child in list(element):
        yield child, element
        yield from _walk(child, element)


def _unwrap(element, parent) -> None:
    """Replace the element by its text (an abbr holds text only), keeping what follows it."""
    index = list(parent).index(element)
    text = "".join(element.itertext()) + (element.tail or "")
    if index:
        before = parent[index - 1]
        before.tail = (before.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
    parent.remove(element)


def anchor(term: str) -> str:
    """A term's anchor on the Glossary page: `term-` and its words in lower case, hyphenated."""
    return "term-" + re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-")


class GlossaryExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)  # so that markdown-exec's own Markdown (see above) runs it under MkDocs too
        # Before abbr's block processor reads a page's own definitions, which then win.
        md.preprocessors.register(GlossaryPreprocessor(md), "sdw_glossary", 35)
        # After abbr (7) has marked the terms up.
        md.treeprocessors.register(TermsTreeprocessor(md), "sdw_glossary_terms", 6)
        md.treeprocessors.register(FirstUseTreeprocessor(md), "sdw_glossary_first_use", 5)


def makeExtension(**kwargs) -> GlossaryExtension:
    return GlossaryExtension(**kwargs)
