"""scripts/check_glossary.py: a term defined twice, or used nowhere, gives its exact message."""

from __future__ import annotations

import contextlib
import io
import sys
from pathlib import Path

import check_glossary
from conftest import ROOT, append_line, run

GLOSSARY = "data/glossary.yml"


def check_as_a_contributor(root: Path) -> tuple[int, list[str]]:
    """Run the script from the copy's root, as a contributor would; return (exit code, lines)."""
    result = run([sys.executable, str(ROOT / "scripts/check_glossary.py")], cwd=root)
    return result.returncode, (result.stdout + result.stderr).splitlines()


def check(root: Path) -> tuple[int, list[str]]:
    """The check's main() on the copy, in this process: the script's lines and exit code (the
    clean glossary runs the script itself) without a Python start per mistake."""
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
        code = check_glossary.main(["--root", str(root)])
    return code, printed.getvalue().splitlines()


def test_the_glossary_is_clean() -> None:
    code, lines = check_as_a_contributor(ROOT)
    assert code == 0, lines
    assert lines == [lines[-1]] and lines[-1].startswith("check_glossary: OK (")


def add_entry(root: Path, text: str) -> int:
    """Append an entry to the copy's glossary; return the line its `term:` is on."""
    path = root / GLOSSARY
    content = path.read_text(encoding="utf-8").rstrip("\n") + "\n"
    line = content.count("\n") + 1
    path.write_text(content + text, encoding="utf-8")
    return line


def test_a_term_defined_twice(site_copy: Path) -> None:
    first = next(
        n for n, text in enumerate((site_copy / GLOSSARY).read_text().splitlines(), 1) if text == "- term: QPS"
    )
    line = add_entry(site_copy, "- term: QPS\n  definition: Queries per second, again.\n  aliases: []\n")
    code, lines = check(site_copy)
    assert code == 1
    assert lines[:-1] == [
        f"{GLOSSARY}:{line}: 'QPS' is defined twice (first at line {first}); keep one entry, "
        "and list other spellings under its aliases"
    ]


def test_an_alias_that_is_another_term(site_copy: Path) -> None:
    line = add_entry(site_copy, "- term: queries\n  definition: Requests.\n  aliases:\n  - QPS\n")
    code, lines = check(site_copy)
    assert code == 1
    assert lines[0].startswith(f"{GLOSSARY}:{line + 3}: 'QPS' is defined twice (first at line ")


def test_a_term_used_nowhere(site_copy: Path) -> None:
    line = add_entry(site_copy, "- term: flux capacitor\n  definition: What makes time travel possible.\n")
    code, lines = check(site_copy)
    assert code == 1
    assert lines[:-1] == [
        f"{GLOSSARY}:{line}: 'flux capacitor' is defined but used on no page: no page in docs/ says "
        "'flux capacitor' (whole word, same case, or its plural); add the spelling a page uses to its aliases, "
        "or remove the entry"
    ]
    assert lines[-1].startswith("check_glossary: 1 problem (")
    # Once a page uses it, in prose (not in code), the term is fine.
    append_line(site_copy / "docs/reference/rules-of-thumb.md", "`flux capacitor`")
    assert check(site_copy)[0] == 1
    append_line(site_copy / "docs/reference/rules-of-thumb.md", "No flux capacitors are needed.")
    assert check(site_copy)[0] == 0, "a page that says only the plural uses the term"


def test_matching_is_whole_word_and_case_sensitive(site_copy: Path) -> None:
    add_entry(site_copy, "- term: Flux\n  definition: A flow.\n")
    append_line(site_copy / "docs/reference/rules-of-thumb.md", "Influx and flux and FLUX.")
    code, lines = check(site_copy)
    assert code == 1 and "'Flux' is defined but used on no page" in lines[0]


def test_a_missing_concept_page(site_copy: Path) -> None:
    line = add_entry(site_copy, "- term: QPS2\n  definition: x.\n  concept: concepts/nowhere.md\n")
    code, lines = check(site_copy)
    assert code == 1
    assert f"{GLOSSARY}:{line + 2}: concept: docs/concepts/nowhere.md does not exist" in lines


def test_plural_is_true_or_false(site_copy: Path) -> None:
    line = add_entry(site_copy, "- term: flux capacitor\n  definition: Time travel.\n  plural: never\n")
    append_line(site_copy / "docs/reference/rules-of-thumb.md", "A flux capacitor.")
    code, lines = check(site_copy)
    assert code == 1
    assert lines[:-1] == [f"{GLOSSARY}:{line + 2}: plural: 'never' is not true or false"]


def test_plural_false_leaves_a_term_its_plural_unmatched(site_copy: Path) -> None:
    line = add_entry(site_copy, "- term: flux capacitor\n  definition: Time travel.\n  plural: false\n")
    append_line(site_copy / "docs/reference/rules-of-thumb.md", "No flux capacitors are needed.")
    code, lines = check(site_copy)
    assert code == 1
    assert lines[0].startswith(f"{GLOSSARY}:{line}: 'flux capacitor' is defined but used on no page")
