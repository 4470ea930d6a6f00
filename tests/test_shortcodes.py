"""overrides/hooks/shortcodes.py: a typo or a hand-typed figure fails the strict build at file:line."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import append_line, mkdocs_build, replace_once

ESTIMATION = "workflow/step-2-scale-estimation.md"
PLAIN = "workflow/step-1-requirements-clarification.md"


def warnings(site_copy: Path, tmp_path: Path) -> tuple[int, list[str]]:
    result = mkdocs_build(site_copy, tmp_path / "out")
    found = [line.removeprefix("WARNING -  ") for line in result.stderr.splitlines() if line.startswith("WARNING")]
    return result.returncode, found


def test_unknown_shortcode_fails_the_build(site_copy: Path, tmp_path: Path) -> None:
    line = append_line(site_copy / "docs" / PLAIN, "<!-- md:stepz-table -->")
    code, found = warnings(site_copy, tmp_path)
    assert code == 1
    assert found == [
        f"docs/{PLAIN}:{line}: unknown shortcode 'md:stepz-table'; "
        "known: md:steps-table, md:examples-table, md:steps-flowchart, md:budget, md:fig, "
        "md:estimator, md:estimator-link, md:offline-copy"
    ]


def test_unknown_figure_lists_the_ones_that_exist(site_copy: Path, tmp_path: Path) -> None:
    line = append_line(site_copy / "docs" / ESTIMATION, "About <!-- md:fig step2_example.server --> servers.")
    code, found = warnings(site_copy, tmp_path)
    assert code == 1
    assert found == [
        f"docs/{ESTIMATION}:{line}: md:fig step2_example.server: step2_example.py defines no figure 'server'; "
        "it defines: read_qps_peak, servers, storage_total, write_qps_avg"
    ]


def test_figure_from_a_missing_snippet(site_copy: Path, tmp_path: Path) -> None:
    line = append_line(site_copy / "docs" / ESTIMATION, "<!-- md:fig twiter_traffic.tweets_per_second -->")
    code, found = warnings(site_copy, tmp_path)
    assert code == 1
    assert found == [
        f"docs/{ESTIMATION}:{line}: md:fig twiter_traffic.tweets_per_second: no snippet docs/snippets/twiter_traffic.py"
    ]


def test_hand_typed_figure_on_a_page_of_figures(site_copy: Path, tmp_path: Path) -> None:
    line = append_line(site_copy / "docs" / ESTIMATION, "That is about 1.2K/s, or 30 GB/day of text.")
    code, found = warnings(site_copy, tmp_path)
    assert code == 1
    message = (
        "is typed by hand on a page whose figures come from snippets; "
        "write <!-- md:fig snippet.name --> so it follows the code"
    )
    assert found == [
        f"docs/{ESTIMATION}:{line}: '1.2K/s' {message}",
        f"docs/{ESTIMATION}:{line}: '30 GB/day' {message}",
    ]


def test_figures_in_code_are_not_prose(site_copy: Path, tmp_path: Path) -> None:
    append_line(site_copy / "docs" / ESTIMATION, "Write `1.2K/s` in code, or:\n\n```text\n30 GB/day\n```")
    code, found = warnings(site_copy, tmp_path)
    assert (code, found) == (0, [])


def test_budget_outside_a_step_page(site_copy: Path, tmp_path: Path) -> None:
    line = append_line(site_copy / "docs/index.md", "<!-- md:budget -->")
    code, found = warnings(site_copy, tmp_path)
    assert code == 1
    assert found == [f"docs/index.md:{line}: md:budget belongs on a step page listed in docs/workflow/steps.yml"]


def test_a_snippet_that_raises_fails_the_build(site_copy: Path, tmp_path: Path) -> None:
    replace_once(
        site_copy / "docs/snippets/step2_example.py",
        "result = estimate(inputs)",
        'result = estimate({**inputs, "requests_per_server": 0})',
    )
    text = (site_copy / "docs" / ESTIMATION).read_text(encoding="utf-8")
    line = text[: text.index("<!-- md:fig step2_example.servers -->")].count("\n") + 1
    result = mkdocs_build(site_copy, tmp_path / "out")
    assert result.returncode == 1
    # The figure that needs it names the page and line; markdown-exec shows the traceback.
    assert (
        f"WARNING -  docs/{ESTIMATION}:{line}: md:fig step2_example.servers: docs/snippets/step2_example.py "
        "raised InputError: requests_per_server: must be greater than 0"
    ) in result.stderr.splitlines()
    assert "Traceback" in result.stderr
    assert re.search(r"Aborted with \d+ warnings? in strict mode", result.stdout)


def test_budget_is_computed_from_steps_yml(site_copy: Path, tmp_path: Path) -> None:
    replace_once(site_copy / "docs/workflow/steps.yml", "    interview_minutes: 3\n", "    interview_minutes: 4\n")
    replace_once(site_copy / "docs/workflow/steps.yml", "    interview_minutes: 12\n", "    interview_minutes: 11\n")
    assert mkdocs_build(site_copy, tmp_path / "out").returncode == 0
    page = (tmp_path / "out/workflow/step-3-system-interface-definition/index.html").read_text(encoding="utf-8")
    assert "about 4 minutes, from minute 10 to minute 14" in page  # a 2-minute opening, then 4 + 4
    table = (tmp_path / "out/workflow/index.html").read_text(encoding="utf-8")
    assert "<td>2 min (minutes 0 to 2)</td>" in table  # the opening
    assert "<td>5 min (minutes 40 to 45)</td>" in table  # the wrap-up
    assert "<strong>45 min</strong>" in table


def test_minutes_that_do_not_add_up_fail_the_build(site_copy: Path, tmp_path: Path) -> None:
    steps_yml = site_copy / "docs/workflow/steps.yml"
    replace_once(steps_yml, "interview_wrapup_minutes: 5\n", "interview_wrapup_minutes: 3\n")
    code, found = warnings(site_copy, tmp_path)
    assert code == 1
    assert found == [
        "docs/workflow/steps.yml: the opening, the steps and the wrap-up add up to 43 minutes, "
        "not interview_minutes_total (45)"
    ]


RATE_MESSAGE = "; cite the {word} figure, or say which one it is"


def test_an_average_in_a_peak_column_fails_the_build(site_copy: Path, tmp_path: Path) -> None:
    line = append_line(
        site_copy / "docs" / ESTIMATION,
        "| Figure | Peak rate |\n|---|---|\n| Posts | <!-- md:fig twitter_traffic.tweets_per_second --> |",
    )
    code, found = warnings(site_copy, tmp_path)
    assert code == 1
    assert found == [
        f"docs/{ESTIMATION}:{line + 2}: md:fig twitter_traffic.tweets_per_second is an average figure "
        "in the column 'Peak rate' that says 'peak'" + RATE_MESSAGE.format(word="peak")
    ]


def test_a_peak_in_a_sentence_about_the_average_fails_the_build(site_copy: Path, tmp_path: Path) -> None:
    line = append_line(
        site_copy / "docs" / ESTIMATION,
        "Fine: <!-- md:fig twitter_traffic.tweets_per_second --> on average and\n"
        "<!-- md:fig twitter_traffic.tweets_per_second_peak --> at peak. On an average day, posts\n"
        "arrive at <!-- md:fig twitter_traffic.tweets_per_second_peak -->.",
    )
    code, found = warnings(site_copy, tmp_path)
    assert code == 1
    assert found == [
        f"docs/{ESTIMATION}:{line + 2}: md:fig twitter_traffic.tweets_per_second_peak is a peak figure "
        "in a sentence that says 'average'" + RATE_MESSAGE.format(word="average")
    ]


def test_a_table_cell_speaks_when_its_header_does_not(site_copy: Path, tmp_path: Path) -> None:
    line = append_line(
        site_copy / "docs" / ESTIMATION,
        "| Figure | Rate |\n|---|---|\n| Posts | <!-- md:fig twitter_traffic.tweets_per_second --> at peak |",
    )
    code, found = warnings(site_copy, tmp_path)
    assert code == 1
    assert found == [
        f"docs/{ESTIMATION}:{line + 2}: md:fig twitter_traffic.tweets_per_second is an average figure "
        "in a table cell that says 'peak'" + RATE_MESSAGE.format(word="peak")
    ]
