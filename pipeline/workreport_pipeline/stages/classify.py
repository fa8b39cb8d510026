"""Stage 3, classify: which clauses are actions, and how clauses group into measures.

A clause is read after skipping adverbs and modal words (繼續, 積極, 要, 必須):

- **action**: it then opens with an action verb (推進, 加快, 新增, 完成, 建立...),
  or with a preposition (在, 為, 將...) followed later by an action verb;
- **action** too: its subject is a body named by the shape of its name, followed
  by a modal word (市人力資源社會保障局要加強…, 區商務委將…; see ``body_names.py``);
- **framing**: it opens with a framing lead-in (聚焦, 面向, 按照, 依托...) that
  sets the scene for the action after it, or it only says who takes part
  (由區商務委牽頭, 會同區統計局, 區商務委牽頭, 市財政局配合), or it states a
  condition (在確保安全的前提下, 一旦發生險情);
- **continuation**: it opens with a purpose or result word (使, 讓, 從而);
- **copula**: it contains a copula 是 (住房問題是重大民生問題): framing, never a measure;
- **context**: anything else (物價牽動民心, 就業...始終不能放松).

Grouping, within one sentence (measures never cross a sentence end):

1. an action clause starts a new measure; framing clauses right before it
   join that measure (聚焦青年職工、引進人才等群體,大幅放寬...); a framing clause
   with no measure after it is read as an action when it holds an action verb;
   a **stance** clause that opens the sentence (a stance verb with an abstract
   object: 堅持民生優先導向, 堅持制度建設先行, 保障低收入困難群眾生活) is framing
   when an action clause follows it in the sentence, so it leads that action's
   measure; alone in its sentence it stays a measure; so is a **strategy's
   name** opening the sentence (實施科技帶動戰略,推動文化與…融合發展: the actions
   after it carry it out);
2. a clause that states a target (a quantity or a qualitative marker such as
   穩中有降) and is not a copula starts a new measure when no measure comes
   before it in the sentence; with no action verb of its own it joins the
   measure before it (加大財政教育投入,…比重達到15%), as long as it repeats a
   word of that measure (two characters in a row: 財政教育) — a target on
   another topic (戶外廣告規范設置率達到90% after 生活垃圾分類…拓展) still starts
   its own;
3. continuation and context clauses join the measure before them; so does an
   action clause with the shape of a **purpose** (增強/提高/提升…能力/水平/效率/
   質量/參與度, 滿足…需求, 確保…有序/順利/平穩, 努力 or 更好地 + verb, 為 + whom
   + verb) that holds no figure, no name of its own (quotes, 《》, 工程, 項目)
   and no target (提高最低工資標準 stays a measure with its target); and so
   does a **dependent** action clause that cannot be read alone: its object is
   elided (供應770萬平方米、11.4萬套(間): only figures follow the verb), it
   refers back (整合其…), or it states the result of the measure before it
   with no subject of its own (基本實現城鎮化地區全覆蓋). An action clause whose
   whole object is a **generic means** (強化組織領導, 細化政策措施) leads the
   next measure of its sentence, or joins the one before when none follows; a
   clause that only names **whom** the next action serves (為…的市民) is a
   framing lead-in;
4. context, framing and continuation clauses that open the sentence, before
   any measure, lead the measure that follows in the sentence: a lead
   (通過多種方式將...), a place (在城郊結合部快速城市化地區), a reason (物價牽動民心)
   or an address (各位代表,讓我們團結一心) that limits or frames it is part of
   it, never dropped;
5. a copula clause is a context statement and closes the current measure; the
   context clauses after it belong to that statement (承載著許多家庭的安居夢想),
   except one that opens with a modal or adverb (要舉全市之力): that one looks
   forward, and leads the next measure as in rule 4.

Clauses left in no measure (a copula statement, context with no measure after
it in its sentence, a continuation with none before it) are listed in the
quality report with their kind as the reason.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from workreport_schema import ClauseType

from ..lexicon import clause_lexicon, match_prefix, match_suffix, number_lexicon, skip_words, unit_lexicon
from ..numerals import NUMERAL_CHARS
from ..spans import Span
from .body_names import role_clause, subject_end


class ClauseKind(StrEnum):
    ACTION = "action"
    FRAMING = "framing"
    CONTINUATION = "continuation"
    COPULA = "copula"
    CONTEXT = "context"


def has_copula(folded: str, clause: Span) -> bool:
    """Whether the clause contains 是 used as a copula (not inside 特別是, 但是...)."""
    lexicon = clause_lexicon()
    text = folded[clause.start : clause.end]
    covered: set[int] = set()
    for word in lexicon.copula_exclusions:
        start = text.find(word)
        while start != -1:
            covered.update(range(start, start + len(word)))
            start = text.find(word, start + 1)
    return any(char == "是" and index not in covered for index, char in enumerate(text))


def skip_adverbs(folded: str, clause: Span) -> int:
    """Offset just after leading adverbs and modal words."""
    return skip_words(folded, clause.start, clause.end, clause_lexicon().adverbs)


def classify_clause(folded: str, clause: Span) -> ClauseKind:
    """The kind of one clause (see the module docstring)."""
    if has_copula(folded, clause):
        return ClauseKind.COPULA
    lexicon = clause_lexicon()
    position = skip_adverbs(folded, clause)
    if role_clause(folded, Span(position, clause.end)) or is_condition(folded, clause):
        return ClauseKind.FRAMING
    if is_beneficiary(folded, clause):
        return ClauseKind.FRAMING
    if match_prefix(folded, position, clause.end, lexicon.action_verbs) or subject_end(folded, Span(position, clause.end)):
        return ClauseKind.ACTION
    if match_prefix(folded, position, clause.end, lexicon.continuations):
        return ClauseKind.CONTINUATION
    if match_prefix(folded, position, clause.end, lexicon.framing_leads):
        return ClauseKind.FRAMING
    lead = match_prefix(folded, position, clause.end, lexicon.lead_ins)
    if lead:
        rest = folded[position + len(lead) : clause.end]
        if any(verb in rest for verb in lexicon.action_verbs if len(verb) > 1):
            return ClauseKind.ACTION
    return ClauseKind.CONTEXT


@dataclass(frozen=True)
class MeasureGroup:
    """Consecutive clauses of one sentence that form one measure: what each is, and which one starts the measure."""

    clauses: tuple[Span, ...]
    kinds: tuple[ClauseKind, ...]
    head: int
    """Index of the clause that makes it a measure (an action, or a clause that states a target); the ones before lead it."""

    @property
    def span(self) -> Span:
        return Span(self.clauses[0].start, self.clauses[-1].end)


def is_condition(folded: str, clause: Span) -> bool:
    """Whether a clause states a condition the action depends on (如果…, 一旦…, 在…前提下)."""
    lexicon = clause_lexicon()
    words = folded[clause.start : clause.end]
    return bool(match_prefix(folded, skip_adverbs(folded, clause), clause.end, lexicon.condition_openers)) or any(
        word in words for word in lexicon.condition_words
    )


def clause_types(folded: str, group: MeasureGroup, states_target: Callable[[Span], bool]) -> list[ClauseType]:
    """What each clause of a measure does (codelist clause_type), so a reader sees the measure whole and still counts its actions.

    Before the head: framing and continuation clauses are lead-ins, context stays context. The head and after: actions,
    clauses that only state a target, purpose (continuation) clauses, and context (a participant, a comment). A clause
    that states a condition is typed condition wherever it stands.
    """
    types: list[ClauseType] = []
    for position, (clause, kind) in enumerate(zip(group.clauses, group.kinds, strict=True)):
        if is_condition(folded, clause):
            types.append(ClauseType.CONDITION)
        elif position < group.head:
            types.append(ClauseType.CONTEXT if kind is ClauseKind.CONTEXT else ClauseType.LEAD_IN)
        elif kind is ClauseKind.ACTION or (position == group.head and kind is ClauseKind.FRAMING and not states_target(clause)):
            types.append(ClauseType.ACTION)
        elif states_target(clause):
            types.append(ClauseType.TARGET)
        elif kind is ClauseKind.CONTINUATION:
            types.append(ClauseType.PURPOSE)
        else:
            types.append(ClauseType.CONTEXT)
    return types


def is_stance(folded: str, clause: Span) -> bool:
    """Whether an action clause only states a stance: a stance verb with an abstract object (堅持民生優先導向, 堅持制度建設先行),
    or a principle verb with any object but a figure or a name of its own (堅持積極的就業政策, 弘揚志愿精神)."""
    lexicon = clause_lexicon()
    position = skip_adverbs(folded, clause)
    if match_prefix(folded, position, clause.end, lexicon.principle_verbs) and not _figure_or_name(folded, clause):
        return True
    verb = match_prefix(folded, position, clause.end, lexicon.stance_verbs)
    return verb is not None and match_suffix(folded, position + len(verb), clause.end, lexicon.stance_objects) is not None


def is_purpose(folded: str, clause: Span) -> bool:
    """Whether an action clause has the shape of a purpose (增強服務能力, 滿足…需求, 確保…有序運行, 努力吸引…).

    A clause with a figure or a name of its own (in quotes or 《》, a 工程 or 項目) is none: it adds a commitment; nor is
    one with the shape of a qualitative target (提高最低工資標準, 提高補貼水平). Whether it states a quantity is for the
    caller to check.
    """
    if _has_shape(folded, clause):
        return False
    lexicon = clause_lexicon()
    if _figure_or_name(folded, clause):
        return False
    position, effort = _after_effort(folded, clause)
    if (verb := match_prefix(folded, position, clause.end, lexicon.shape_prefixes)) and any(
        match_prefix(folded, position + len(verb), clause.end, shape.verbs) for shape in lexicon.purpose_shapes
    ):
        position += len(verb)  # 加快提升發展能級: the shape's verb after a verb of pace
    if effort and (match_prefix(folded, position, clause.end, lexicon.action_verbs) or _lead_then_verb(folded, Span(position, clause.end))):
        return True
    if match_prefix(folded, position, clause.end, lexicon.for_openers) and _has_verb(folded, clause):
        return True
    for shape in lexicon.purpose_shapes:
        verb = match_prefix(folded, position, clause.end, shape.verbs)
        if verb is None:
            continue
        rest = Span(position + len(verb), clause.end)
        if shape.endings and match_suffix(folded, rest.start, rest.end, shape.endings) is not None:
            return True
        if any(state in folded[rest.start : rest.end] for state in shape.states):
            return True
    return False


def _has_shape(folded: str, clause: Span) -> bool:
    """Whether a clause has the shape of a qualitative target (stages/shapes.py), hedged or not."""
    from .shapes import read_shape  # shapes reads clauses with this module's skip_adverbs

    return read_shape(folded, clause) is not None


def _after_effort(folded: str, clause: Span) -> tuple[int, bool]:
    """The offset after the clause's adverbs, and whether one of them is an effort word (努力, 更好地, 盡可能)."""
    lexicon = clause_lexicon()
    position, effort = clause.start, False
    while adverb := match_prefix(folded, position, clause.end, lexicon.adverbs):
        effort = effort or adverb in lexicon.effort_words
        position += len(adverb)
    return position, effort


