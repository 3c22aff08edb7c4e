"""Typing a source phrase by its head: a name (person, organisation, media outlet, place), a
pronoun, a noun of source_nouns.csv, an organisation or office word, or nothing (no source)."""
from __future__ import annotations

from dataclasses import dataclass

from .names import units
from .view import SentenceView
from .words import Words

NAMED_TYPES = ("named_person", "named_org", "media")
ARTICLES = ("the", "a", "an")
INDEFINITE = ("a", "an", "one")
DATELINE_TOKENS = 8  # a dateline's dash comes within a place and a wire name


@dataclass
class Phrase:
    """A source phrase found around a cue, before it is a row."""
    start: int  # token index
    end: int  # token index, exclusive
    source_type: str
    name: str = ""
    role: str = ""
    pronoun: str = ""  # "person", "group" or "org" when the phrase is a pronoun or "the <word>"
    head: str = ""  # for "the ministry", "the senator": the word an antecedent must contain
    rule: str = ""  # the rule that found it (phrase_rules.csv, or the subject's shape in subjects.py)


def is_bare_pronoun(found: Phrase) -> bool:
    """"he", "they", "it": resolved later, never a source read after a cue or in a chunk
    ("the senator", "the Defense Minister" are descriptions and count)."""
    return bool(found.pronoun) and found.source_type == "vague"


def is_postmodifier(w: Words, v: SentenceView, i: int, end: int) -> bool:
    """A participle after a noun head that describes it: "a poll released Friday", "those
    surveyed", "exit polls taken in Iowa"; not a verb taking a named object ("aides told Smith")."""
    doc = v.doc
    word = doc[i].lower_
    if word.endswith("ing") and doc[i].is_lower and i > v.first and word not in w.words["gap"] \
            and doc[i - 1].lower_ in w.nouns and doc[i - 1].lower_ not in w.words["determiner"]:
        return True  # "House Republicans supporting the bill", "voters backing Sanders"
    if not doc[i].is_lower or not (word.endswith("ed") or word in w.words["postmodifier"]) \
            or word in w.words["gap"] or i == v.first \
            or not (doc[i - 1].is_alpha and (doc[i - 1].is_lower or doc[i - 1].lower_ in w.nouns)):
        return False  # after a name it is a verb: "Clinton used a private email"
    # Followed by a time or place, not by an object: "released Friday", "taken in Iowa"
    return i + 1 == end or doc[i + 1].lower_ in w.words["gap"] | w.words["affiliation"] | w.words["after_participle"]


def dateline_end(w: Words, v: SentenceView, start: int) -> int:
    """After a dateline that opens a sentence ("WASHINGTON —", "NEW YORK (Reuters) -"), the token
    after its dash; else `start`. The place says where the story was filed, not who said it."""
    doc = v.doc
    if start != v.first or not doc[start].is_upper:
        return start
    for k in range(start, min(v.last, start + DATELINE_TOKENS)):
        if doc[k].text in w.grammar["dash"]:
            return k + 1
        if doc[k].is_lower:
            return start  # a lower-case word: a sentence, not a dateline
    return start


def is_affiliation(w: Words, v: SentenceView, i: int, end: int) -> bool:
    """A word that starts a role: "at", "from", "of"; "close", "familiar" only before a
    preposition ("a source close to", not "Gore's close friends")."""
    doc = v.doc
    word = doc[i].lower_
    if word not in w.words["affiliation"]:
        return False
    return word not in w.words["affiliation_adjective"] or i + 1 < end and doc[i + 1].lower_ in w.words["affiliation"]


def noun_phrase(w: Words, v: SentenceView, start: int, end: int, loose: bool = False) -> Phrase | None:
    """Type a source phrase from its head, the last unit before its first affiliation word
    ("a source | close to the ministry", "Andriy Kovalenko | from the Council").
    loose: also accept a short determiner phrase with an unknown noun head ("the board",
    "a roster of donors") as a vague source, for cues that only people and documents use."""
    doc = v.doc
    start = dateline_end(w, v, start)
    while start < end and (doc[start].is_punct or doc[start].lower_ in w.words["boundary"]
                           or doc[start].lower_ in w.words["affiliation"]
                           or doc[start].is_lower and doc[start].lower_.endswith("ly")):
        start += 1  # "With President Macron", "particularly the U.S.": not part of the source
    if start >= end:
        return None
    count = start
    while count < end - 1 and doc[count].lower_ in w.words["approximator"]:
        count += 1
    if doc[count].like_num and count + 2 < end and doc[count + 1].lower_ == "in" and doc[count + 2].like_num:
        return Phrase(start, end, "vague", "", doc[start:end].text)  # "Six in 10 voters", "nearly one in three"
    parts = units(w, v, start, end)
    split = next((k for k, (a, b, is_name) in enumerate(parts)
                  if k > 0 and not is_name and (is_affiliation(w, v, a, end) or is_postmodifier(w, v, a, end))),
                 len(parts))
    pre, post = parts[:split], parts[split:]
    head_start, head_end, head_is_name = pre[-1]
    if doc[head_end - 1].text in w.grammar["possessive"]:
        return None
    post_text = doc[post[0][0]: post[-1][1]].text if post else ""
    described = doc[start + 1: head_end].text if doc[start].lower_ in ARTICLES else doc[start: head_end].text
    if not head_is_name:
        return common_phrase(w, v, start, end, pre, post, described, post_text, loose)
    return name_phrase(w, v, start, end, pre, described, post_text)


