"""Pages meant for paper print on one A4 sheet: each worked example's 45-minute plan."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT, url_path

from sdw.data import load_examples

pytestmark = pytest.mark.browser

EXAMPLES = load_examples(ROOT)["examples"]


def printed_pages(pdf: bytes) -> int:
    """Page objects in a PDF: `/Type /Page`, not the `/Type /Pages` tree that holds them."""
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda example: example["name"])
def test_the_45_minute_plan_prints_on_one_a4_page(browser, site_server, example: dict) -> None:
    page = browser.new_page()
    try:
        page.goto(site_server.url(url_path(example["pages"]["interview"])), wait_until="load")
        assert page.locator(".interview-plan table").count() == 1
        assert printed_pages(page.pdf(format="A4")) == 1
    finally:
        page.close()
