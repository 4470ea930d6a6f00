"""MkDocs hooks: what only MkDocs does (Zensical runs no hooks). mkdocs.yml lists them by path."""
