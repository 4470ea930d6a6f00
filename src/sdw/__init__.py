"""System Design Workflow's build code: the estimation model, the data loaders, and the
Python-Markdown extensions that any engine running Python-Markdown (MkDocs, Zensical) runs.

Installed editable by the README's set-up (`pip install -e .`), so pages' snippets, scripts,
tests and mkdocs.yml all import it by name.
"""
