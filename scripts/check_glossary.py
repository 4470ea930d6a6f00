#!/usr/bin/env python3
"""Check the glossary: every term defined once, and used on some page.

Reads data/glossary.yml (the one source of the site's terms) and the Markdown pages in docs/,
then checks, without building the site:

  - each entry has a `term` and a `definition`;
  - no term or alias is defined twice (by two entries, or twice in one);
  - each term, or one of its aliases, or the regular plural of either (unless the entry says
    `plural: false`, which must be true or false), occurs on some page, as the tooltips find it: a
    whole word, same case, in the page's prose (not in code, comments, link targets or front
    matter); the Glossary page itself does not count;
  - a `concept:` names a page that exists.

Each problem is printed as `file:line: what is wrong`, then a one-line summary.
Exit codes: 0 no problems, 1 problems found, 2 usage or set-up error. Never modifies a file.

    python scripts/check_glossary.py [--root DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

try:
    import yaml

    from sdw import glossary
    from sdw.cli import SetupError, run_check
except ModuleNotFoundError as missing:  # run outside the project's environment
    print(
        f"scripts/check_glossary.py: needs the Python package {missing.name!r}: run `make setup`, then "
        ".venv/bin/python scripts/check_glossary.py",
        file=sys.stderr,
    )
    raise SystemExit(2) from None

GLOSSARY_FILE = glossary.GLOSSARY_FILE


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _get(node: yaml.MappingNode, key: str) -> yaml.Node | None:
    return next((value for name, value in node.value if name.value == key), None)


def run(root: Path) -> tuple[list[str], str]:
    path = root / GLOSSARY_FILE
    try:
        document = yaml.compose(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise SetupError(f"cannot read {GLOSSARY_FILE}: {error}") from None
    if document is None:
        return [], "0 terms"
    if not isinstance(document, yaml.SequenceNode):
        raise SetupError(f"{GLOSSARY_FILE}: needs a list of entries")
    problems: list[str] = []

    def add(line: int, message: str) -> None:
        problems.append(f"{GLOSSARY_FILE}:{line}: {message}")

    entries: list[tuple[dict, int]] = []
    first: dict[str, int] = {}
    for item in document.value:
        if not isinstance(item, yaml.MappingNode):
            add(_line(item), "each entry must be a mapping with term and definition")
            continue
        term_node, definition_node = _get(item, "term"), _get(item, "definition")
        if term_node is None or not str(term_node.value).strip():
            add(_line(item), "entry has no term")
            continue
        if definition_node is None or not str(definition_node.value).strip():
            add(_line(term_node), f"'{term_node.value}' has no definition")
        aliases_node = _get(item, "aliases")
        alias_nodes = aliases_node.value if isinstance(aliases_node, yaml.SequenceNode) else []
        for node in [term_node, *alias_nodes]:
            word = str(node.value)
            if word in first:
                add(
                    _line(node),
                    f"'{word}' is defined twice (first at line {first[word]}); keep one entry, "
                    "and list other spellings under its aliases",
                )
            else:
                first[word] = _line(node)
        plural_node = _get(item, "plural")
        plural = True
        if plural_node is not None and plural_node.tag != "tag:yaml.org,2002:bool":
            add(_line(plural_node), f"plural: {plural_node.value!r} is not true or false")
        elif plural_node is not None:
            plural = yaml.SafeLoader("").construct_yaml_bool(plural_node)
        concept_node = _get(item, "concept")
        if concept_node is not None and not (root / "docs" / str(concept_node.value)).is_file():
            add(_line(concept_node), f"concept: docs/{concept_node.value} does not exist")
        entries.append(
            (
                {
                    "term": str(term_node.value),
                    "definition": str(getattr(definition_node, "value", "")),
                    "aliases": [str(node.value) for node in alias_nodes],
                    "plural": plural,
                },
                _line(term_node),
            )
        )

    pages = glossary.page_sources(root / "docs")
    used = glossary.usage([entry for entry, _ in entries], pages)
    for entry, line in entries:
        if not used[entry["term"]]:
            spellings = " or ".join(f"'{word}'" for word in [entry["term"], *entry["aliases"]])
            add(
                line,
                f"'{entry['term']}' is defined but used on no page: no page in docs/ says {spellings} "
                "(whole word, same case, or its plural); add the spelling a page uses to its aliases, "
                "or remove the entry",
            )
    problems.sort(key=lambda problem: int(problem.split(":")[1]))
    return problems, f"{len(entries)} terms, {len(pages)} pages"


def main(argv: list[str] | None = None) -> int:
    return run_check("check_glossary", __doc__, run, argv)


if __name__ == "__main__":
    sys.exit(main())