def name_phrase(w, v, start, end, pre, described, post_text) -> Phrase | None:
    """A phrase whose head is a run of names: media, an organisation or place, a group, a
    person (after the last title of the run: "Defense Secretary | Lloyd Austin") or nothing."""
    doc = v.doc
    head_start, head_end, _ = pre[-1]
    run = doc[head_start: head_end]
    bare = run.text[4:] if run.text.startswith("The ") else run.text
    affiliation = " ".join(doc[a:b].text for a, b, _ in pre[:-1] if doc[a].lower_ not in ARTICLES)
    role = " ".join(x for x in (affiliation, post_text) if x)
    if bare in w.outlets or any(bare.endswith(" " + o) for o in w.outlets) \
            or any(w.nouns.get(doc[a].lower_) == "media" for a, _, is_name in pre[:-1] if not is_name):
        return Phrase(start, end, "media", bare, role)  # also "broadcaster RTHK", "the daily Kathimerini"
    lowers = [t.lower_ for t in run]
    if len(run) == 1 and lowers[0] in w.nouns:  # "some Democrats", "Officials" mid-sentence
        return Phrase(start, end, w.nouns[lowers[0]], "", described)
    titles = [k for k, x in enumerate(lowers) if x in w.words["title"]]
    cut = titles[-1] + 1 if titles else 0
    orgs = [k for k, x in enumerate(lowers) if x in w.words["org_word"]]
    while titles and cut < len(run) - 1 and (lowers[cut] in w.words["connector"] or cut in orgs):
        cut += 1  # "Commissioner of Police | Stephen Lo": the office's body belongs to the title
    # "UN Secretary-General Antonio Guterres", "White House Press Secretary Josh Earnest": an
    # office of an organisation, then the person who holds it.
    office_holder = bool(orgs) and max(orgs) < cut < len(run) and bare not in w.places
    if not office_holder and (bare in w.places or (len(run) == 1 and run.text.isupper() and len(run.text) > 1)
                              or orgs):
        return Phrase(start, end, "named_org", bare, role)
    if run.text.startswith("The ") or head_start > v.first and doc[head_start - 1].lower_ == "the" \
            and not any(x in w.words["title"] for x in lowers):
        # People do not take "the": "The Red Cross", "The Vatican" are organisations, "the
        # French" a group; "the European" is an adjective (caught below) and no source.
        if len(run) > 1 or run.text.startswith("The "):
            return Phrase(start, end, "named_org", bare, role)
        if run.text in w.places or run.text.lower() in w.common or run[0].orth in v.bare_in_doc:
            return None
        plural = run.text.endswith("s")
        return Phrase(start, end, "vague" if plural else "named_org", "" if plural else bare, role)
    name, title = run[cut:].text, run[:cut].text
    role = " ".join(x for x in (affiliation, title, post_text) if x)
    if not name:  # "the Defense Minister said": an office, resolved like "he"
        return Phrase(start, end, "unnamed_official", "", role, pronoun="person")
    if all(t.text in w.places or t.lower_ in w.common for t in run[cut:]):
        return None  # "French", "Brazilian": an adjective, not a name
    def takes_object(a):  # "endorsed Mr. Sanders"; not "a teary-eyed Bush", "retired neurosurgeon Ben Carson"
        return doc[a].lower_.endswith("ed") and a + 1 == head_start \
            and (a == v.first or doc[a - 1].lower_ not in w.words["determiner"] and doc[a - 1].text != "-")
    if any(doc[a].is_lower and doc[a].text not in w.grammar["possessive"]
           and (doc[a].lower_ in w.verb_subject or takes_object(a) or doc[a].lower_ in w.words["gap"])
           for a, _, _ in pre[:-1]):
        return None  # "endorsed Mr. Sanders": the name is an object, not the subject
    if not cut and run[-1].text.endswith(w.group_endings) and (len(run) == 1 or run[-1].text.endswith("s")):
        return Phrase(start, end, "vague", "", described)  # "Democrats", "many Americans"
    return Phrase(start, end, "named_person", name, role)


