"""scripts/bench.py: its generated copy builds strictly, and its summary reads the results it writes.

The benchmark's timings are not tested (they vary); what it builds and prints is.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from conftest import mkdocs_build

import bench


def test_the_generated_copy_nests_its_pages_and_builds_strictly(tmp_path: Path) -> None:
    copy = bench.generate_copy(tmp_path / "copy", 60)
    config = (copy / "mkdocs.yml").read_text(encoding="utf-8")
    start = config.index("  - Generated pages:")
    nav = yaml.safe_load(config[start : config.index("\n  - Tools:", start)])
    chapters = nav[0]["Generated pages"]
    assert [next(iter(chapter)) for chapter in chapters] == ["Pages 1-50", "Pages 51-60"]
    assert sum(len(next(iter(chapter.values()))) for chapter in chapters) == 60
    result = mkdocs_build(copy, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "site" / "generated" / "page-0060" / "index.html").is_file()


def test_the_summary_reports_growth_weights_and_scores() -> None:
    results = {
        "date": "2026-01-01 00:00",
        "machine": "2 cores",
        "site": {"pages": 26, "build_seconds": 6.0, "per_page_ms": 230.8,
                 "checks_seconds": {"check_coverage": 0.3, "check_links": 8.0}},
        "generated": [
            {"pages": 526, "build_seconds": 17.0, "per_page_ms": 32.3, "per_page_vs_site": 0.14},
            {"pages": 1026, "build_seconds": 29.0, "per_page_ms": 28.3, "per_page_vs_site": 0.12,
             "checks_seconds": {"check_coverage": 1.2, "check_links": 80.0}},
        ],
        "growth": {"marginal_ms_per_page": [22.0, 24.0], "ratio": 1.09},
        "pages": {"/": {"bytes": 90_000, "requests": 10, "mermaid": False},
                  "tools/": {"bytes": 116_400, "requests": 11, "mermaid": False}},
        "lighthouse": {"home": {"path": "/", "performance": 98, "accessibility": 100, "best-practices": 100,
                                "seo": 100, "total_blocking_time_ms": 104, "largest_contentful_paint_ms": 1696,
                                "benchmark_index": 2214}},
    }  # fmt: skip
    previous = {"site": {"build_seconds": 5.0}, "lighthouse": {"home": {"performance": 97}}}
    summary = bench.render_summary(results, previous)
    assert "| Site | 26 | 6.0 (was 5.0) | 230.8 ms | 0.3 s | 8.0 s |" in summary
    assert "| Generated copy | 526 | 17.0 | 32.3 ms (0.14× the site's) | – | – |" in summary
    assert "| Generated copy | 1026 | 29.0 | 28.3 ms (0.12× the site's) | 1.2 s | 80.0 s |" in summary
    assert "22.0 ms up to the first copy, 24.0 ms beyond it (1.09×; 1 is linear)" in summary
    assert "Heaviest page without diagrams: 116 KB over gzip; pages loading Mermaid: 0" in summary
    assert "| home | / | 98 (was 97) | 100 | 100 | 100 | 104 ms | 1696 ms | 2214 |" in summary
