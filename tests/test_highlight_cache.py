"""sdw.highlight_cache: the preview's highlighted code, kept for the same code and settings."""

from __future__ import annotations

import markdown
import pygments
from pymdownx import highlight as pymdownx_highlight

from sdw import highlight_cache

EXTENSIONS = ["pymdownx.highlight", "pymdownx.superfences"]
CODE = "users = count(250e6)  # daily\n"
FENCE = f"```python\n{CODE}```\n"


def test_the_same_code_and_settings_are_highlighted_once_and_as_pygments_does(monkeypatch) -> None:
    asked: list[str] = []

    def counting(code, lexer, formatter, outfile=None):
        asked.append(code)
        return pygments.highlight(code, lexer, formatter)

    monkeypatch.setattr(pymdownx_highlight, "highlight", counting)
    monkeypatch.setattr(highlight_cache, "_kept", type(highlight_cache._kept)())
    plain = markdown.markdown(FENCE, extensions=EXTENSIONS)
    highlight_cache.install()
    highlight_cache.install()  # once, however often it is asked
    kept = pymdownx_highlight.highlight
    assert kept.func is highlight_cache.highlight and kept.args == (counting,)

    first = markdown.markdown(FENCE, extensions=EXTENSIONS)
    again = markdown.markdown(FENCE, extensions=EXTENSIONS)
    assert first == again == plain
    assert asked == [CODE.rstrip("\n")] * 2, "asked once without the cache and once with it"

    # Other settings (numbered lines) or other code: Pygments again, with its own result.
    numbered = markdown.markdown(
        FENCE, extensions=EXTENSIONS, extension_configs={"pymdownx.highlight": {"linenums": True}}
    )
    other = markdown.markdown(FENCE.replace("250e6", "260e6"), extensions=EXTENSIONS)
    assert len(asked) == 4 and numbered != first and "260e6" in other


def test_the_oldest_block_is_forgotten_past_the_limit(monkeypatch) -> None:
    monkeypatch.setattr(highlight_cache, "_kept", type(highlight_cache._kept)())
    monkeypatch.setattr(highlight_cache, "KEPT", 2)
    lexer = pygments.lexers.get_lexer_by_name("python")
    formatter = pygments.formatters.HtmlFormatter()
    for code in ("a = 1\n", "b = 2\n", "c = 3\n"):
        highlight_cache.highlight(pygments.highlight, code, lexer, formatter)
    assert [key[0] for key in highlight_cache._kept] == ["b = 2\n", "c = 3\n"]
