"""Rendering one article as HTML with its tagged spans highlighted, a legend, and hover titles.

Article text is untrusted: every piece of it is escaped, so "<script>" shows as those characters.
The page uses inline styles only (no script, no font), so it works in a notebook, in the exported
HTML and offline. Which spans exist is decided by the taggers; this module only draws them.
"""
from __future__ import annotations

import html

import pandas as pd

from .palette import COLOURS, GREY

SPAN_COLUMNS = ["start", "end", "kind", "note"]
# For each table that holds spans: (its colour kind, its hover note), from its string columns.
def _negated(table: pd.DataFrame) -> pd.Series:
    """Cues a negator flips ("not a tragedy") are shown, in grey, but counted nowhere."""
    return table.get("negated", pd.Series("False", index=table.index)) == "True"


def _unless_negated(table: pd.DataFrame, kind: pd.Series) -> pd.Series:
    return kind.mask(_negated(table), "negated cue")


def _negation_note(table: pd.DataFrame) -> pd.Series:
    return _negated(table).map({True: " (negated: not counted)", False: ""})


SPAN_LABELS = {
    "sources": (lambda t: "source: " + t.source_type,
                lambda t: "source: " + t.source_type + ", cue: " + t.cue + ", name: " + t.name),
    "hedges": (lambda t: t.kind, lambda t: t.kind + ": " + t.surface),
    "figures": (lambda t: "figure: " + t.modality,
                lambda t: "figure: " + t.get("quantity", t.referent_class) + " " + t.value + ", "
                + t.qualifier + ", " + t.modality),
    "frames": (lambda t: _unless_negated(t, "frame: " + t.frame),
               lambda t: "frame: " + t.frame + ", cue: " + t.cue + _negation_note(t)),
    "emotive": (lambda t: _unless_negated(t, pd.Series("emotive", index=t.index)),
                lambda t: "emotive: " + t.surface + _negation_note(t)),
}


class HTML(str):
    """An HTML string that Jupyter displays as HTML."""

    def _repr_html_(self) -> str:
        return str(self)


def corpus_spans(tables: dict[str, pd.DataFrame],
                 kinds: tuple[str, ...] = ("sources", "hedges")) -> pd.DataFrame:
    """The spans of every document from the tagged tables, as columns doc_id, start, end, kind,
    note, by doc_id and position (spans of equal position in the order of `kinds`).

    Labelling a table once for the whole corpus, rather than once per article (article_spans in a
    loop over 200 articles took 5 s), is what a page of every article wants.
    kinds: any of the tables in SPAN_LABELS ("sources", "hedges", "figures", "frames", "emotive")."""
    parts = []
    for name in kinds:
        table = tables.get(name)
        if table is None or name not in SPAN_LABELS:
            continue
        rows = table.astype({c: str for c in table.columns if c not in ("start", "end")})
        kind, note = SPAN_LABELS[name]
        parts.append(pd.DataFrame({"doc_id": rows.doc_id, "start": rows.start, "end": rows.end,
                                   "kind": kind(rows), "note": note(rows)}))
    parts = [p for p in parts if not p.empty]
    if not parts:
        return pd.DataFrame(columns=["doc_id", *SPAN_COLUMNS])
    # Sorting on several columns is stable: equal spans keep the order of `kinds`.
    return pd.concat(parts, ignore_index=True).sort_values(["doc_id", "start", "end"])


def article_spans(tables: dict[str, pd.DataFrame], doc_id: str,
                  kinds: tuple[str, ...] = ("sources", "hedges")) -> pd.DataFrame:
    """The spans of one document from the tagged tables, as columns start, end, kind, note
    (corpus_spans of that document).

    kinds: any of the tables in SPAN_LABELS ("sources", "hedges", "figures", "frames", "emotive")."""
    own = {name: table[table.doc_id == doc_id] for name, table in tables.items() if name in kinds and name in SPAN_LABELS}
    return corpus_spans(own, kinds)[SPAN_COLUMNS]


def render_article(text: str, spans: pd.DataFrame, title: str = "") -> HTML:
    """`text` as HTML paragraphs with each span of `spans` (start, end, kind, note) highlighted.

    Where spans overlap, the text is cut at every boundary and each piece takes the colour of the
    shortest span covering it, with every covering span in its hover title."""
    spans = spans.astype({"start": int, "end": int}).sort_values(["start", "end"])
    cuts = sorted({0, len(text), *spans.start.clip(0, len(text)), *spans.end.clip(0, len(text))})
    records = list(zip(spans.start, spans.end, spans.kind, spans.note))  # by start
    pieces, covering, opened = [], [], 0
    for left, right in zip(cuts, cuts[1:]):
        # The spans begun by `left` and not ended by it cover the piece (every end is a cut), in
        # the spans' order: one pass over them, not a scan of all of them per piece.
        while opened < len(records) and records[opened][0] <= left:
            covering.append(records[opened])
            opened += 1
        covering = [r for r in covering if r[1] > left]
        chunk = html.escape(text[left:right]).replace("\n", "</p><p>")
        if covering:
            shortest = min(covering, key=lambda r: r[1] - r[0])
            note = html.escape("; ".join(dict.fromkeys(r[3] for r in covering)), quote=True)
            colour = COLOURS.get(shortest[2], GREY)
            mark = f'<mark style="background:{colour};padding:0 1px" title="{note}">'
            chunk = mark + chunk.replace("</p><p>", f"</mark></p><p>{mark}") + "</mark>"
        pieces.append(chunk)
    legend = "".join(
        f'<span style="background:{COLOURS.get(kind, GREY)};padding:1px 6px;margin-right:6px;'
        f'border-radius:3px">{html.escape(kind)}</span>'
        for kind in sorted(set(spans.kind)))
    heading = f"<h4>{html.escape(title)}</h4>" if title else ""
    return HTML(f'<div class="medialens-article" style="line-height:1.6">{heading}'
                f'<div style="font-size:90%;margin-bottom:6px">{legend or "no tagged spans"}</div>'
                f"<p>{''.join(pieces)}</p></div>")
