"""Human interest is faces and voices: a person's own words count, an office's statement does not.

The voice cues of human_interest.jsonl (question `q4_voice`: "I", a quotation that opens with
"we", "our" or "my") mark someone speaking for themselves. Where the sentence's speaker is an
office, the first person is the office's: "We have condemned the violence," the commissioner said.
The speaker is the source of the sentence, or failing one the source of the next sentence (a
quotation's attribution often closes it) or of the one before. An office is an organisation, a
media outlet, an unnamed official, or a named person the article gives a title anywhere
("Police Commissioner Stephen Lo", then "Lo said"); titles are the `title` words of
data/sources/source_words.csv, the one list the source finder reads too.
"""
from __future__ import annotations

import re

from ..context import DocContext

VOICE = "q4_voice"
OFFICE_TYPES = ("named_org", "media", "unnamed_official")


def titled_people(sources: list[dict], titles: frozenset) -> set[str]:
    """Names of the people an article's source rows give a title ("UAW President", "president of
    the local"): their first-person words are an office's."""
    out = set()
    for row in sources:
        described = f'{row.get("role") or ""} {row.get("surface") or ""}'.lower()
        if row.get("source_type") == "named_person" and titles.intersection(re.findall(r"[a-z]+", described)):
            out.add(str(row.get("name") or ""))
    return out


def speakers(ctx: DocContext, sent_id: int) -> list[dict]:
    """The source rows of the sentence, else of the next sentence, else of the one before."""
    for k in (sent_id, sent_id + 1, sent_id - 1):
        rows = ctx.rows_in_sentence("sources", k)
        if rows:
            return rows
    return []


def is_office_voice(ctx: DocContext, sent_id: int, titled: set[str]) -> bool:
    """Whether the first person of sentence `sent_id` is an office speaking (see the module)."""
    return any(r.get("source_type") in OFFICE_TYPES or str(r.get("name") or "") in titled
               for r in speakers(ctx, sent_id))


def private_voices(ctx: DocContext, rows: list[dict], titles: frozenset) -> list[dict]:
    """The frame rows less the voice cues an office speaks (one call per document)."""
    if not any(row.get("question") == VOICE for row in rows):
        return rows
    titled = titled_people(ctx.found.get("sources", []), titles)
    return [row for row in rows
            if row.get("question") != VOICE or not is_office_voice(ctx, row["sent_id"], titled)]
