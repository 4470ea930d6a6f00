"""sdw.shortcodes: a typo or a hand-typed figure is a warning at file:line, with the likely fix.

Unit tests: each converts one page through the site's Markdown extensions, without a build.
The last test builds once, to show that MkDocs' --strict turns such a warning into a failure.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, convert, mkdocs_build, replace_once

from sdw.shortcodes import KNOWN, without_filled_figures

EXAMPLES = yaml.safe_load((ROOT / "data/examples.yml").read_text(encoding="utf-8"))["examples"]

ESTIMATION = "workflow/step-2-scale-estimation.md"
PLAIN = "workflow/step-1-requirements-clarification.md"


def with_line(src_uri: str, text: str, root: Path = ROOT) -> tuple[str, int]:
    """The page's Markdown with a paragraph appended, and the line the paragraph is on."""
    page = (root / "docs" / src_uri).read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    return page + text + "\n", page.count("\n") + 1


def test_unknown_shortcode_suggests_the_nearest() -> None:
    page, line = with_line(PLAIN, "<!-- md:stepz-table -->")
    assert convert(PLAIN, page).warnings == [
        f"docs/{PLAIN}:{line}: unknown shortcode 'md:stepz-table'; did you mean md:steps-table? "
        f"(known: {', '.join('md:' + name for name in KNOWN)})"
    ]


def test_unknown_figure_suggests_the_nearest_and_lists_the_ones_that_exist() -> None:
    page, line = with_line(ESTIMATION, "About <!-- md:fig step2_example.server --> servers.")
    assert convert(ESTIMATION, page).warnings == [
        f"docs/{ESTIMATION}:{line}: md:fig step2_example.server: step2_example.py defines no figure 'server'; "
        "did you mean servers? (it defines: read_qps_peak, servers, storage_total, write_qps_avg)"
    ]


def test_figure_from_a_missing_snippet_suggests_the_file() -> None:
    page, line = with_line(ESTIMATION, "<!-- md:fig twitr_traffic.tweets_per_second -->")
    assert convert(ESTIMATION, page).warnings == [
        f"docs/{ESTIMATION}:{line}: md:fig twitr_traffic.tweets_per_second: no snippet "
        "docs/snippets/twitr_traffic.py; did you mean twitter_traffic?"
    ]


def test_a_figure_is_printed_by_its_snippet() -> None:
    converted = convert(ESTIMATION, "Peak reads: <!-- md:fig step2_example.read_qps_peak -->.")
    from sdw import snippets

    assert converted.warnings == []
    assert f"Peak reads: {snippets.load('step2_example').read_qps_peak}." in converted.html


def test_a_figure_in_a_heading_is_in_its_anchor_and_table_of_contents() -> None:
    """A heading's text makes its anchor, so its figure is expanded before conversion; any other
    figure is a placeholder until conversion ends (see the next test)."""
    from sdw import snippets

    value = str(snippets.load("step2_example").servers)
    converted = convert(ESTIMATION, "## About <!-- md:fig step2_example.servers --> servers\n\nText.")
    assert converted.warnings == []
    slug = re.sub(r"[^\w]+", "-", f"about {value} servers".lower()).strip("-")
    assert f'<h2 id="{slug}">About {value} servers' in converted.html


def test_figures_are_filled_in_after_conversion_and_again_from_the_kept_html() -> None:
    """The preview keeps a page's HTML with placeholders and fills it in again on each rebuild:
    what it fills in must be what a fresh conversion prints, even after the value changes."""
    from sdw import shortcodes, snippets

    text = (
        "| Peak reads |\n|---|\n| <!-- md:fig step2_example.read_qps_peak --> |\n\n"
        "Now <!-- md:fig step2_example.servers -->."
    )
    shortcodes.keep_unfilled = {}
    try:
        converted = convert(ESTIMATION, text)
        unfilled, figures, values = shortcodes.keep_unfilled[ESTIMATION]
    finally:
        shortcodes.keep_unfilled = None
    module = snippets.load("step2_example")
    assert converted.warnings == [] and "\ue000" not in converted.html
    assert [figure.args for figure in figures] == [("step2_example.read_qps_peak",), ("step2_example.servers",)]
    assert values == [str(module.read_qps_peak), str(module.servers)]
    assert "\ue000" in unfilled and shortcodes.substitute(unfilled, shortcodes.figure_values(figures)) == converted.html
    original = module.servers
    try:
        module.servers = type(original)(12345)  # as if the snippet changed
        assert "Now 12.3K." in shortcodes.substitute(unfilled, shortcodes.figure_values(figures))
    finally:
        module.servers = original


