"""The estimator: the command line, and the browser port held to the Python model."""

from __future__ import annotations

import json
import math
import random
import sys
from urllib.parse import parse_qsl, urlsplit

import pytest
from conftest import ROOT, run
from test_estimation import OVERFLOWS

from sdw import estimation
from sdw.presets import presets

PRESETS = presets()

pytestmark = pytest.mark.browser


def as_shown(inputs: dict) -> dict:
    """A preset's inputs as the form shows them, and so estimates them: each written to 12
    significant digits (estimation.input_text, estimator.js inputText) and read back."""
    return {name: float(estimation.input_text(value)) for name, value in inputs.items()}


# --- scripts/estimate.py -------------------------------------------------------------------


def cli(*args: str, stdin: str = "") -> tuple[int, str, str]:
    result = run([sys.executable, "scripts/estimate.py", *args], input=stdin)
    return result.returncode, result.stdout, result.stderr


@pytest.mark.parametrize("name", list(PRESETS))
def test_cli_preset_prints_exactly_the_outputs(name: str) -> None:
    code, out, err = cli("--preset", name)
    assert (code, err) == (0, "")
    printed = json.loads(out)
    assert list(printed) == list(estimation.OUTPUTS)
    assert printed == estimation.estimate(PRESETS[name]["inputs"])


def test_cli_reads_inputs_from_stdin() -> None:
    inputs = dict(PRESETS["url_shortener"]["inputs"])
    code, out, _ = cli(stdin=json.dumps(inputs))
    assert code == 0
    assert json.loads(out)["servers"] == 8  # (3,472.2 + 34,722.2) / 5,000 = 7.64 -> 8


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"daily_active_users": None}, "daily_active_users: missing"),
        ({"write_size_bytes": -5}, "write_size_bytes: must not be negative, got -5"),
        ({"reads_per_user_per_day": "ten"}, 'reads_per_user_per_day: must be a number, got "ten"'),
        ({"requests_per_server": 0}, "requests_per_server: must be greater than 0"),
        ({"cache_fraction": 3}, "cache_fraction: must be between 0 and 1, got 3"),
        ({"peak_to_average": 0.5}, "peak_to_average: must be at least 1, got 0.5"),
        ({"colour": "blue"}, "colour: unknown field; expected one of " + ", ".join(estimation.INPUTS)),
    ],
)
def test_cli_rejects_bad_input_in_one_line_naming_the_field(change: dict, message: str) -> None:
    inputs = {**PRESETS["url_shortener"]["inputs"], **change}
    inputs = {k: v for k, v in inputs.items() if v is not None}
    code, out, err = cli(stdin=json.dumps(inputs))
    assert (code, out, err) == (2, "", message + "\n")


def test_cli_refuses_inputs_whose_outputs_pass_what_a_number_can_hold() -> None:
    # Each field is valid alone; 1e310 writes a day is past the largest double.
    inputs = {**PRESETS["url_shortener"]["inputs"], "daily_active_users": 1e300, "writes_per_user_per_day": 1e10}
    message = "the inputs multiply past what a number can hold: lower daily_active_users or writes_per_user_per_day"
    assert cli(stdin=json.dumps(inputs)) == (2, "", message + "\n")


def test_cli_rejects_what_is_not_json() -> None:
    assert cli(stdin="users=10") == (2, "", "input: not valid JSON (Expecting value at line 1, column 1)\n")


def test_cli_rejects_an_unknown_preset() -> None:
    code, _, err = cli("--preset", "myspace")
    assert code == 2 and "invalid choice: 'myspace'" in err


# --- The browser port ------------------------------------------------------------------------------


