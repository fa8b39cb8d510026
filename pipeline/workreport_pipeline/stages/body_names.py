"""Bodies recognised from the shape of their names, not only from the gazetteer.

A name is a **jurisdiction prefix**, a **stem** and an **organ suffix**
(``[patterns]`` in lexicon/bodies.toml, matched on folded text so both scripts
and both punctuation widths read alike):

- prefix: 國家, 省, 市, 區, 縣… or the issuer's own place (上海市 from
  上海市人民政府); words that only open like one (區域, 市場, 市級) are not;
- stem: 1 to ``max_stem`` Han characters, without 的, 要, 等… (a noun phrase is
  not a name); the shortest stem that gives a whole name wins, so
  市發展改革委要… ends at 委;
- suffix: 委員會, 委, 局, 廳, 辦公室, 辦, 署, 部, 中心, 科學院, 研究院, 法院,
  檢察院, 公司, 集團… (each with a body classification); a suffix that ends a
  longer word (格局, 全部, 大廳, 舉辦) or starts one (局面, 部分, 委托, 中心城區)
  is not. A company suffix also follows the issuer's place written bare
  (上海申通地鐵集團有限公司): a government's own companies are named so.

A name is only read where a name can stand: at the start of a clause or after
punctuation, or after an introducer (由, 會同, 與, 和, 、…); and it must end
where a name can end: punctuation, the end of the measure, a list joiner
(、和及, 與/同), a role word (牽頭, 負責, 共同, 合作), 等, or a modal word that makes
it the subject of the clause (要, 將, 必須…). A name inside a longer word or
name is never a match.

A clause that opens with such a name (or a list of them) followed by a modal,
role or together word has the body as its **subject** (``subject_end``): it is
an action clause. A clause that only says who takes part (由X牽頭, 會同X、Y)
or who helps (X、Y配合) is a **role clause** (``role_clause``) that frames the
action after it.

**Lists** (市發展改革委、市財政局和市審計局) give one name each. A list item
without a prefix right after a name with one (市發展改革委、財政局和審計局)
shares that prefix: its span is what is written (財政局), its name carries the
prefix (市財政局). A national prefix is not shared: after 國家發展改革委,
財政部 is not 國家財政部.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..lexicon import BodyPatternLexicon, body_patterns, clause_lexicon, match_prefix
from ..normalise import fold
from ..spans import Span

GOVERNMENT_WORDS = ("人民政府", "政府")
PLACE_ENDINGS = ("自治区", "自治州", "自治县", "省", "市", "区", "县", "州", "旗", "镇", "乡")


@dataclass(frozen=True)
class NameMatch:
    """A body's name found by its shape."""

    span: Span
    """The name as written (without a shared prefix written earlier in a list)."""
    prefix: Span
    """Where its jurisdiction prefix is written (inside ``span``, or earlier for a shared prefix)."""
    suffix: str
    classification: str
    national: bool

    @property
    def shares_prefix(self) -> bool:
        return not self.span.contains(self.prefix)

    def name(self, text: str) -> str:
        """The name in the source's script: as written, with a shared prefix put back."""
        written = self.span.slice(text)
        return self.prefix.slice(text) + written if self.shares_prefix else written


def is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


def place_prefix(issuer_name: str) -> str | None:
    """The issuer's own place, folded (上海市 from 上海市人民政府), when its name has one."""
    name = fold(issuer_name)
    for word in GOVERNMENT_WORDS:
        if name.endswith(word):
            place = name[: -len(word)]
            if len(place) >= 2 and place.endswith(PLACE_ENDINGS) and all(is_han(char) for char in place):
                return place
            return None
    return None


def _longest_first(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(set(words), key=lambda word: (-len(word), word)))


def _starts_any(folded: str, position: int, end: int, words: tuple[str, ...]) -> bool:
    return any(folded.startswith(word, position, end) for word in words)


def name_can_start(folded: str, position: int, lower: int, lexicon: BodyPatternLexicon | None = None) -> bool:
    """Whether a name may begin at ``position``: at the start, after punctuation, or after an introducer."""
    lexicon = lexicon or body_patterns()
    if position <= lower or not is_han(folded[position - 1]):
        return True
    return any(folded.endswith(word, lower, position) for word in lexicon.introducers)