def _figure_or_name(folded: str, clause: Span) -> bool:
    """Whether a clause holds a figure or names something of its own (in quotes or 《》, a 工程 or 項目): it adds a commitment."""
    words = folded[clause.start : clause.end]
    return any(char.isdigit() for char in words) or any(word in words for word in clause_lexicon().named_words)


def is_beneficiary(folded: str, clause: Span) -> bool:
    """Whether a clause only names whom the next action serves: 為/對 + …的 + people (為…期盼改善居住條件的市民)."""
    lexicon = clause_lexicon()
    position = skip_adverbs(folded, clause)
    if not match_prefix(folded, position, clause.end, lexicon.beneficiary_openers):
        return False
    people = match_suffix(folded, position, clause.end, lexicon.beneficiary_people)
    return people is not None and folded.startswith("的", clause.end - len(people) - 1)


def _lead_then_verb(folded: str, clause: Span) -> bool:
    """Whether a clause opens with a lead-in (以, 為...) and holds an action verb later (以開放促發展 has 促 only)."""
    lexicon = clause_lexicon()
    lead = match_prefix(folded, clause.start, clause.end, lexicon.lead_ins)
    return lead is not None and _has_verb(folded, Span(clause.start + len(lead), clause.end))


def _verb_end(folded: str, clause: Span) -> int | None:
    """The offset after the clause's opening action verb (after adverbs), or None."""
    position = skip_adverbs(folded, clause)
    verb = match_prefix(folded, position, clause.end, clause_lexicon().action_verbs)
    return None if verb is None else position + len(verb)


