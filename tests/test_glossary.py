"""sdw.glossary: every term marked up on every page, and the Glossary page, converted alone."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, append_line, convert, replace_once

from sdw import glossary, shortcodes

ENTRIES = glossary.load_glossary(ROOT)
TERMS = {entry["term"]: entry for entry in ENTRIES}


def test_a_term_on_a_page_carries_its_definition() -> None:
    converted = convert("reference/rules-of-thumb.md", "# T\n\nSize for the peak QPS, not p99 alone.\n")
    soup = BeautifulSoup(converted.html, "html.parser")
    titles = {abbr.get_text(): abbr["title"] for abbr in soup.select("abbr")}
    assert titles == {"QPS": TERMS["QPS"]["definition"], "p99": TERMS["p99"]["definition"]}
    assert converted.warnings == []


def test_an_alias_gets_its_terms_definition_and_code_gets_none() -> None:
    converted = convert("reference/rules-of-thumb.md", "# T\n\nTwo SLIs, and `QPS` in code.\n")
    soup = BeautifulSoup(converted.html, "html.parser")
    assert [(a.get_text(), a["title"]) for a in soup.select("abbr")] == [("SLIs", TERMS["SLI"]["definition"])]


def test_a_term_carries_its_tooltip_where_each_section_first_uses_it() -> None:
    text = "# T\n\nQPS at peak, *QPS* on average, and p99.\n\n- QPS again\n\n## Next\n\nQPS here, p99 too.\n"
    converted = convert("reference/rules-of-thumb.md", text)
    soup = BeautifulSoup(converted.html, "html.parser")
    assert [abbr.get_text() for abbr in soup.select("abbr")] == ["QPS", "p99", "QPS", "p99"]
    first = soup.select_one("p")
    assert first.get_text() == "QPS at peak, QPS on average, and p99."  # the words stay, unwrapped
    assert first.select_one("em").get_text() == "QPS"


@pytest.mark.parametrize("page", ["practice/terms.md", "practice/workflow.md"])
def test_flashcards_give_no_definition_away(page: str) -> None:
    converted = convert(page)
    assert converted.warnings == []
    assert "<summary" in converted.html and "<abbr" not in converted.html


def test_matching_is_whole_word_and_case_sensitive() -> None:
    converted = convert("reference/rules-of-thumb.md", "# T\n\nqps, QPSs and aQPS are not terms.\n")
    assert "<abbr" not in converted.html


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("lease", "leases"),
        ("SLO", "SLOs"),
        ("load balancer", "load balancers"),
        ("secondary index", "secondary indexes"),  # "es" after x, z, ch or sh, as the aliases spell it
        ("canary", "canaries"),  # a consonant and y
        ("key", "keys"),  # a vowel and y
    ],
)
def test_each_spelling_has_its_regular_plural(word: str, expected: str) -> None:
    assert glossary.plural(word) == expected
    assert glossary.words([{"term": word, "aliases": []}])[expected]["term"] == word


@pytest.mark.parametrize("word", ["QPS", "golden signals", "consensus", "stateless", "mutual TLS", "Paxos"])
def test_a_spelling_that_ends_in_s_has_no_plural(word: str) -> None:
    """Already a plural, an acronym, a mass noun or an adjective: "QPSes", "consensuses" are no words."""
    assert glossary.plural(word) is None
    assert glossary.words([{"term": word, "aliases": []}]) == {word: {"term": word, "aliases": []}}


def test_an_entry_that_says_plural_false_has_no_plural() -> None:
    entry = {"term": "read-heavy", "aliases": ["Read-heavy"], "plural": False}
    assert list(glossary.words([entry])) == ["read-heavy", "Read-heavy"]
    # The glossary's adjectives, mass nouns and names say so; its countable nouns do not.
    spelled = glossary.words(ENTRIES)
    for wrong in ("read-heavies", "Zipf-likes", "at-most-onces", "shardings", "Rafts", "Snowflakes", "L4s"):
        assert wrong not in spelled, wrong
    for right in ("leases", "canaries", "secondary indexes", "load balancers", "Snowflake IDs", "rate limits"):
        assert right in spelled, right
    flagged = [entry["term"] for entry in ENTRIES if "plural" in entry]
    assert flagged and all(TERMS[term]["plural"] is False for term in flagged), "plural: is only ever false"


def test_the_pattern_has_one_alternative_per_written_spelling() -> None:
    """Each plural is an optional ending of its singular (`lease(?:s)?`), not an alternative of its
    own: Python's re tries the alternatives one by one at each position of the text."""
    definitions = glossary.abbreviations(ROOT)
    written = {str(word): entry for entry in ENTRIES for word in [entry["term"], *entry["aliases"]]}
    # A written plural of another written spelling of the entry ("SLIs") is folded into it too.
    written_plurals = {
        glossary.plural(word) for word, entry in written.items() if written.get(glossary.plural(word) or "") is entry
    }
    assert len(glossary.alternatives(definitions)) == len(written) - len(written_plurals)
    assert len(definitions) > len(written), "the plurals are still keys, each with its definition"
    matcher = glossary.pattern(definitions)
    for word in ("leases", "lease", "canaries", "canary", "secondary indexes", "SLIs", "QPS"):
        assert matcher.fullmatch(word), word
    for word in ("QPSs", "QPSes", "leasees", "canarys", "secondary indexe", "read-heavies"):
        assert not matcher.fullmatch(word), word
    # A plural with its own definition (a page's `*[leases]: ...`) stays an alternative of its own.
    assert len(glossary.alternatives({"lease": "A", "leases": "B"})) == 2
    assert glossary.alternatives({"canary": "A", "canaries": "A"}) == ["canar(?:ies|y)"]


