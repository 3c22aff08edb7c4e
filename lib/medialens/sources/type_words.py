"""The typing rules for a phrase headed by an ordinary word: a pronoun, a noun of
source_nouns.csv, an organisation or office word, a person described by age, or (for cues only
people and documents use) a short determiner phrase; type_rules.py lists every typing rule."""
from __future__ import annotations

from .heads import NAMED_TYPES, Head, Phrase
from .rulebook import STOP


def pronoun(h: Head):
    """"he said", "they say", "it said": resolved later (resolve.py), vague until then."""
    kind = h.w.pronoun_kind(h.head)
    if len(h.pre) == 1 and not h.post and kind:
        return Phrase(h.start, h.end, "vague", pronoun=kind)
    return None


def media_noun(h: Head):
    """"broadcaster NHK said", "the Harbor Gazette newspaper": a media noun with a name."""
    if h.head in h.w.nouns and h.noun_type[0] == "media" \
            and any(is_name and a > h.v.first for a, _, is_name in h.pre):
        return Phrase(h.start, h.end, "media", h.described, h.word_role)
    return None


def named_org_noun(h: Head):
    """"the Harbor County Council said": an organisation noun with a name before it."""
    if h.head in h.w.nouns and h.head in h.w.words["org_word"] and h.names and not h.head.endswith("s"):
        return Phrase(h.start, h.end, "named_org", h.described, h.word_role)
    return None


def named_document(h: Head):
    """"a Harbor County news release said": a document takes its issuer's type and name."""
    if h.head not in h.w.nouns or h.head not in h.w.by_complement or not h.names or len(h.pre) <= 1:
        return None
    source_type, name = h.noun_type
    _, inner = h.name_part().answer("name_only")
    if inner is not None and inner.source_type in NAMED_TYPES:
        source_type, name = inner.source_type, inner.name
    return Phrase(h.start, h.end, source_type, name, h.word_role)


def indefinite_anonymous(h: Head):
    """"a senior official said": one unnamed among many (anonymous_if_indefinite) is anonymous."""
    if h.head in h.w.nouns and h.head in h.w.words["anonymous_if_indefinite"] and h.indefinite:
        return Phrase(h.start, h.end, "anonymous", h.noun_type[1], h.word_role)
    return None


def back_reference(h: Head):
    """"the ministry said", "the official said": one particular body or person, named earlier
    (resolve.py finds the name)."""
    if h.head not in h.w.nouns or not h.definite or h.names or len(h.pre) > 3 or h.head.endswith("s"):
        return None
    source_type, name = h.noun_type
    if source_type != "unnamed_official":
        return None
    kind = "org" if h.head in h.w.words["org_word"] else "person"
    return Phrase(h.start, h.end, source_type, name, h.word_role, pronoun=kind, head=h.head)


def source_noun(h: Head):
    """"Officials estimate", "experts say", "the poll found": the type source_nouns.csv gives."""
    if h.head in h.w.nouns:
        return Phrase(h.start, h.end, *h.noun_type, h.word_role)
    return None


def aged_person(h: Head):
    """"the 46-year-old said": a person described by age, resolved like "he"."""
    if h.head in h.w.words["age_word"] and any(h.doc[k].lower_ in h.w.words["age_unit"] for k in range(h.start, h.end)):
        return Phrase(h.start, h.end, "unnamed_official", "", h.word_role, pronoun="person")
    return None


def surveyed(h: Head):
    """"those surveyed say", "those polled": the people a poll asked, vague."""
    if h.head in h.w.words["participle_head"] and h.post:
        return Phrase(h.start, h.end, "vague", "", h.word_role)
    return None


def organisation_word(h: Head):
    """"the Harbor Trust board said" (named), "the agency said" (resolved later): an organisation word."""
    if h.head not in h.w.words["org_word"]:
        return None
    if h.names:
        return Phrase(h.start, h.end, "named_org", h.described, h.word_role)
    return Phrase(h.start, h.end, "unnamed_official", "", h.word_role, pronoun="org" if h.definite else "", head=h.head)


def title_word(h: Head):
    """"the governor said" (resolved later), "a spokesman said" (anonymous when indefinite and
    anonymous_if_indefinite, else an unnamed official)."""
    if h.head not in h.w.words["title"]:
        return None
    if h.indefinite:
        kind = "anonymous" if h.head in h.w.words["anonymous_if_indefinite"] else "unnamed_official"
        return Phrase(h.start, h.end, kind, "", h.word_role)
    return Phrase(h.start, h.end, "unnamed_official", "", h.word_role,
                  pronoun="person" if h.definite or h.possessed else "", head=h.head)


def verb_like(h: Head, a: int) -> bool:
    return h.doc[a].is_lower and (h.doc[a].lower_ in h.w.words["gap"] or h.doc[a].lower_ in h.w.verb_subject)


def loose_clause(h: Head):
    """"a third plant in Arizona may open": for a loose cue, a verb after the head makes a clause."""
    return STOP if h.loose and any(verb_like(h, a) for a, _, _ in h.post) else None


def loose_count(h: Head):
    """"about 4 in 10 say": for a loose cue, a share of people, vague."""
    if h.loose and h.head[:1].isdigit() and len(h.post) > 1 and h.doc[h.post[0][0]].lower_ in h.w.words["count_of"]:
        return Phrase(h.start, h.end, "vague", "", h.word_role)
    return None


def loose_group(h: Head):
    """"the board said", "donors say": for a loose cue (people and documents use it), a short
    phrase with a determiner or a plural head is a vague source."""
    w, doc, pre = h.w, h.doc, h.pre
    if not h.loose or not h.head.isalpha() or not doc[pre[-1][1] - 1].is_lower or h.head in w.common or len(pre) > 4:
        return None
    # "around the country" has its article; "mid-2004 the band asked" is a clause, not a phrase
    dated = any(ch.isdigit() for t in doc[h.start:pre[-1][0]] for ch in t.text)
    determined = (doc[h.start].lower_ if dated else h.article) in w.words["determiner"] or h.possessed
    plural = h.head.endswith("s") and not h.head.endswith("ss")
    if (determined or plural) and all(plain_word(h, a) for a, _, _ in pre[1:]):
        return Phrase(h.start, h.end, "vague", "", h.word_role)
    return None


def plain_word(h: Head, a: int) -> bool:
    """A possessive or a word that is neither verb-like nor an -ed form ("the local school board")."""
    doc = h.doc
    return doc[a].text in h.w.grammar["possessive"] or doc[a].is_alpha and not (
        verb_like(h, a) or doc[a].is_lower and doc[a].lower_.endswith("ed"))


WORD_RULES = (pronoun, media_noun, named_org_noun, named_document, indefinite_anonymous, back_reference,
              source_noun, aged_person, surveyed, organisation_word, title_word, loose_clause, loose_count,
              loose_group)