def test_a_converted_pages_figures_come_from_the_kept_values_when_the_build_keeps_them(monkeypatch) -> None:
    """With the build cache on, a page converted again asks sdw.preview for its figures (taken from
    earlier builds while their snippets are unchanged) instead of running the snippets; without it
    every figure is computed."""
    from sdw import shortcodes, snippets

    text = "Now <!-- md:fig step2_example.servers -->."
    asked: list[tuple] = []
    monkeypatch.setattr(
        shortcodes, "figure_values_kept", lambda figures: asked.append(figures) or ["KEPT"] * len(figures)
    )
    converted = convert(ESTIMATION, text)
    assert converted.warnings == [] and "Now KEPT." in converted.html
    assert [figure.args for figure in asked[0]] == [("step2_example.servers",)]
    monkeypatch.setattr(shortcodes, "figure_values_kept", None)
    assert f"Now {snippets.load('step2_example').servers}." in convert(ESTIMATION, text).html


@pytest.mark.parametrize("cited", ["md:fig step2_example.servers", "md:estimator-link twitter"])
def test_a_figure_inside_code_is_a_warning_not_a_broken_page(cited: str) -> None:
    # Inside highlighted code, where the highlighter splits the figure's placeholder.
    page, line = with_line(ESTIMATION, f"```python\nservers = <!-- {cited} -->\n```")
    converted = convert(ESTIMATION, page)
    assert converted.warnings == [
        f"docs/{ESTIMATION}:{line + 1}: {cited} is inside code, where it cannot be filled in; "
        "cite it in the text around the code block"
    ]


def test_hand_typed_figure_on_a_page_of_figures() -> None:
    page, line = with_line(ESTIMATION, "That is about 1.2K/s, or 30 GB/day of text, 2.5× the reads; at 99.9% for 60 s.")
    message = (
        "is typed by hand on a page whose figures come from snippets; "
        "write <!-- md:fig snippet.name --> so it follows the code"
    )
    # A percentage or a duration is left alone: typed ones are mostly inputs (a target, a window).
    assert convert(ESTIMATION, page).warnings == [
        f"docs/{ESTIMATION}:{line}: '1.2K/s' {message}",
        f"docs/{ESTIMATION}:{line}: '30 GB/day' {message}",
        f"docs/{ESTIMATION}:{line}: '2.5×' {message}",
    ]


def test_figures_in_code_are_not_prose() -> None:
    page, _ = with_line(ESTIMATION, "Write `1.2K/s` in code, or:\n\n```text\n30 GB/day\n```")
    assert convert(ESTIMATION, page).warnings == []


def test_line_numbers_count_the_front_matter() -> None:
    text = (ROOT / "docs/index.md").read_text(encoding="utf-8").rstrip("\n") + "\n\n<!-- md:budget -->\n"
    line = text.count("\n")
    assert text.startswith("---\n")
    assert convert("index.md", text).warnings == [
        f"docs/index.md:{line}: md:budget belongs on a step page listed in data/steps.yml"
    ]


def test_budget_is_computed_from_steps_yml(site_copy: Path) -> None:
    replace_once(site_copy / "data/steps.yml", "    interview_minutes: 3\n", "    interview_minutes: 4\n")
    replace_once(site_copy / "data/steps.yml", "    interview_minutes: 12\n", "    interview_minutes: 11\n")
    page = "workflow/step-3-system-interface-definition.md"
    # A 2-minute opening, then steps 1 and 2 at 4 minutes each.
    assert "about 4 minutes, from minute 10 to minute 14" in convert(page, root=site_copy).html
    table = convert("workflow/index.md", root=site_copy).html
    assert "<td>2 min (minutes 0 to 2)</td>" in table  # the opening
    assert "<td>5 min (minutes 40 to 45)</td>" in table  # the wrap-up
    assert "<strong>45 min</strong>" in table


