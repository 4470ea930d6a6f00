"""tests/kept_passes.py: a page test's pass is reused only while its code, browser and files are
byte for byte the same (no browser needed)."""

from __future__ import annotations

from pathlib import Path

import kept_passes
import pytest
from kept_passes import KeptPasses, code_digest, served_file

TEST = "tests/test_browser.py::test_page[workflow/]"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    for name, text in {
        "index.html": "home",
        "404.html": "missing",
        "workflow/index.html": "steps",
        "about/index.html": "about",
        "assets/stylesheets/extra.css": "a { color: black }",
        "assets/javascripts/workers/search.js": "worker",
        "sitemap.xml": "<urlset><url><loc>https://x.test/workflow/</loc><lastmod>2026-12-05</lastmod></url></urlset>",
    }.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    return site


def kept(site: Path, tmp_path: Path, environment: str = "chromium 1", code: str = "code") -> KeptPasses:
    return KeptPasses(site, environment, folder=tmp_path / "passes", code=code)


def test_a_pass_is_reused_while_nothing_it_loaded_changes(site: Path, tmp_path: Path) -> None:
    assert not kept(site, tmp_path).unchanged(TEST), "no pass recorded yet"
    kept(site, tmp_path).keep(TEST, ["workflow/", "assets/stylesheets/extra.css"])
    assert kept(site, tmp_path).unchanged(TEST)
    # A page the test never loaded changes: still the same pass.
    (site / "about/index.html").write_text("about, reworded", encoding="utf-8")
    assert kept(site, tmp_path).unchanged(TEST)
    # Another test's id has no pass of its own.
    assert not kept(site, tmp_path).unchanged(TEST.replace("workflow/", "about/"))


@pytest.mark.parametrize(
    "change",
    ["the page", "an asset the page loaded", "an asset it did not ask for", "the browser", "the test code"],
)
def test_any_change_to_what_decides_the_outcome_runs_the_test_again(site: Path, tmp_path: Path, change: str) -> None:
    kept(site, tmp_path).keep(TEST, ["workflow/", "assets/stylesheets/extra.css"])
    environment, code = "chromium 1", "code"
    if change == "the page":
        (site / "workflow/index.html").write_text("steps, reworded", encoding="utf-8")
    elif change == "an asset the page loaded":
        (site / "assets/stylesheets/extra.css").write_text("a { color: grey }", encoding="utf-8")
    elif change == "an asset it did not ask for":  # a worker's request may not reach the page's listener
        (site / "assets/javascripts/workers/search.js").write_text("worker 2", encoding="utf-8")
    elif change == "the browser":
        environment = "chromium 2"
    else:
        code = "other code"
    assert not kept(site, tmp_path, environment, code).unchanged(TEST)


def test_a_page_that_goes_missing_is_not_the_page_that_passed(site: Path, tmp_path: Path) -> None:
    kept(site, tmp_path).keep(TEST, ["workflow/"])
    (site / "workflow/index.html").unlink()  # now served the 404 page
    assert not kept(site, tmp_path).unchanged(TEST)


def test_files_are_those_the_site_server_answers_with(site: Path) -> None:
    assert served_file(site, "") == site / "index.html"
    assert served_file(site, "workflow/") == site / "workflow/index.html"
    assert served_file(site, "workflow/?h=step#part") == site / "workflow/index.html"
    assert served_file(site, "no/such/page/") == site / "404.html"


def test_the_code_digest_follows_what_the_test_imports_and_nothing_else(tmp_path: Path) -> None:
    files = {
        "requirements.lock": "axe-core==4.10\n",
        "tests/conftest.py": "import helper\n",
        "tests/helper.py": "def serve():\n    from sdw import served\n",  # an import inside a function
        "tests/test_x.py": "from sdw.pages import PAGES\nimport check\n",
        "tests/test_other.py": "X = 1\n",
        "scripts/check.py": "import yaml\n",  # a package: covered by the lock file
        "src/sdw/__init__.py": "",
        "src/sdw/pages.py": "from . import ring\nPAGES = []\n",  # relative
        "src/sdw/ring.py": "R = 1\n",
        "src/sdw/served.py": "S = 1\n",
        "src/sdw/build.py": "B = 1\n",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    first = code_digest.__wrapped__("tests/test_x.py", tmp_path)
    for name in files:
        path = tmp_path / name
        path.write_text(files[name] + "# edited\n", encoding="utf-8")
        changed = code_digest.__wrapped__("tests/test_x.py", tmp_path) != first
        path.write_text(files[name], encoding="utf-8")
        # Another test and build code test_x never reaches leave its passes standing.
        assert changed is (name not in ("tests/test_other.py", "src/sdw/build.py")), f"{name} edited: {changed=}"
    assert code_digest.__wrapped__("tests/test_x.py", tmp_path) == first


def test_a_file_that_does_not_parse_is_digested_not_followed(tmp_path: Path) -> None:
    (tmp_path / "tests").mkdir()
    (tmp_path / "src/sdw").mkdir(parents=True)
    (tmp_path / "requirements.lock").write_text("", encoding="utf-8")
    (tmp_path / "tests/conftest.py").write_text("", encoding="utf-8")
    (tmp_path / "tests/test_x.py").write_text("def later():\n    from sdw import broken\n", encoding="utf-8")
    (tmp_path / "src/sdw/__init__.py").write_text("", encoding="utf-8")
    broken = tmp_path / "src/sdw/broken.py"
    broken.write_text("def f(:\n", encoding="utf-8")
    first = code_digest.__wrapped__("tests/test_x.py", tmp_path)  # no SyntaxError from the walk
    broken.write_text("def f():\n    pass\n", encoding="utf-8")
    assert code_digest.__wrapped__("tests/test_x.py", tmp_path) != first


def test_a_folder_that_cannot_be_written_only_runs_the_test_again(site: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    passes = KeptPasses(site, "chromium 1", folder=blocked / "passes", code="code")
    passes.keep(TEST, ["workflow/"])
    assert not passes.unchanged(TEST)


@pytest.mark.parametrize(("variable", "value"), [("CI", "true"), ("SDW_NO_TEST_CACHE", "1")])
def test_ci_and_the_switch_run_every_test(monkeypatch: pytest.MonkeyPatch, variable: str, value: str) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("SDW_NO_TEST_CACHE", raising=False)
    assert kept_passes.reuse_enabled()
    monkeypatch.setenv(variable, value)
    assert not kept_passes.reuse_enabled()


def test_with_reuse_off_a_pass_is_recorded_for_later_and_not_reused(site: Path, tmp_path: Path) -> None:
    every = KeptPasses(site, "chromium 1", folder=tmp_path / "passes", code="code", reuse=False)
    every.keep(TEST, ["workflow/"])
    assert not every.unchanged(TEST)
    assert kept(site, tmp_path).unchanged(TEST)


def test_the_sitemaps_dates_alone_do_not_run_the_test_again(site: Path, tmp_path: Path) -> None:
    """MkDocs dates every sitemap entry with the build's day: a build the next morning, with nothing
    else changed, keeps the pass; a changed address in it does not."""
    kept(site, tmp_path).keep(TEST, ["workflow/", "sitemap.xml"])
    sitemap = site / "sitemap.xml"
    sitemap.write_text(sitemap.read_text(encoding="utf-8").replace("2026-12-05", "2026-12-06"), encoding="utf-8")
    assert kept(site, tmp_path).unchanged(TEST)
    sitemap.write_text(sitemap.read_text(encoding="utf-8").replace("/workflow/", "/steps/"), encoding="utf-8")
    assert not kept(site, tmp_path).unchanged(TEST)