_FIGURE_CHARACTERS = frozenset("0123456789.,、()（）%％" + NUMERAL_CHARS)
"""Characters of a figure: digits, Chinese numerals (numerals.py), separators and brackets (17.08萬套(間))."""


@cache
def _figure_words() -> tuple[str, ...]:
    """Words a figure may hold besides its characters: units (lexicon/units.toml) and comparators (以上, 左右, 不少於)."""
    units, numbers = unit_lexicon(), number_lexicon()
    words = {*units.symbols, *units.classifiers, *units.self_classifiers, *units.nouns}
    words |= {*numbers.comparator_prefixes, *numbers.comparator_suffixes}
    return tuple(sorted(words, key=len, reverse=True))


def only_figures_after_verb(folded: str, clause: Span) -> bool:
    """Whether the verb is followed only by figures and units (供應770萬平方米、11.4萬套(間)): its object is elided."""
    after = _verb_end(folded, clause)
    if after is None or after >= clause.end or not folded[after].isdigit():
        return False
    rest = folded[after : clause.end]
    for word in _figure_words():
        rest = rest.replace(word, "")
    return all(char in _FIGURE_CHARACTERS or char.isspace() for char in rest)


SHORT_OBJECT = 4
"""An object of at most this many characters that repeats a word of the measure before (提高補貼水平 after
建立…補貼制度) leaves out what it qualifies: the measure before says whose subsidy."""