def generated_inputs(count: int, seed: int = 20261123) -> list[dict]:
    """Small, huge and fractional values, every field, from a fixed seed."""
    rng = random.Random(seed)

    def value(name: str) -> float:
        if name == "cache_fraction":
            return rng.choice([0.0, 1.0, rng.random(), round(rng.random(), 2)])
        low = 1.0 if name in ("peak_to_average", "replication_factor") else 0.0
        kind = rng.random()
        if kind < 0.3:
            return low + rng.random() * 10  # small and fractional
        if kind < 0.6:
            return float(rng.randint(max(1, int(low)), 10**6))  # whole numbers
        return low + 10 ** rng.uniform(0, 15) * rng.random()  # up to huge

    sets = []
    while len(sets) < count:
        inputs = {name: value(name) for name in estimation.INPUTS}
        if inputs["requests_per_server"] == 0:
            continue
        sets.append(inputs)
    return sets


@pytest.fixture(scope="module")
def estimator_page(browser, site_server):
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    open_estimator(page, site_server.url("tools/estimator/"))
    page.wait_for_function("typeof window.estimate === 'function'")
    yield page
    context.close()


def test_browser_estimate_equals_python_on_generated_inputs(estimator_page) -> None:
    cases = generated_inputs(240) + [PRESETS[name]["inputs"] for name in PRESETS]
    browser_results = estimator_page.evaluate("(cases) => cases.map((inputs) => window.estimate(inputs))", cases)
    for inputs, got in zip(cases, browser_results, strict=True):
        expected = estimation.estimate(inputs)
        assert list(got) == list(expected)
        for key, value in expected.items():
            # The same doubles, exactly: both sides do the same operations in the same order.
            # (A whole number comes back from the browser as an int: its shortest decimal form.)
            assert float(got[key]) == value, f"{key}: Python {value!r}, browser {got[key]!r} for {inputs}"


def test_browser_formatting_equals_python(estimator_page) -> None:
    rng = random.Random(7)
    values = [
        0,
        0.5,
        1.125,
        999.4,
        999.5,
        999.96,
        999_950,
        1e21,
        1e30,
        9.994e17,
        9.995e17,
        8.64e10,
        -2.345e300,
        1.7976931348623157e308,  # the largest double
        5e-324,  # the smallest
        9.999e-10,
        2.5e-12,
        -1234.0,
        0.000123456,
        1.23e-9,
        0.9999,
        59.96,
        86_399,
        328.20000000000005,  # a derived preset input, as Python computes it
        234.99999999999997,
        0.30000000000000004,
    ]
    values += [10 ** rng.uniform(-9, 24) * rng.choice([1, -1]) for _ in range(300)]
    values += [10 ** rng.uniform(-300, 300) for _ in range(60)]  # written with an exponent
    units = [*estimation.UNITS]
    cases = [(v, u) for v in values for u in units]
    got = estimator_page.evaluate(
        "(cases) => cases.map(([v, u]) => [window.estimator.human(v, u), window.estimator.exact(v)])", cases
    )
    for (value, unit), (human, exact) in zip(cases, got, strict=True):
        assert human == estimation.human(value, unit), (value, unit)
        assert exact == estimation.exact(value), value
    # Counts of machines: every digit below 10,000, then as human() (sdw.estimation.Machines).
    machines = [0, 7, 999, 1000, 1074, 9999, 10_000, 10_049, 12_345, 999_999, 10**9]
    printed = estimator_page.evaluate(
        "(values) => values.map((v) => window.estimator.outputText(v, 'machines'))", machines
    )
    assert printed == [estimation.output_text(value, "machines") for value in machines]
    assert printed[4:7] == ["1,074", "9,999", "10K"]  # the edge, worked out by hand
    typed = estimator_page.evaluate("(values) => values.map((v) => window.estimator.inputText(v))", values)
    for value, text in zip(values, typed, strict=True):
        assert text == estimation.input_text(value), value


