"""MkDocs hook: the theme's Jinja templates compiled once, not on every build.

MkDocs gives every build a new Jinja environment, which compiles Material's templates (about
ninety files) again: most of a second of each build on two cores, and of each of the test
suite's builds. Jinja's own file cache keeps the compiled code in the user's temporary folder
and checks each template's source before reusing it, so an edited template, in overrides/ or a
new Material, is compiled again. The preview (`mkdocs serve`) uses it too. MkDocs-only, like
every hook; Zensical renders its pages its own way.

Every environment the theme makes gets the cache, not only the build's (on_env): Material's
search plugin and print-site each ask the theme for one of their own, and print-site renders
its whole page with it.
"""

from __future__ import annotations

import jinja2


def on_config(config):
    theme = config.theme
    make_environment = theme.get_env

    def get_env() -> jinja2.Environment:
        env = make_environment()
        env.bytecode_cache = jinja2.FileSystemBytecodeCache()  # in the user's own temporary folder
        return env

    theme.get_env = get_env
    return config