def test_abbr_finds_the_terms_with_the_folded_pattern() -> None:
    """The glossary replaces abbr's treeprocessor with its own as the first page is converted: abbr
    registers after it (mkdocs.yml lists sdw.glossary first)."""
    import markdown
    from conftest import _markdown_settings

    from sdw.context import PageContext

    extensions, configs, extra = _markdown_settings(ROOT)
    md = markdown.Markdown(extensions=extensions, extension_configs=configs)
    md.sdw_page = PageContext("t.md", ROOT / "docs", ROOT, {"extra": extra, "use_directory_urls": True}, "test", "")
    assert ">canaries</abbr>" in md.convert("Two canaries.")
    processor = md.treeprocessors["abbr"]
    assert isinstance(processor, glossary.GlossaryAbbrTreeprocessor)
    assert processor.RE is glossary.pattern(processor.abbrs)


def test_the_folded_pattern_finds_what_every_spelling_spelled_out_finds() -> None:
    """The same matches as abbr's own alternation of every key, longest first, over the site's prose."""
    definitions = glossary.abbreviations(ROOT)
    spelled_out = re.compile(
        r"\b(?:" + "|".join(re.escape(word) for word in sorted(definitions, key=len, reverse=True)) + r")\b"
    )
    pages = glossary.page_sources(ROOT / "docs")
    text = "\n".join(glossary.prose(page) for page in pages.values())
    expected = [(match.span(), match[0]) for match in spelled_out.finditer(text)]
    assert len(expected) > 4_000
    assert [(match.span(), match[0]) for match in glossary.pattern(definitions).finditer(text)] == expected


def test_a_spelling_in_the_glossary_wins_over_a_plural_made_from_another() -> None:
    entries = [{"term": "shard", "aliases": []}, {"term": "shards", "aliases": []}]
    assert glossary.words(entries)["shards"]["term"] == "shards"