def test_browser_rejects_bad_input_with_pythons_words(estimator_page) -> None:
    base = PRESETS["chat"]["inputs"]
    bad = [
        {**base, "daily_active_users": "lots"},
        {**base, "write_size_bytes": -1},
        {**base, "peak_to_average": 0.5},
        {**base, "cache_fraction": 1.5},
        {**base, "requests_per_server": 0},
        {**base, "extra": 1},
        {k: v for k, v in base.items() if k != "retention_years"},
        # Each field valid, the outputs past what a double holds (test_estimation.OVERFLOWS).
        *({**base, **change} for change, _ in OVERFLOWS),
    ]
    got = estimator_page.evaluate(
        "(cases) => cases.map((c) => { try { window.estimate(c); return null; } catch (e) { return e.message; } })", bad
    )
    for inputs, message in zip(bad, got, strict=True):
        with pytest.raises(estimation.InputError) as error:
            estimation.estimate(inputs)
        assert message == str(error.value)


# --- The form -----------------------------------------------------------------------------------------


def output(page, name: str) -> str:
    return page.locator(f"#est-out-{name}").inner_text()


def open_estimator(page, url: str) -> None:
    """Load the page and wait for the form's first estimate (data-valid is set once it is drawn)."""
    page.goto(url, wait_until="load")
    page.wait_for_selector("[data-estimator][data-valid]", state="attached")


def test_typing_updates_outputs_and_the_address(browser, site_server) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    try:
        open_estimator(page, site_server.url("tools/estimator/?preset=url_shortener"))
        inputs = as_shown(PRESETS["url_shortener"]["inputs"])
        assert output(page, "servers") == estimation.human(estimation.estimate(inputs)["servers"])
        field = page.locator("#est-daily_active_users")
        field.click()
        field.press("Control+A")
        page.keyboard.type("1B", delay=10)  # a billion users
        writes = 1e9 * inputs["writes_per_user_per_day"] / 86_400
        assert output(page, "write_qps_avg") == estimation.human(writes, "/s")
        assert page.locator("#est-work-write_qps_avg").inner_text().startswith("1,000,000,000 users × ")
        assert page.locator("#est-out-write_qps_avg").get_attribute("title") == f"{estimation.exact(writes)} exactly"
        assert "daily_active_users=1000000000" in page.url
        # 4.1M parses to 4099999.9999999995: the address carries it as a reader typed it.
        field.press("Control+A")
        page.keyboard.type("4.1M", delay=10)
        assert "daily_active_users=4100000&" in page.url
        # The address reproduces the estimate.
        copy = context.new_page()
        open_estimator(copy, page.url)
        assert [output(copy, n) for n in estimation.OUTPUTS] == [output(page, n) for n in estimation.OUTPUTS]
    finally:
        context.close()


@pytest.mark.parametrize(
    ("name", "typed", "value"),
    [
        # In a size field a suffix is a byte unit, decimal as human() prints sizes: "500B" is 500
        # bytes, not 500 billion.
        ("write_size_bytes", "500B", 500),
        ("write_size_bytes", "2KB", 2_000),
        ("read_size_bytes", "1.5 mb", 1_500_000),
        ("read_size_bytes", "1,000B", 1_000),
        # In a count field, K, M, B and T are thousand, million, billion and trillion.
        ("daily_active_users", "1.5B", 1.5e9),
        ("daily_active_users", "250m", 250e6),
        # A comma between groups of three digits separates thousands.
        ("daily_active_users", "1,000,000", 1e6),
        ("reads_per_user_per_day", "1,000.5", 1000.5),
        ("daily_active_users", "2.5e8", 2.5e8),
        # So does a space, and one may stand between a number and its unit.
        ("daily_active_users", "250 000 000", 250e6),
        ("write_size_bytes", "1 500 B", 1_500),
    ],
)
def test_a_field_reads_what_a_reader_types(estimator_page, name: str, typed: str, value: float) -> None:
    assert (
        estimator_page.evaluate("([name, typed]) => window.estimator.parseField(name, typed)", [name, typed]) == value
    )