def test_minutes_that_do_not_add_up_are_a_warning(site_copy: Path) -> None:
    replace_once(site_copy / "data/steps.yml", "interview_wrapup_minutes: 5\n", "interview_wrapup_minutes: 3\n")
    assert convert("workflow/index.md", root=site_copy).warnings == [
        "data/steps.yml: the opening, the steps and the wrap-up add up to 43 minutes, not interview_minutes_total (45)"
    ]


RATE_MESSAGE = "; cite the {word} figure, or say which one it is"


def test_an_average_in_a_peak_column() -> None:
    page, line = with_line(
        ESTIMATION, "| Figure | Peak rate |\n|---|---|\n| Posts | <!-- md:fig twitter_traffic.tweets_per_second --> |"
    )
    assert convert(ESTIMATION, page).warnings == [
        f"docs/{ESTIMATION}:{line + 2}: md:fig twitter_traffic.tweets_per_second is an average figure "
        "in the column 'Peak rate' that says 'peak'" + RATE_MESSAGE.format(word="peak")
    ]


def test_a_peak_in_a_sentence_about_the_average() -> None:
    page, line = with_line(
        ESTIMATION,
        "Fine: <!-- md:fig twitter_traffic.tweets_per_second --> on average and\n"
        "<!-- md:fig twitter_traffic.tweets_per_second_peak --> at peak. On an average day, posts\n"
        "arrive at <!-- md:fig twitter_traffic.tweets_per_second_peak -->.",
    )
    assert convert(ESTIMATION, page).warnings == [
        f"docs/{ESTIMATION}:{line + 2}: md:fig twitter_traffic.tweets_per_second_peak is a peak figure "
        "in a sentence that says 'average'" + RATE_MESSAGE.format(word="average")
    ]


def test_a_table_cell_speaks_when_its_header_does_not() -> None:
    page, line = with_line(
        ESTIMATION,
        "| Figure | Rate |\n|---|---|\n| Posts | <!-- md:fig twitter_traffic.tweets_per_second --> at peak |",
    )
    assert convert(ESTIMATION, page).warnings == [
        f"docs/{ESTIMATION}:{line + 2}: md:fig twitter_traffic.tweets_per_second is an average figure "
        "in a table cell that says 'peak'" + RATE_MESSAGE.format(word="peak")
    ]


def test_unknown_preset_suggests_the_nearest() -> None:
    page, line = with_line(ESTIMATION, "<!-- md:estimator-link twittr -->")
    [warning] = convert(ESTIMATION, page).warnings
    assert warning.startswith(
        f"docs/{ESTIMATION}:{line}: md:estimator-link twittr: no such preset; "
        "presets() in src/sdw/presets.py defines: twitter, "
    )
    assert warning.endswith("; did you mean twitter?")


def test_estimator_link_without_a_preset_lists_them() -> None:
    page, line = with_line(ESTIMATION, "<!-- md:estimator-link -->")
    [warning] = convert(ESTIMATION, page).warnings
    assert warning.startswith(f"docs/{ESTIMATION}:{line}: md:estimator-link takes one preset name: twitter, ")


def test_estimator_link_writes_each_input_as_a_reader_would_type_it(monkeypatch) -> None:
    """A derived input's binary noise stays out of the address (and so out of the form's fields)."""
    import sdw.presets

    inputs = {**sdw.presets.twitter()["inputs"]}
    inputs.update(write_size_bytes=328.20000000000005, reads_per_user_per_day=234.99999999999997)
    monkeypatch.setattr(sdw.presets, "twitter", lambda: {"label": "Noisy", "inputs": inputs})
    result = convert(PLAIN, "<!-- md:estimator-link twitter -->")
    assert result.warnings == []
    assert "reads_per_user_per_day=235&amp;write_size_bytes=328.2&amp;" in result.html


def test_an_example_page_missing_from_the_data_names_the_file_to_add_it_to() -> None:
    """A new example's index, before its entry in data/examples.yml: the fix is the entry."""
    page = "examples/new-example/index.md"
    warnings = convert(page, "# New\n\n## The pages\n\n<!-- md:examples-table -->\n").warnings
    names = ", ".join(example["name"] for example in EXAMPLES)
    assert warnings == [
        f"docs/{page}:5: md:examples-table: no example in data/examples.yml has this page among its pages; "
        f"add the example's entry there, or name one here (one of: {names})"
    ]