def test_a_page_that_uses_only_a_plural_is_listed_and_gets_the_tooltip(tmp_path: Path) -> None:
    """ "availability zones", "load balancers": the Glossary page lists the page under the singular
    term, and the page shows the term's definition where a section first uses the plural."""
    (tmp_path / "data").mkdir()
    (tmp_path / glossary.GLOSSARY_FILE).write_text((ROOT / glossary.GLOSSARY_FILE).read_text(encoding="utf-8"))
    (tmp_path / "docs/reference").mkdir(parents=True)
    (tmp_path / "docs/snippets").mkdir()  # the build looks for them on every page
    page = glossary.GLOSSARY_PAGE
    (tmp_path / "docs" / page).write_text((ROOT / "docs" / page).read_text(encoding="utf-8"), encoding="utf-8")
    text = "# Plurals\n\nTwo load balancers in three availability zones; the load balancers renew leases.\n"
    (tmp_path / "docs/plurals.md").write_text(text, encoding="utf-8")

    converted = convert("plurals.md", text, root=tmp_path)
    soup = BeautifulSoup(converted.html, "html.parser")
    assert [(abbr.get_text(), abbr["title"]) for abbr in soup.select("abbr")] == [
        ("load balancers", TERMS["load balancer"]["definition"]),
        ("availability zones", TERMS["availability zone"]["definition"]),
        ("leases", TERMS["lease"]["definition"]),
    ], "a tooltip at each term's first use in the section, the plural's included"

    listing = BeautifulSoup(convert(page, root=tmp_path).html, "html.parser")
    listed = {dt.get_text(): dt.find_next_sibling("dd") for dt in listing.select("dt")}
    for term in ("load balancer", "availability zone", "lease"):
        uses = listed[term].select_one(".glossary-uses")
        assert uses is not None and "Used on:" in uses.get_text(), term
        assert "../plurals.md" in {a["href"] for a in uses.select("a")}, term


def test_a_term_and_its_plural_in_one_section_carry_one_tooltip() -> None:
    converted = convert(
        "reference/rules-of-thumb.md", "# T\n\nA lease, then more leases.\n\n## U\n\nLeases and leases.\n"
    )
    soup = BeautifulSoup(converted.html, "html.parser")
    assert [abbr.get_text() for abbr in soup.select("abbr")] == ["lease", "leases"]  # one a section


def test_the_first_use_is_known_by_the_glossary_entry_not_the_definition(tmp_path: Path) -> None:
    """Two entries that share a definition are two terms, each with its first use; so is a page's
    own abbreviation that copies a glossary definition."""
    (tmp_path / "data").mkdir()
    (tmp_path / glossary.GLOSSARY_FILE).write_text(
        "- term: lease\n  definition: A lock with an expiry.\n  aliases: [Leases]\n"
        "- term: ticket\n  definition: A lock with an expiry.\n",
        encoding="utf-8",
    )
    (tmp_path / "docs/snippets").mkdir(parents=True)
    text = "# T\n\nA lease, a ticket, two tickets, more leases; Leases.\n\n*[TTL]: A lock with an expiry.\n\nA TTL.\n"
    soup = BeautifulSoup(convert("terms.md", text, root=tmp_path).html, "html.parser")
    assert [abbr.get_text() for abbr in soup.select("abbr")] == ["lease", "ticket", "TTL"]


def test_the_glossary_page_lists_every_term_with_its_definition_and_pages() -> None:
    converted = convert(glossary.GLOSSARY_PAGE)
    assert converted.warnings == []
    soup = BeautifulSoup(converted.html, "html.parser")
    listed = {dt.get_text(): dt for dt in soup.select("dt")}
    assert sorted(listed) == sorted(TERMS)
    for term, dt in listed.items():
        assert dt["id"] == glossary.anchor(term)
        assert dt.find("abbr") is None, "a defined term is not a tooltip of itself"
        assert dt.find_next_sibling("dd").find("abbr") is None, "the page defines every term: no tooltips"
        definition = dt.find_next_sibling("dd").get_text("")
        assert " ".join(TERMS[term]["definition"].split()) in " ".join(definition.split())
    used = glossary.usage(ENTRIES, glossary.page_sources(ROOT / "docs"))
    assert used["quorum"], "quorum is used on some page"
    uses = listed["quorum"].find_next_sibling("dd").select_one(".glossary-uses")
    assert "Explained in" in uses.get_text()
    hrefs = {a["href"] for a in uses.select("a")}
    assert {posixpath.relpath(page, "reference") for page in used["quorum"]} <= hrefs
    # Step pages are grouped by example and linked as "step N", so no full step title repeats and
    # no link is a lone digit.
    failover_uses = listed["failover"].find_next_sibling("dd").select_one(".glossary-uses")
    failover = failover_uses.get_text()
    assert ", step 4: " not in failover and "Chat, step\u00a0" in failover
    assert not [a.get_text() for a in failover_uses.select("a") if a.get_text().isdigit()]
    assert max(len(dd.get_text()) for dd in soup.select(".glossary-uses")) < 1_200