def test_a_typed_size_reaches_the_estimate_in_bytes(estimator_page) -> None:
    page = estimator_page
    page.locator("[data-preset='chat']").click()
    field = page.locator("#est-write_size_bytes")
    field.fill("500B")
    field.dispatch_event("input")
    assert page.locator("#est-write_size_bytes-error").is_hidden()
    inputs = {**as_shown(PRESETS["chat"]["inputs"]), "write_size_bytes": 500}
    expected = estimation.estimate(inputs)["storage_per_day_bytes"]
    assert output(page, "storage_per_day_bytes") == estimation.human(expected, "B/day")
    assert "write_size_bytes=500&" in page.url


@pytest.mark.parametrize("name", list(PRESETS))
def test_each_preset_loads(estimator_page, name: str) -> None:
    # The form page is shared: the preset button sets every field, whatever came before.
    estimator_page.locator(f"[data-preset='{name}']").click()
    inputs = PRESETS[name]["inputs"]
    for key, value in inputs.items():  # as a reader would type it: 328.2, not 328.20000000000005
        assert estimator_page.locator(f"#est-{key}").input_value() == estimation.input_text(value), key
    expected = estimation.estimate(as_shown(inputs))
    for key, (_, unit) in estimation.OUTPUTS.items():
        assert output(estimator_page, key) == estimation.output_text(expected[key], unit), key


@pytest.mark.parametrize(
    ("name", "typed", "message"),
    [
        ("daily_active_users", "", "Daily active users: enter a number, such as 250M, 2.5e8 or 0.2."),
        ("daily_active_users", "lots", "Daily active users: enter a number, such as 250M, 2.5e8 or 0.2."),
        # A byte unit in a count field, a count suffix in a size field: neither is guessed at.
        ("daily_active_users", "2KB", "Daily active users: enter a number, such as 250M, 2.5e8 or 0.2."),
        ("write_size_bytes", "2K", "Write size bytes: enter a size in bytes, such as 500, 2KB or 1.5MB."),
        # A decimal comma, which read as 15 when every comma was dropped.
        (
            "daily_active_users",
            "1,5",
            "Daily active users: use a point for decimals, such as 1.5; a comma only separates thousands, "
            "as in 1,000,000.",
        ),
        # A space between digits that is not a thousands separator, which read as 15 too.
        (
            "daily_active_users",
            "1 5",
            "Daily active users: a space only separates thousands, as in 250 000 000; write decimals with a "
            "point, such as 1.5.",
        ),
        ("write_size_bytes", "-300", "Write size bytes: must not be negative, got -300."),
        ("peak_to_average", "0.5", "Peak to average: must be at least 1, got 0.5."),
        ("replication_factor", "0", "Replication factor: must be at least 1, got 0."),
        ("cache_fraction", "1.5", "Cache fraction: must be between 0 and 1, got 1.5."),
        ("requests_per_server", "0", "Requests per server: must be greater than 0."),
        ("retention_years", "1e400", "Retention years: must be a finite number, got Infinity."),
    ],
)
def test_invalid_input_shows_its_message_and_no_nan(estimator_page, name: str, typed: str, message: str) -> None:
    page = estimator_page
    page.locator("[data-preset='chat']").click()  # a valid form to start from, whatever came before
    assert output(page, "servers") != "–"
    field = page.locator(f"#est-{name}")
    field.fill(typed)
    field.dispatch_event("input")
    error = page.locator(f"#est-{name}-error")
    assert error.is_visible() and error.inner_text() == message
    assert field.get_attribute("aria-invalid") == "true"
    text = page.locator(".estimator__outputs").inner_text()
    assert "NaN" not in text and "Infinity" not in text
    assert output(page, "servers") == "–"


