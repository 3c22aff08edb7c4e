"""Topics: what a sum of money or a percentage is of (figure_quantities.csv `topic`), and the
term look-ups the quantity names are built with (see quantities.py).

- "a pay offer of 3.5%", "a budget of £1.2bn": the word before "of";
- a change ("rose", "cut", "an extra") is named with what changes: "tax increase", "profit
  decrease"; a sum after "to" that follows a change is the new level ("fell 12% to £310m");
- a bare change ("an increase of £102") takes what changes from its sentence, else from the sum
  of money or percentage before it;
- money never takes a topic of percentages (share, lead, turnout, support);
- a percentage of something ("41 percent of its spending") is a share of it; a vote share also
  names the party or body it belongs to.
"""
from __future__ import annotations

import itertools
import re

from ..dates import is_calendar_word
from ..sentences import STOP_WORDS
from .rules import CHANGES, PERCENT_TOPICS

# Topics of a percentage that, next to a named party or body, mean its share.
SHARES = {"share", "lead", "support"}
NAME = re.compile(r"(?:[A-Z][\w'’-]+\s+)*[A-Z][\w'’-]+")


def find(words: list[str], table: dict[str, str], longest: int = 4, last: bool = False):
    """(name, distance) of the lexicon term nearest the start of `words` (nearest the end with
    `last`), the longest match at each place; distance counts the words between."""
    if last:  # by where the phrase ends: "would win" before "win"
        for end in range(len(words), 0, -1):
            for n in range(min(longest, end), 0, -1):
                phrase = " ".join(words[end - n:end])
                if phrase in table:
                    return table[phrase], len(words) - end
        return None
    for i in range(len(words)):
        for n in range(min(longest, len(words) - i), 0, -1):
            phrase = " ".join(words[i:i + n])
            if phrase in table:
                return table[phrase], i
    return None


def nearest(before: list[str], after: list[str], table: dict[str, str]) -> str | None:
    """The term nearest the figure: after it first (the verb usually follows its subject), then
    before it."""
    hit_after = find(after, table)
    hit_before = find(before, table, last=True)
    if hit_after and (not hit_before or hit_after[1] < hit_before[1]):
        return hit_after[0]
    return hit_before[0] if hit_before else None


def of_topic(before: list[str], q) -> str | None:
    """"a pay offer of 3.5%", "a budget of £3bn", "the gap of 7.5 points": the word before "of"."""
    if len(before) >= 2 and before[-1] == "of":
        topic = q.topic.get(before[-2])
        if topic in CHANGES:  # "asking for a rise of 11%": the demand
            wider = find(before[-6:-2], {k: v for k, v in q.topic.items() if v in ("demand", "offer")}, last=True)
            topic = wider[0] if wider else topic
        return topic
    return None


def changed(before: list[str], after: list[str], q, levels: dict | None = None) -> str | None:
    """"tax increase", "profit decrease" when a change word and what changes both stand near the
    figure; "fell 18% to £412m": a figure after "to" is the new level, not the change. A change
    word after the figure is its own only right after it ("a £14m increase", not "a budget that
    cuts 400 jobs")."""
    levels = levels or q.level_topics
    change = nearest(before, after[:3], q.change_topics)
    right_before = find(before, q.topic, last=True)
    if right_before and right_before[1] == 0 and right_before[0] not in CHANGES \
            and right_before[0] not in {q.topic.get(term) for term in q.stance}:  # "asking for 46% pay raises"
        change = None  # "a fund that has raised €85,000": money collected, not an increase
    if change and before[-1:] in (["to"], ["from"]):  # "up from £2.20": the level before
        level = find([w for w in before if w not in q.change_topics], levels, last=True)
        return level[0] if level else None
    # What changes is not whose stance it is: "offered about 15% increases in hourly pay" is pay.
    other = nearest(before, after, {k: v for k, v in levels.items() if k not in q.stance})
    return f"{other} {change}" if change and other else None


def money_topic(before: list[str], after: list[str], sentence: list[str], recent: list[dict], q) -> str:
    """What a sum of money is of; a bare change ("an extra £102", "an increase of £102") takes what
    changes from its sentence, else from the sum of money before it; '' when nothing names it."""
    levels = {k: v for k, v in q.money_topics.items() if v not in CHANGES}
    if before[-1:] in (["to"], ["from"]) and find(sentence[-8:], q.change_topics, last=True):
        level = find([w for w in sentence[-12:] if w not in q.change_topics], levels, last=True)
        if level:  # "profit fell 12% to £310m", "will go up to £28": the new level, not the change
            return level[0]
    name = of_topic(before, q) or changed(before, after, q, levels) or nearest(before, after, q.money_topics) or ""
    if name in q.beneficiary.values():  # "cost the economy $4bn": the economy is whom it cost
        name = nearest(before, after, {k: v for k, v in q.money_topics.items() if v not in q.beneficiary.values()}) or name
    return what_changes(name, sentence, recent, q, levels)


