"""Pygments' highlighting of a block of code, kept for the same code and settings.

markdown-exec converts a block's source tab and its printed output as one piece of Markdown, so
a preview that re-runs a block after an assumption's edit highlights the block's unchanged
source again: a third of such a rebuild's conversion time. `install()` makes pymdownx.highlight
ask this module, which returns what Pygments returned for the same code, lexer and formatter
settings (its output depends on nothing else), and asks Pygments otherwise.
"""

from __future__ import annotations

import functools
from collections import OrderedDict

KEPT = 4096  # blocks; the site shows a few hundred

_kept: OrderedDict[tuple, str] = OrderedDict()


def _settings(thing) -> tuple:
    # pymdownx's block formatter reads one more setting than Pygments keeps in its options.
    extra = getattr(thing, "pymdownx_inline", None)
    return (type(thing).__module__, type(thing).__qualname__, repr(sorted(thing.options.items())), extra)


def highlight(pygments_highlight, code: str, lexer, formatter, outfile=None):
    if outfile is not None:
        return pygments_highlight(code, lexer, formatter, outfile)
    key = (code, _settings(lexer), _settings(formatter))
    if key in _kept:
        _kept.move_to_end(key)
        return _kept[key]
    html = pygments_highlight(code, lexer, formatter)
    _kept[key] = html
    if len(_kept) > KEPT:
        _kept.popitem(last=False)
    return html


def install() -> None:
    """Once per process: pymdownx.highlight calls the `highlight` it imported from Pygments."""
    from pymdownx import highlight as pymdownx_highlight

    if getattr(pymdownx_highlight.highlight, "_sdw_kept", False):
        return
    kept = functools.partial(highlight, pymdownx_highlight.highlight)
    kept._sdw_kept = True
    pymdownx_highlight.highlight = kept