def test_inputs_that_pass_what_a_number_can_hold_are_marked_with_the_message(estimator_page) -> None:
    page = estimator_page
    page.locator("[data-preset='chat']").click()
    for name, typed in [("daily_active_users", "1e300"), ("writes_per_user_per_day", "1e10")]:
        page.locator(f"#est-{name}").fill(typed)
        page.locator(f"#est-{name}").dispatch_event("input")
    with pytest.raises(estimation.InputError) as error:
        estimation.estimate(
            {**as_shown(PRESETS["chat"]["inputs"]), "daily_active_users": 1e300, "writes_per_user_per_day": 1e10}
        )
    # The model's message, naming each field by its label and worded as the form words every
    # message: a sentence. The CLI and window.estimate keep the code names.
    labelled = str(error.value)
    for name in estimation.INPUTS:
        labelled = labelled.replace(name, name.replace("_", " ").capitalize())
    shown = labelled[0].upper() + labelled[1:] + "."
    assert shown == (
        "The inputs multiply past what a number can hold: lower Daily active users or Writes per user per day."
    )
    for name in estimation.INPUTS:
        marked = name in ("daily_active_users", "writes_per_user_per_day")
        assert page.locator(f"#est-{name}").get_attribute("aria-invalid") == str(marked).lower(), name
        error_text = page.locator(f"#est-{name}-error")
        assert (error_text.inner_text() if error_text.is_visible() else None) == (shown if marked else None), name
    assert output(page, "servers") == "–"
    assert page.locator("#est-work-servers").inner_text() == "fix the inputs above"


def test_copy_link_button_copies_the_address(browser, site_server) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_server.origin)
    page = context.new_page()
    try:
        open_estimator(page, site_server.url("tools/estimator/?preset=chat"))
        page.locator("[data-copy-link]").click()
        page.wait_for_function("document.querySelector('[data-copy-status]').textContent !== ''")
        assert page.locator("[data-copy-status]").inner_text() == "Link copied."
        assert page.evaluate("navigator.clipboard.readText()") == page.url
    finally:
        context.close()


def test_step_2_pages_open_the_estimator_with_their_assumptions(browser, site_server) -> None:
    """Each step 2 page's estimator link opens the estimator on its preset. No kept pass: the
    presets it compares with are built from snippets loaded by name, which a pass's digest misses."""
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    try:
        for source, preset in [
            ("workflow/step-2-scale-estimation/", "url_shortener"),
            ("examples/twitter/step-2-estimation/", "twitter"),
            ("examples/chat/step-2-estimation/", "chat"),
        ]:
            page.goto(site_server.url(source), wait_until="networkidle")
            page.locator("a[href*='tools/estimator/?']").first.click()
            page.wait_for_function(
                "(() => { const out = document.querySelector('#est-out-servers');"
                " return out && out.textContent !== '–'; })()"
            )
            assert output(page, "servers") == str(estimation.estimate(as_shown(PRESETS[preset]["inputs"]))["servers"])
            # The address carries each input as a reader would type it: 235, not 234.99999999999997.
            query = dict(parse_qsl(urlsplit(page.url).query))
            assert query == {name: estimation.input_text(v) for name, v in PRESETS[preset]["inputs"].items()}
    finally:
        context.close()


def test_model_names_agree(estimator_page) -> None:
    assert estimator_page.evaluate("window.estimator.INPUTS") == list(estimation.INPUTS)
    assert estimator_page.evaluate("window.estimator.OUTPUTS") == list(estimation.OUTPUTS)
    # The fields that read byte units are those the model measures in bytes.
    assert estimator_page.evaluate("window.estimator.BYTE_INPUTS") == [
        name for name, unit in estimation.INPUT_UNITS.items() if unit == "bytes"
    ]
    assert estimator_page.evaluate("window.estimator.OUTPUT_INPUTS") == {
        output: [list(names) for names in lists] for output, lists in estimation.OUTPUT_INPUTS.items()
    }
    assert not math.isnan(estimation.estimate(PRESETS["twitter"]["inputs"])["servers"])
    assert (ROOT / "docs/tools/estimator.js").exists()
