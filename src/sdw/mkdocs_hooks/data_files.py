"""MkDocs hook: read every data file before anything else does, and report a syntax error in one line.

The shortcodes, the practice cards, the glossary and the deck all read data/*.yml, deep inside a
page's conversion, where a YAML error would end the build in a traceback. Read here first, a
broken file is one line, `data/x.yml:line:column: what is wrong`: a build stops on it; the
preview warns (in the terminal and on the page) and keeps serving the file's last good version,
so the server never freezes on a typo. Zensical runs no hooks; there the same message is the
error the extensions raise.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from sdw import data, preview
from sdw.cards import CARDS_FILE
from sdw.data import EXAMPLES_FILE, STEPS_FILE, DataFileError, read_yaml
from sdw.glossary import GLOSSARY_FILE

log = logging.getLogger("mkdocs.sdw.data_files")


def on_files(files, config):
    # on_files, not on_config: the preview's warnings are cleared at on_pre_build, between the two.
    root = Path(config["config_file_path"]).parent
    data.keep_last_good = False
    for name in (STEPS_FILE, EXAMPLES_FILE, CARDS_FILE, GLOSSARY_FILE):
        try:
            read_yaml(root / name)
        except DataFileError as error:
            if not preview.state.serving:
                raise PluginError(str(error)) from None
            data.keep_last_good = True
            try:
                read_yaml(root / name)
            except DataFileError:
                raise PluginError(str(error)) from None  # no good version yet: nothing to show
            # The preview's coverage check, run just before, may have reported the same line.
            if not any(str(error) in warning for warning in preview.state.warnings):
                log.warning(f"{error}; the preview shows the file as it last parsed")
    return files