def is_dependent(folded: str, clause: Span, before: Sequence[Span]) -> bool:
    """Whether an action clause cannot be read without the measure before it (module docstring, rule 3).

    Its object is elided (only figures follow the verb), it is short and repeats a word of the measure before (提高補貼水平
    after 建立事業單位退休人員補貼制度), it refers back (整合其…), or it states the result of the measure before it with
    no subject of its own (基本實現…全覆蓋).
    """
    lexicon = clause_lexicon()
    after = _verb_end(folded, clause)
    if after is None:
        return False
    if only_figures_after_verb(folded, clause) or match_prefix(folded, after, clause.end, lexicon.anaphora):
        return True
    if clause.end - after <= SHORT_OBJECT and _shares_words(folded, Span(after, clause.end), before):
        return True
    return match_prefix(folded, skip_adverbs(folded, clause), clause.end, lexicon.result_verbs) is not None


def is_generic_means(folded: str, clause: Span) -> bool:
    """Whether a clause says how, not what: its whole object is a generic means (強化組織領導, 細化政策措施), or a second
    verb with no object (放開搞活, whose object is the next measure's or the one before)."""
    lexicon = clause_lexicon()
    after = _verb_end(folded, clause)
    return after is not None and folded[after : clause.end] in (*lexicon.generic_objects, *lexicon.bare_complements)


def names_strategy(folded: str, clause: Span) -> bool:
    """Whether a clause names a strategy (實施科技帶動戰略): opening a sentence, it says what the actions after it carry out."""
    after = _verb_end(folded, clause)
    return after is not None and match_suffix(folded, after, clause.end, clause_lexicon().strategy_objects) is not None


def _strategy_leads(
    folded: str, kinds: list[ClauseKind], starts: list[bool], clauses: Sequence[Span], states_target: Callable[[Span], bool]
) -> None:
    """Rule 1: a strategy's name that opens the sentence, with a measure after it, becomes its framing lead-in (in place)."""
    if not clauses or not starts[0] or kinds[0] is not ClauseKind.ACTION or states_target(clauses[0]):
        return
    if names_strategy(folded, clauses[0]) and _leads_next(kinds, starts, 0):
        kinds[0], starts[0] = ClauseKind.FRAMING, False


def _stance_leads(folded: str, kinds: list[ClauseKind], starts: list[bool], clauses: Sequence[Span]) -> None:
    """Rule 1: stance clauses that open the sentence, with an action after them, become its framing lead-ins (in place)."""
    for index, clause in enumerate(clauses):
        if starts[index] and kinds[index] is ClauseKind.ACTION and is_stance(folded, clause):
            after = index + 1  # past framing and context clauses (堅持育人為本,真正體現…這一核心理念,落實…)
            while after < len(clauses) and kinds[after] in (ClauseKind.FRAMING, ClauseKind.CONTEXT) and not starts[after]:
                after += 1
            if after < len(clauses) and kinds[after] is ClauseKind.ACTION:
                kinds[index], starts[index] = ClauseKind.FRAMING, False
        if starts[index]:
            return


def _pairs(words: str) -> set[str]:
    """Every two Han characters in a row."""
    pairs = (words[index : index + 2] for index in range(len(words) - 1))
    return {pair for pair in pairs if all("\u4e00" <= char <= "\u9fff" for char in pair)}


def _shares_words(folded: str, clause: Span, measure: Sequence[Span]) -> bool:
    """Whether a clause repeats a word of the measure (two characters in a row): 財政教育 in 加大財政教育投入, …比重達到15%."""
    found = _pairs(folded[clause.start : clause.end])
    return any(found & _pairs(folded[part.start : part.end]) for part in measure)


def _has_verb(folded: str, clause: Span) -> bool:
    return any(verb in folded[clause.start : clause.end] for verb in clause_lexicon().action_verbs if len(verb) > 1)