def test_the_glossary_groups_step_pages_by_example() -> None:
    """An example's step pages, and the workflow's, make one item each: the name once, each step a
    link reading "step N", in path order among the other pages; items are parted by semicolons."""
    titles = {
        "concepts/consensus.md": "Consensus, leases and leader election",
        "examples/chat/index.md": "Chat service worked example",
        "examples/chat/step-3-api.md": "Chat, step 3: System interface definition",
        "examples/chat/step-4-data-model.md": "Chat, step 4: Data model",
        "examples/chat/step-7-bottlenecks.md": "Chat, step 7: Identifying and resolving bottlenecks",
        "examples/twitter/step-5-high-level-design.md": "Twitter, step 5: High-level design",
        "reference/latency.md": "Latency numbers",
        "workflow/step-6-detailed-design.md": "Step 6: Detailed design",
    }

    class Page:
        def link(self, path: str) -> str:
            return posixpath.relpath(path, "reference")

    assert shortcodes._used_on(Page(), list(titles), titles) == (
        "[Consensus, leases and leader election](../concepts/consensus.md); "
        "[Chat service worked example](../examples/chat/index.md); "
        "Chat, [step\u00a03](../examples/chat/step-3-api.md), [step\u00a04](../examples/chat/step-4-data-model.md) "
        "and [step\u00a07](../examples/chat/step-7-bottlenecks.md); "
        "Twitter, [step\u00a05](../examples/twitter/step-5-high-level-design.md); "
        "[Latency numbers](latency.md); "
        "the workflow, [step\u00a06](../workflow/step-6-detailed-design.md)"
    )


def test_the_glossary_is_converted_again_only_when_a_title_or_a_pages_terms_change(tmp_path: Path) -> None:
    """The preview and the build cache key a page that reads other pages on what it reads
    (shortcodes.other_pages_read), not on every page's text: a sentence without a term leaves the
    glossary's key alone; a term newly used, or a title, changes it."""
    docs = tmp_path / "docs"
    (docs / "reference").mkdir(parents=True)
    (docs / "reference/glossary.md").write_text("# Glossary\n\n<!-- md:glossary -->\n", encoding="utf-8")
    (docs / "practice.md").write_text("# Practice\n\n<!-- md:cards-summary -->\n", encoding="utf-8")
    page = docs / "design.md"
    page.write_text("# Design\n\nWe split the data by user.\n", encoding="utf-8")

    def read(name: str) -> str:
        return shortcodes.other_pages_read((docs / name).read_text(encoding="utf-8"), ROOT, docs)

    before = read("reference/glossary.md")
    assert shortcodes.other_pages_read(page.read_text(encoding="utf-8"), ROOT, docs) == ""
    append_line(page, "Each region keeps a copy.")
    assert read("reference/glossary.md") == before
    cards = read("practice.md")
    append_line(page, "A celebrity's timeline is a hot key.")
    assert read("reference/glossary.md") != before
    assert read("practice.md") == cards, "the cards summary reads titles only"
    replace_once(page, "# Design", "# Design, renamed")
    assert read("practice.md") != cards