def test_an_unknown_example_lists_the_known_ones() -> None:
    page = "examples/new-example/interview-45-minutes.md"
    warnings = convert(page, "# New\n\n<!-- md:interview new-example -->\n").warnings
    names = ", ".join(example["name"] for example in EXAMPLES)
    assert warnings == [
        f"docs/{page}:3: md:interview new-example: no such example in data/examples.yml (it has: {names})"
    ]


def test_links_are_relative_to_the_page() -> None:
    html = convert("index.md", "<!-- md:offline-copy -->").html
    assert 'href="system-design-workflow-offline.zip"' in html
    assert "download the offline copy" in html and "You are reading" not in html
    html = convert("workflow/index.md", "<!-- md:offline-copy -->").html
    assert 'href="../system-design-workflow-offline.zip"' in html
    html = convert(PLAIN, "<!-- md:offline-copy -->").html
    assert 'href="../../system-design-workflow-offline.zip"' in html


@pytest.mark.parametrize("shortcode", ["estimator-link twitter", "estimator"])
def test_a_snippet_the_presets_read_raising_is_a_warning_at_both_lines(site_copy: Path, shortcode: str) -> None:
    """The estimator's presets import the examples' assumptions: a broken one used to stop the
    build with a traceback from src/sdw/presets.py, naming neither the page nor the snippet."""
    snippet = site_copy / "docs/snippets/twitter_assumptions.py"
    replace_once(snippet, "daily_active_users = count(250e6)", "daily_active_users = count(250e6) / 0")
    broken = snippet.read_text(encoding="utf-8").splitlines().index("daily_active_users = count(250e6) / 0") + 1
    page = f"# Sizing\n\nTry it: <!-- md:{shortcode} -->\n"
    assert convert(ESTIMATION, page, root=site_copy).warnings == [
        f"docs/{ESTIMATION}:3: md:{shortcode.split()[0]}: the presets (src/sdw/presets.py) read the snippets, and "
        f"docs/snippets/twitter_assumptions.py:{broken} raised ZeroDivisionError: float division by zero"
    ]


def test_a_snippet_that_raises_fails_the_strict_build(site_copy: Path, tmp_path: Path) -> None:
    replace_once(
        site_copy / "docs/snippets/step2_example.py",
        "result = estimate(inputs)",
        'result = estimate({**inputs, "requests_per_server": 0})',
    )
    text = (site_copy / "docs" / ESTIMATION).read_text(encoding="utf-8")
    line = text[: text.index("<!-- md:fig step2_example.servers -->")].count("\n") + 1
    code = (site_copy / "docs/snippets/step2_example.py").read_text(encoding="utf-8").splitlines()
    broken = next(n for n, text in enumerate(code, start=1) if '"requests_per_server": 0' in text)
    result = mkdocs_build(site_copy, tmp_path / "out")
    assert result.returncode == 1
    # The figure that needs it names the page and line, and the snippet's line that raised; so does
    # the block that shows the snippet, at its include line, with the command that shows the traceback.
    shown = text.index('--8<-- "step2_example.py"')
    assert (
        f"WARNING -  docs/{ESTIMATION}:{line}: md:fig step2_example.servers: docs/snippets/step2_example.py:{broken} "
        "raised InputError: requests_per_server: must be greater than 0"
    ) in result.stderr.splitlines()
    assert (
        f"WARNING -  docs/{ESTIMATION}:{text[:shown].count(chr(10)) + 1}: the block showing step2_example.py: "
        f"docs/snippets/step2_example.py:{broken} raised InputError: requests_per_server: must be greater than 0; "
        "run python docs/snippets/step2_example.py to see the whole traceback"
    ) in result.stderr.splitlines()
    assert re.search(r"Aborted with \d+ warnings? in strict mode", result.stdout)