def common_phrase(w, v, start, end, pre, post, described, post_text, loose) -> Phrase | None:
    """A source phrase whose head is an ordinary word: a pronoun, a noun of source_nouns.csv,
    an organisation or office word ("the ministry", "the senator"), or, when loose, a short
    determiner phrase."""
    doc = v.doc
    head = doc[pre[-1][0]].lower_
    if len(pre) == 1 and not post and w.pronoun_kind(head):
        return Phrase(start, end, "vague", pronoun=w.pronoun_kind(head))
    names = [doc[a:b].text for a, b, is_name in pre if is_name]
    role = " ".join(x for x in (described, post_text) if x)
    # "over what the union said": the article nearest the head decides
    article = next((doc[a].lower_ for a, _, _ in reversed(pre[:-1]) if doc[a].lower_ in ARTICLES), doc[start].lower_)
    if head in w.nouns:
        source_type, name = w.nouns[head], ""
        if head in w.by_complement and len(post) > 1 and doc[post[0][0]].lower_ in w.words["affiliation"]:
            named = [b for a, b, is_name in post[1:3] if is_name]  # "from Maui County | late Wednesday"
            inner = noun_phrase(w, v, post[1][0], named[0] if named else end)
            if inner is not None and not inner.pronoun:
                source_type, name = inner.source_type, inner.name
        if source_type == "media" and any(is_name and a > v.first for a, _, is_name in pre):
            name = described  # "broadcaster RTHK", "the South China Morning Post newspaper"
        elif head in w.words["org_word"] and names and not head.endswith("s"):
            source_type, name = "named_org", described
        elif head in w.by_complement and names and len(pre) > 1:
            inner = name_phrase(w, v, start, end, [u for u in pre if u[2]][-1:], described, "")
            if inner is not None and inner.source_type in NAMED_TYPES:  # "a Maui County news release"
                source_type, name = inner.source_type, inner.name
        elif head in w.words["anonymous_if_indefinite"] and article in INDEFINITE:
            source_type = "anonymous"
        elif source_type == "unnamed_official" and article == "the" and not names and len(pre) <= 3 \
                and not head.endswith("s"):
            # "the ministry", "the official": one particular body or person, named earlier (resolve.py)
            kind = "org" if head in w.words["org_word"] else "person"
            return Phrase(start, end, source_type, name, role, pronoun=kind, head=head)
        return Phrase(start, end, source_type, name, role)
    if head == "old" and any(doc[k].lower_ in ("year", "years") for k in range(start, end)):
        # "the 46-year-old": a person described by age, resolved like "he"
        return Phrase(start, end, "unnamed_official", "", role, pronoun="person")
    if head in w.words["participle_head"] and post:
        return Phrase(start, end, "vague", "", role)  # "those surveyed", "those polled"
    if head in w.words["org_word"]:
        if names:
            return Phrase(start, end, "named_org", described, role)
        return Phrase(start, end, "unnamed_official", "", role, pronoun="org" if article == "the" else "", head=head)
    if head in w.words["title"]:
        if article in INDEFINITE:
            kind = "anonymous" if head in w.words["anonymous_if_indefinite"] else "unnamed_official"
            return Phrase(start, end, kind, "", role)
        definite = article == "the" or any(doc[a].text in w.grammar["possessive"] for a, _, _ in pre)
        return Phrase(start, end, "unnamed_official", "", role, pronoun="person" if definite else "", head=head)
    if loose:
        # "around the country" has its article; "mid-2004 the band asked" is a clause, not a phrase
        dated = any(ch.isdigit() for t in doc[start:pre[-1][0]] for ch in t.text)
        return loose_phrase(w, v, start, end, pre, post, head, doc[start].lower_ if dated else article, role)
    return None


def loose_phrase(w, v, start, end, pre, post, head, article, role) -> Phrase | None:
    """For cues only people and documents use: "about 4 in 10 (voters)", "the board", "donors"."""
    doc = v.doc

    def verb_like(a):
        return doc[a].is_lower and (doc[a].lower_ in w.words["gap"] or doc[a].lower_ in w.verb_subject)
    if any(verb_like(a) for a, _, _ in post):
        return None  # "a third plant in Arizona may open": a clause, not a source
    if head[:1].isdigit() and len(post) > 1 and doc[post[0][0]].lower_ == "in":
        return Phrase(start, end, "vague", "", role)  # "about 4 in 10 (voters) say"
    determined = article in w.words["determiner"] or any(doc[a].text in w.grammar["possessive"] for a, _, _ in pre)
    if head.isalpha() and doc[pre[-1][1] - 1].is_lower and head not in w.common \
            and (determined or len(pre) <= 4 and head.endswith("s") and not head.endswith("ss")) \
            and len(pre) <= 4 and all(doc[a].text in w.grammar["possessive"] or doc[a].is_alpha and not (
                verb_like(a) or doc[a].is_lower and doc[a].lower_.endswith("ed")) for a, _, _ in pre[1:]):
        return Phrase(start, end, "vague", "", role)
    return None