def name_can_end(folded: str, position: int, end: int, lexicon: BodyPatternLexicon | None = None, object_of: bool = False) -> bool:
    """Whether a name may end at ``position``: punctuation, the end, a joiner, a role or modal word, 等;
    for the object of an introducer (會同X推進, 由X、Y組織) also an action verb or adverb."""
    lexicon = lexicon or body_patterns()
    if position >= end or not is_han(folded[position]):
        return True
    words = (
        *lexicon.joiners,
        *lexicon.companions,
        *lexicon.lead_words,
        *lexicon.participant_after,
        *lexicon.subject_words,
        *lexicon.together_words,
        "等",
    )
    if _starts_any(folded, position, end, words):
        return True
    if object_of:
        clauses = clause_lexicon()
        return _starts_any(folded, position, end, tuple(verb for verb in clauses.action_verbs if len(verb) > 1) + clauses.adverbs)
    return False


def _suffix_at(folded: str, stem_start: int, position: int, end: int, lexicon: BodyPatternLexicon, object_of: bool) -> str | None:
    """The organ suffix at ``position`` that is not part of a longer word and ends a name."""
    for suffix in lexicon.suffixes:
        if not folded.startswith(suffix, position, end):
            continue
        after = position + len(suffix)
        inside_before = any(
            word.endswith(suffix) and len(word) > len(suffix) and folded.endswith(word, stem_start, after) for word in lexicon.not_before
        )
        inside_after = any(
            word.startswith(suffix) and len(word) > len(suffix) and folded.startswith(word, position, end) for word in lexicon.not_after
        )
        if not inside_before and not inside_after and name_can_end(folded, after, end, lexicon, object_of):
            return suffix
    return None


def _stem_and_suffix(
    folded: str, start: int, end: int, min_stem: int, lexicon: BodyPatternLexicon, object_of: bool = False
) -> tuple[int, str] | None:
    """The end of the shortest stem from ``start`` followed by an organ suffix, and that suffix."""
    for length in range(min_stem, lexicon.max_stem + 1):
        stem_end = start + length
        if stem_end > end or not is_han(folded[stem_end - 1]):
            return None
        stem = folded[start:stem_end]
        if any(stop in stem for stop in lexicon.stem_stops):
            return None
        suffix = _suffix_at(folded, start, stem_end, end, lexicon, object_of)
        if suffix is not None:
            return stem_end, suffix
    return None


def _prefix_at(folded: str, position: int, end: int, prefixes: tuple[str, ...], lexicon: BodyPatternLexicon) -> str | None:
    if match_prefix(folded, position, end, lexicon.not_prefixes):
        return None
    return match_prefix(folded, position, end, prefixes)


def bare_place(place: str | None) -> str | None:
    """The issuer's place without 市 or 省 (上海 from 上海市): how its own companies are named (上海久事公司)."""
    if place and place.endswith(("市", "省")) and len(place) >= 3:
        return place[:-1]
    return None


def _prefixes(place: str | None, lexicon: BodyPatternLexicon) -> tuple[str, ...]:
    words = {*lexicon.prefixes, *lexicon.national_prefixes, *([place] if place else [])}
    return tuple(sorted(words, key=lambda word: (-len(word), word)))


def opens_with_jurisdiction(folded_name: str, place: str | None = None) -> bool:
    """Whether a (folded) name begins with a jurisdiction prefix (市民政局, 上海市民政局)."""
    lexicon = body_patterns()
    return any(folded_name.startswith(word) for word in _prefixes(place, lexicon))