def test_every_data_file_a_shortcode_reads_is_in_its_pages_cache_key(monkeypatch) -> None:
    """The preview and the build cache key a page by data/cards.yml and data/examples.yml only when
    its shortcodes read them (shortcodes.READ_DATA); a shortcode that reads one unlisted would leave
    its pages stale after an edit. So convert each shortcode alone, on a page that uses it, and
    record the files it reads."""
    from sdw import data, shortcodes

    read: set[str] = set()
    parsed = data._parsed

    def recording(path: Path, mtime: int):
        read.add(f"data/{path.name}")
        return parsed(path, mtime)

    monkeypatch.setattr(data, "_parsed", recording)
    every_page_may_read = {"data/steps.yml", "data/glossary.yml"}
    uses: dict[str, tuple[str, str]] = {}  # shortcode -> (a page using it, the shortcode as written)
    for path in sorted((ROOT / "docs").rglob("*.md")):
        for match in shortcodes.SHORTCODE.finditer(path.read_text(encoding="utf-8")):
            uses.setdefault(match["name"], (path.relative_to(ROOT / "docs").as_posix(), match[0]))
    assert set(uses) >= set(KNOWN), "some shortcode is on no page: this check would miss it"
    unkeyed = []
    for name, (src_uri, written) in sorted(uses.items()):
        read.clear()
        shortcodes._data_cache.clear()  # read afresh, not from the last shortcode's parse
        convert(src_uri, written + "\n")
        keyed = set(shortcodes.data_read(written))
        unkeyed += [f"md:{name} reads {file}" for file in sorted(read - keyed - every_page_may_read)]
    assert unkeyed == []


def test_hand_typed_figure_in_a_data_file_names_its_line_and_the_page(site_copy: Path) -> None:
    """The 45-minute plans, the comparisons and the cards come from data files, not from the page's
    own Markdown: a figure typed there is caught where the page shows it."""
    data = site_copy / "data/examples.yml"
    line = replace_once(
        data, "    2:\n      say: Turn daily users", "    2:\n      say: About 3.47M/s of inserts. Turn daily users"
    )
    page = "examples/twitter/interview-45-minutes.md"
    shortcode_line = next(
        number
        for number, text in enumerate((site_copy / "docs" / page).read_text(encoding="utf-8").splitlines(), start=1)
        if "md:interview" in text
    )
    assert convert(page, root=site_copy).warnings == [
        f"data/examples.yml:{line + 1}: '3.47M/s' is typed by hand in text that docs/{page}:{shortcode_line} shows; "
        "write <!-- md:fig snippet.name --> so it follows the code"
    ]


def test_hand_typed_figure_folded_over_two_lines_or_in_a_card_names_its_own_file_and_line(site_copy: Path) -> None:
    """YAML folds long text: a figure split between its number and its unit is still found, at the
    number's line; a card's figure is named in data/cards.yml, not in data/examples.yml."""
    line = replace_once(
        site_copy / "data/examples.yml",
        "    2:\n      say: Turn daily users",
        "    2:\n      say: About 30.4\n        GB a day. Turn daily users",
    )
    page = "examples/twitter/interview-45-minutes.md"
    warnings = convert(page, root=site_copy).warnings
    assert len(warnings) == 1 and warnings[0].startswith(f"data/examples.yml:{line + 1}: '30.4 GB' is typed by hand"), (
        warnings
    )
    card_line = replace_once(
        site_copy / "data/cards.yml",
        "  answer: 'Rate times size, in each direction.",
        "  answer: 'Rate times size, 1.2K/s, in each direction.",
    )
    warnings = convert("practice/workflow.md", root=site_copy).warnings
    assert len(warnings) == 1 and warnings[0].startswith(f"data/cards.yml:{card_line}: '1.2K/s' is typed by hand"), (
        warnings
    )


def test_a_page_that_cites_another_figure_gets_another_cache_key() -> None:
    """The build cache keys a page's conversion on its Markdown with the figures taken out. Taking
    them out whole once kept a page's old placeholders after an edit that cited another figure: the
    build then filled in the old figure, or warned about a name no longer on the page."""
    cites = "Peak: <!-- md:fig twitter_traffic.{} --> a second."
    keyed = without_filled_figures
    assert keyed(cites.format("tweets_per_second_peak")) != keyed(cites.format("tweets_per_second"))
    assert keyed(cites.format("tweets_per_second")) == keyed(cites.format("tweets_per_second"))
    # Not the snippet's name: the page would then be converted again whenever that snippet changed.
    assert "twitter_traffic" not in keyed(cites.format("tweets_per_second"))