def _leads_next(kinds: Sequence[ClauseKind], starts: Sequence[bool], index: int) -> bool:
    """Whether the clause after ``index``, past framing and context clauses, starts a measure (so a lead-in at ``index`` has
    one to lead: 堅持育人為本,真正體現…這一核心理念,落實…)."""
    after = index + 1
    while after < len(kinds) and kinds[after] in (ClauseKind.FRAMING, ClauseKind.CONTEXT) and not starts[after]:
        after += 1
    return after < len(kinds) and starts[after]


def group_measures(
    folded: str, clauses: Sequence[Span], states_target: Callable[[Span], bool], leading_clauses: int = 0
) -> list[MeasureGroup]:
    """Group one sentence's clauses into measures (rules 1-5 in the module docstring).

    ``leading_clauses``: the first clauses are a paragraph's heading or a chapter's opening statement
    (stages/headings.py), read like the opening of a sentence (rule 4): they lead the first measure after them.
    """
    kinds = [classify_clause(folded, clause) for clause in clauses]
    for position in range(leading_clauses):
        kinds[position] = ClauseKind.CONTINUATION
    starts = [
        kind is ClauseKind.ACTION or (kind is not ClauseKind.COPULA and kind is not ClauseKind.FRAMING and states_target(clause))
        for kind, clause in zip(kinds, clauses, strict=True)
    ]
    _stance_leads(folded, kinds, starts, clauses)
    _strategy_leads(folded, kinds, starts, clauses, states_target)
    groups: list[tuple[list[Span], int]] = []
    """Each measure's clauses, and the index of its head among them."""
    current: list[Span] | None = None
    leading: list[Span] = []
    opening = True
    """Whether no measure and no copula has come yet in this sentence (rule 4)."""
    for index, (clause, kind) in enumerate(zip(clauses, kinds, strict=True)):
        if kind is ClauseKind.FRAMING:
            if _leads_next(kinds, starts, index):  # framing clauses in a row all join the next action
                leading.append(clause)
                continue
            if _has_verb(folded, clause) or states_target(clause):
                current = [*leading, clause]
                groups.append((current, len(leading)))
                opening = False
            elif current is not None:
                current.append(clause)
            elif opening:
                leading.append(clause)
                continue
        elif kind is ClauseKind.COPULA:
            current = None
            opening = False
        elif current is not None and kind is ClauseKind.ACTION and is_stance(folded, clause) and not states_target(clause):
            kinds[index] = ClauseKind.CONTEXT  # rule 1: a stance after a measure is the manner of that measure
            current.extend([*leading, clause])
        elif kind is ClauseKind.ACTION and is_generic_means(folded, clause) and _leads_next(kinds, starts, index):
            leading.append(clause)  # rule 3: generic means lead the next measure of the sentence
            continue
        elif current is not None and kind is ClauseKind.ACTION and is_generic_means(folded, clause):
            current.extend([*leading, clause])  # ... or join the one before when none follows
        elif current is not None and kind is ClauseKind.ACTION and is_dependent(folded, clause, current):
            if match_prefix(folded, skip_adverbs(folded, clause), clause.end, clause_lexicon().result_verbs):
                kinds[index] = ClauseKind.CONTINUATION  # a result: typed target or purpose
            current.extend([*leading, clause])  # rule 3: an elided object, a reference back or a result continues the measure
        elif (
            current is not None
            and kind is ClauseKind.ACTION
            and (states_target(clause) or _has_shape(folded, clause))
            and _after_effort(folded, clause)[1]
            and _shares_words(folded, clause, current)
        ):
            kinds[index] = (
                ClauseKind.CONTINUATION
            )  # rule 2: an effort's target on the measure's own topic (努力建設…資費水平最低的城市之一)
            current.extend([*leading, clause])
        elif current is not None and kind is ClauseKind.ACTION and is_purpose(folded, clause) and not states_target(clause):
            kinds[index] = ClauseKind.CONTINUATION  # rule 3: a purpose of the measure before it
            current.extend([*leading, clause])
        elif current is not None and starts[index] and kind is not ClauseKind.ACTION and _shares_words(folded, clause, current):
            current.append(clause)  # rule 2: a target with no action verb of its own quantifies the measure before it
        elif starts[index]:
            current = [*leading, clause]
            groups.append((current, len(leading)))
            opening = False
        elif current is not None:
            current.append(clause)
        elif opening or (kind is ClauseKind.CONTEXT and skip_adverbs(folded, clause) > clause.start):
            leading.append(clause)
            continue
        leading = []
    kind_of = {clause: kind for clause, kind in zip(clauses, kinds, strict=True)}
    return [MeasureGroup(tuple(group), tuple(kind_of[clause] for clause in group), head) for group, head in groups]
