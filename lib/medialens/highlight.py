"""Rendering one article as HTML with its tagged spans highlighted, a legend, and hover titles.

Article text is untrusted: every piece of it is escaped, so "<script>" shows as those characters.
The page uses inline styles only (no script, no font), so it works in a notebook, in the exported
HTML and offline. Which spans exist is decided by the taggers; this module only draws them.
"""
from __future__ import annotations

import html

import pandas as pd

# One colour per kind of span; kinds not listed get grey. Colour-blind-safe Okabe-Ito hues.
COLOURS = {
    "source: named_person": "#56b4e9", "source: named_org": "#0072b2",
    "source: unnamed_official": "#cc79a7", "source: anonymous": "#d55e00",
    "source: media": "#009e73", "source: vague": "#e69f00", "source: pronoun": "#9ecae1",
    "hedge": "#f0e442", "booster": "#ff9f9f", "conditional": "#c7b8ea",
    "figure: asserted": "#7fc97f", "figure: reported": "#beaed4", "figure: speculative": "#fdc086",
    "frame: conflict": "#fb8072", "frame: human_interest": "#80b1d3",
    "frame: economic": "#b3de69", "frame: morality": "#bc80bd",
    "frame: responsibility": "#fdb462", "emotive": "#fccde5",
}
SPAN_COLUMNS = ["start", "end", "kind", "note"]


class HTML(str):
    """An HTML string that Jupyter displays as HTML."""

    def _repr_html_(self) -> str:
        return str(self)


def article_spans(tables: dict[str, pd.DataFrame], doc_id: str,
                  kinds: tuple[str, ...] = ("sources", "hedges")) -> pd.DataFrame:
    """The spans of one document from the tagged tables, as columns start, end, kind, note.

    kinds: any of "sources", "hedges", "figures", "frames", "emotive"."""
    parts = []
    pick = {name: table[table.doc_id == doc_id] for name, table in tables.items()
            if name in kinds and "doc_id" in table}
    if "sources" in pick:
        s = pick["sources"]
        parts.append(pd.DataFrame({"start": s.start, "end": s.end,
                                   "kind": "source: " + s.source_type.astype(str),
                                   "note": "source: " + s.source_type.astype(str) + ", cue: "
                                           + s.cue.astype(str) + ", name: " + s.name.astype(str)}))
    if "hedges" in pick:
        h = pick["hedges"]
        parts.append(pd.DataFrame({"start": h.start, "end": h.end, "kind": h.kind,
                                   "note": h.kind + ": " + h.cue.astype(str)}))
    if "figures" in pick:
        f = pick["figures"]
        parts.append(pd.DataFrame({"start": f.start, "end": f.end,
                                   "kind": "figure: " + f.modality.astype(str),
                                   "note": "figure: " + f.referent_class.astype(str) + " "
                                           + f.value.astype(str) + ", " + f.qualifier.astype(str)
                                           + ", " + f.modality.astype(str)}))
    if "frames" in pick:
        f = pick["frames"]
        parts.append(pd.DataFrame({"start": f.start, "end": f.end,
                                   "kind": "frame: " + f.frame.astype(str),
                                   "note": "frame: " + f.frame.astype(str) + ", cue: " + f.cue.astype(str)}))
    if "emotive" in pick:
        e = pick["emotive"]
        parts.append(pd.DataFrame({"start": e.start, "end": e.end, "kind": "emotive",
                                   "note": "emotive: " + e.term.astype(str)}))
    parts = [p for p in parts if not p.empty]
    if not parts:
        return pd.DataFrame(columns=SPAN_COLUMNS)
    return pd.concat(parts, ignore_index=True)[SPAN_COLUMNS].sort_values(["start", "end"])


def render_article(text: str, spans: pd.DataFrame, title: str = "") -> HTML:
    """`text` as HTML paragraphs with each span of `spans` (start, end, kind, note) highlighted.

    Where spans overlap, the text is cut at every boundary and each piece takes the colour of the
    shortest span covering it, with every covering span in its hover title."""
    spans = spans.astype({"start": int, "end": int}).sort_values(["start", "end"])
    cuts = sorted({0, len(text), *spans.start.clip(0, len(text)), *spans.end.clip(0, len(text))})
    records = list(spans.itertuples(index=False))
    pieces = []
    for left, right in zip(cuts, cuts[1:]):
        covering = [r for r in records if r.start <= left and right <= r.end]
        chunk = html.escape(text[left:right]).replace("\n", "</p><p>")
        if covering:
            top = min(covering, key=lambda r: r.end - r.start)
            note = html.escape("; ".join(dict.fromkeys(r.note for r in covering)), quote=True)
            colour = COLOURS.get(top.kind, "#dddddd")
            chunk = (f'<mark style="background:{colour};padding:0 1px" title="{note}">'
                     + chunk.replace("</p><p>", f'</mark></p><p><mark style="background:{colour}" title="{note}">')
                     + "</mark>")
        pieces.append(chunk)
    legend = "".join(
        f'<span style="background:{COLOURS.get(kind, "#dddddd")};padding:1px 6px;margin-right:6px;'
        f'border-radius:3px">{html.escape(kind)}</span>'
        for kind in sorted(set(spans.kind)))
    heading = f"<h4>{html.escape(title)}</h4>" if title else ""
    return HTML(f'<div class="medialens-article" style="line-height:1.6">{heading}'
                f'<div style="font-size:90%;margin-bottom:6px">{legend or "no tagged spans"}</div>'
                f"<p>{''.join(pieces)}</p></div>")