def find_names(folded: str, span: Span, place: str | None = None) -> list[NameMatch]:
    """Every name of a body found by its shape in ``folded[span]``, in text order, without overlaps."""
    lexicon = body_patterns()
    bare = bare_place(place)
    prefixes = _prefixes(place, lexicon)
    with_bare = _longest_first((*prefixes, bare)) if bare else prefixes
    found: list[NameMatch] = []
    position = span.start
    while position < span.end:
        prefix = (
            _prefix_at(folded, position, span.end, with_bare, lexicon) if name_can_start(folded, position, span.start, lexicon) else None
        )
        object_of = bool(prefix) and _is_object(folded, position, span.start, found, lexicon)
        stem = _stem_and_suffix(folded, position + len(prefix), span.end, 1, lexicon, object_of) if prefix else None
        if prefix is None or stem is None or (prefix == bare and stem[1] not in lexicon.bare_place_suffixes):
            position += 1
            continue
        stem_end, suffix = stem
        match = NameMatch(
            span=Span(position, stem_end + len(suffix)),
            prefix=Span(position, position + len(prefix)),
            suffix=suffix,
            classification=lexicon.suffixes[suffix],
            national=prefix in lexicon.national_prefixes,
        )
        found.append(match)
        found.extend(_shared_prefix_items(folded, match, span, prefixes, lexicon, object_of))
        position = found[-1].span.end
    return found


def _is_object(folded: str, position: int, lower: int, found: list[NameMatch], lexicon: BodyPatternLexicon) -> bool:
    """Whether a name at ``position`` follows an introducer word, or continues a list of names."""
    if any(folded.endswith(word, lower, position) for word in lexicon.introducers if is_han(word[-1])):
        return True
    return bool(found) and folded[found[-1].span.end : position] in (*lexicon.joiners, *lexicon.companions)


def _shared_prefix_items(
    folded: str, first: NameMatch, span: Span, prefixes: tuple[str, ...], lexicon: BodyPatternLexicon, object_of: bool
) -> list[NameMatch]:
    """List items after ``first`` written without its prefix (市發展改革委、財政局和審計局)."""
    items: list[NameMatch] = []
    position = first.span.end
    while joiner := match_prefix(folded, position, span.end, (*lexicon.joiners, *lexicon.companions)):
        start = position + len(joiner)
        if first.national or _prefix_at(folded, start, span.end, prefixes, lexicon):
            break
        stem = _stem_and_suffix(folded, start, span.end, 2, lexicon, object_of)
        if stem is None:
            break
        stem_end, suffix = stem
        items.append(NameMatch(Span(start, stem_end + len(suffix)), first.prefix, suffix, lexicon.suffixes[suffix], first.national))
        position = stem_end + len(suffix)
    return items


def _joined_end(folded: str, names: list[NameMatch], end: int, words: tuple[str, ...]) -> int:
    """The end of the run of names from ``names[0]`` joined by ``words`` (市財政局、市審計局和…)."""
    position = names[0].span.end
    for name in names[1:]:
        joiner = match_prefix(folded, position, end, words)
        if joiner is None or position + len(joiner) != name.span.start:
            break
        position = name.span.end
    return position


def subject_end(folded: str, clause: Span, place: str | None = None) -> int | None:
    """Where the subject ends when the clause opens with bodies followed by a modal, role or together word
    (X要…, X和Y將…, X牽頭…, X與Y共同…)."""
    lexicon = body_patterns()
    names = find_names(folded, clause, place)
    if not names or names[0].span.start != clause.start:
        return None
    end = _joined_end(folded, names, clause.end, (*lexicon.joiners, *lexicon.companions))
    words = (*lexicon.subject_words, *lexicon.lead_words, *lexicon.together_words)
    return end if match_prefix(folded, end, clause.end, _longest_first(words)) else None


def role_clause(folded: str, clause: Span) -> bool:
    """Whether the whole clause only says who takes part (由X牽頭, 會同X、Y, X負責): it frames the action after it."""
    lexicon = body_patterns()
    opener = match_prefix(folded, clause.start, clause.end, ("并由", "由", *lexicon.participant_before))
    start = clause.start + len(opener or "")
    names = find_names(folded, Span(start, clause.end))
    if not names or names[0].span.start != start:
        return False
    end = _joined_end(folded, names, clause.end, lexicon.joiners)
    if role := match_prefix(folded, end, clause.end, _longest_first((*lexicon.lead_words, *lexicon.participant_after))):
        end += len(role)
    elif opener is None or opener in ("并由", "由"):
        return False
    if folded.startswith("等", end, clause.end):
        end += 1 + len(match_prefix(folded, end + 1, clause.end, ("部门", "单位")) or "")
    return end == clause.end