def what_changes(name: str, sentence: list[str], recent: list[dict], q, levels: dict) -> str:
    """A bare change ("an increase of £102", "up 12% on last year") named with what changes: the
    topic of its sentence, else of the sum or percentage before it."""
    if name not in CHANGES:
        return name
    level = find(sentence, levels, last=True)
    changes = [r["_base"].rsplit(" ", 1)[0] for r in recent if r.get("_base", "").rsplit(" ", 1)[-1] in CHANGES
               and " " in r["_base"] and (r["unit"] in q.currencies or r["unit"] == "%")]
    topic = level[0] if level else changes[-1] if changes else ""
    return f"{topic} {name}" if topic else name


def share_of_count(before: list[str], row: dict, clause: tuple[int, int], q, recent: list[dict]) -> str | None:
    """"The toll reached 1,301, with 83 per cent being unregistered": a share of the count just
    before it in its sentence (`share_with` words of figure_quantities.csv)."""
    count = recent[-1] if recent else None
    if before[-1:] and before[-1] in q.share_with and count and not count["unit"] and count.get("measure") \
            and clause[2] <= count["start"] < row["start"]:
        return f"share of {count['measure']}"
    return None


def share_name(text: str, row: dict, before: list[str], after: list[str], clause: tuple[int, int], q,
               sentence: list[str], recent: list[dict]) -> str:
    """A percentage: of what ("80% of ballots"), else the topic near it; a vote share also names
    the party or body it belongs to."""
    topic = None
    if after[:1] == ["of"]:
        words = [w for w in after[1:12] if w[0].isalpha()][:4]  # "83% of the 1,301 deaths": past the number
        rest = [w for w in words if not w.endswith(("'s", "’s")) and w not in ("the", "a", "an", "all", "its", "their")]
        if rest[:1] and rest[0] in q.pronoun:
            rest = []  # "40% of that", "30 percent of them saying": the topic is elsewhere
        rest = list(itertools.dropwhile(lambda w: re.fullmatch(r"[a-z]{3,}ed", w), rest))  # "of surveyed firms": firms
        # The head of the noun phrase: "of the search area" is of the area, "of ballots counted" of ballots.
        phrase = list(itertools.takewhile(lambda w: w.isalpha() and w not in STOP_WORDS and w not in q.event
                                          and w not in q.reporting_words
                                          and not re.fullmatch(r"[a-z]{3,}ed", w), rest))  # "of children received"
        head = phrase[-1] if phrase else next((w for w in rest if w.isalpha()), "")
        event = next((q.event[w] for w in rest[1:3] if w in q.event), None)
        if event:
            topic = f"{q.noun.get(head, head)} {event}"  # "80% of ballots counted"
        elif head:  # "41 percent of its spending": a share of the budget, never the budget itself
            topic = q.topic.get(head) or q.noun.get(head, head)
            topic = topic if topic in PERCENT_TOPICS | CHANGES else f"share of {topic}"
    topic = topic or share_of_count(before, row, clause, q, recent) or of_topic(before, q) \
        or changed(before, after, q) or nearest(before, after, q.topic) or "share"
    topic = what_changes(topic, sentence, recent, q, q.level_topics)
    names = []
    for start in (clause[0], clause[2]):  # the clause, else the sentence ("the Union, on 38.9%, says")
        for m in NAME.finditer(text, start, row["start"]) if not names else ():
            words = m.group().split()
            while words and (words[0].lower() in q.stop_names or words[0].lower() in STOP_WORDS):
                words = words[1:]  # "The", "With" opening a sentence
            if not text[clause[2]:m.start()].strip(" “\"'‘") and len(words) == 1 and words[0].endswith("ly") and text[m.end():m.end() + 1] == ",":
                words = []  # "Sadly, 71% of the deaths ...": an adverb opening the sentence is no name
            if words and is_calendar_word(words[-1].split("-")[-1]):
                words = []  # "in mid-October", "on Monday": a time, not whose share it is
            names += [" ".join(words)] if words else []
    if topic in SHARES and names and row["unit"] == "%":
        return f"share, {names[-1].split()[-1]}"  # "the National Union had 39.2 percent"
    return topic
