"""Reading the results in Datasette: `extractor inspect`.

- `server.py`: starts Datasette on 127.0.0.1 over one database, read-only
  (immutable, or live while a run writes to it), with the metadata below.
- `metadata.yaml`: titles, descriptions, labels, facets, sort orders, search
  and canned queries.
- `plugin.py` and `review.py`: the review page of an article, its text with
  every record highlighted, linked from the article's row.
- `templates/`, `static/`: the review page's template and stylesheet.
"""
