"""Word list numbering: compute the number Word shows in front of a numbered paragraph.

A paragraph is numbered when it (or its paragraph style) has ``w:numPr`` with a
``w:numId`` and ``w:ilvl``. ``word/numbering.xml`` maps the numId to a
``w:num``, which points to a ``w:abstractNum`` whose ``w:lvl`` elements give each
level's start value, number format and text pattern such as ``%1.%2``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from exports.docx_xml import W, parse_part, wattr

MAX_LEVELS = 9
NO_LIST = "0"  # numId 0 switches off numbering inherited from a style


@dataclass(frozen=True)
class Level:
    start: int = 1
    format: str = "decimal"
    text: str = ""
    legal: bool = False  # w:isLgl: show every level in the pattern as decimal


@dataclass
class ListDefinitions:
    """The abstract lists, the num instances and the numbered styles of one document."""

    levels: dict[str, dict[int, Level]] = field(default_factory=dict)
    nums: dict[str, str] = field(default_factory=dict)  # numId -> abstractNumId
    start_overrides: dict[str, dict[int, int]] = field(default_factory=dict)
    style_numbering: dict[str, tuple[str, int]] = field(default_factory=dict)


def load_definitions(numbering_xml: bytes, styles_xml: bytes, source: str) -> ListDefinitions:
    definitions = ListDefinitions()
    if numbering_xml:
        _load_numbering(definitions, parse_part(numbering_xml, source, "numbering"))
    if styles_xml:
        _load_styles(definitions, parse_part(styles_xml, source, "styles"))
    return definitions


def _load_numbering(definitions: ListDefinitions, root: etree._Element) -> None:
    for abstract in root.iter(f"{W}abstractNum"):
        levels = {}
        for lvl in abstract.iter(f"{W}lvl"):
            ilvl = _int(wattr(lvl, "ilvl"), 0)
            levels[ilvl] = Level(
                start=_int(_child_val(lvl, "start"), 1),
                format=_child_val(lvl, "numFmt") or "decimal",
                text=_child_val(lvl, "lvlText") or "",
                legal=lvl.find(f"{W}isLgl") is not None,
            )
        definitions.levels[wattr(abstract, "abstractNumId") or ""] = levels
    for num in root.iter(f"{W}num"):
        num_id = wattr(num, "numId") or ""
        definitions.nums[num_id] = _child_val(num, "abstractNumId") or ""
        overrides = {}
        for override in num.iter(f"{W}lvlOverride"):
            start = _child_val(override, "startOverride")
            if start is not None:
                overrides[_int(wattr(override, "ilvl"), 0)] = _int(start, 1)
        if overrides:
            definitions.start_overrides[num_id] = overrides


def _load_styles(definitions: ListDefinitions, root: etree._Element) -> None:
    """Record the numbering of each paragraph style, following w:basedOn chains."""
    own: dict[str, tuple[str | None, int]] = {}
    based_on: dict[str, str] = {}
    for style in root.iter(f"{W}style"):
        style_id = wattr(style, "styleId") or ""
        parent = _child_val(style, "basedOn")
        if parent:
            based_on[style_id] = parent
        num_pr = style.find(f"{W}pPr/{W}numPr")
        if num_pr is not None:
            own[style_id] = (_child_val(num_pr, "numId"), _int(_child_val(num_pr, "ilvl"), 0))
    for style_id in set(own) | set(based_on):
        found = _inherited(style_id, own, based_on)
        if found is not None:
            definitions.style_numbering[style_id] = found


def _inherited(
    style_id: str, own: dict[str, tuple[str | None, int]], based_on: dict[str, str]
) -> tuple[str, int] | None:
    seen = set()
    current: str | None = style_id
    while current is not None and current not in seen:
        seen.add(current)
        if current in own:
            num_id, ilvl = own[current]
            return (num_id, ilvl) if num_id and num_id != NO_LIST else None
        current = based_on.get(current)
    return None


class ListCounter:
    """Counts numbered paragraphs in document order and renders their numbers.

    Counters belong to the abstract list, so two num instances of one abstract
    list continue each other's numbering, as Word does; a num with a start
    override counts on its own.
    """

    def __init__(self, definitions: ListDefinitions) -> None:
        self.definitions = definitions
        self._counts: dict[str, list[int | None]] = {}

    def number(self, num_id: str, ilvl: int) -> str:
        """Advance the list *num_id* at level *ilvl* and return the rendered number."""
        abstract_id = self.definitions.nums.get(num_id)
        levels = self.definitions.levels.get(abstract_id or "")
        if num_id == NO_LIST or not levels:
            return ""
        ilvl = min(max(ilvl, 0), MAX_LEVELS - 1)
        key = num_id if num_id in self.definitions.start_overrides else f"abstract:{abstract_id}"
        counts = self._counts.setdefault(key, [None] * MAX_LEVELS)
        previous = counts[ilvl]
        counts[ilvl] = self._start(num_id, levels, ilvl) if previous is None else previous + 1
        for deeper in range(ilvl + 1, MAX_LEVELS):
            counts[deeper] = None
        return self._render(num_id, levels, counts, ilvl)

    def _start(self, num_id: str, levels: dict[int, Level], ilvl: int) -> int:
        override = self.definitions.start_overrides.get(num_id, {}).get(ilvl)
        return override if override is not None else levels.get(ilvl, Level()).start

    def _render(
        self, num_id: str, levels: dict[int, Level], counts: list[int | None], ilvl: int
    ) -> str:
        level = levels.get(ilvl, Level())
        if level.format in ("bullet", "none"):
            return ""
        text = level.text
        for shown in range(ilvl, -1, -1):  # high levels first so %1 never eats %10
            shown_level = levels.get(shown, Level())
            value = counts[shown]
            if value is None:
                value = self._start(num_id, levels, shown)
            number_format = "decimal" if level.legal else shown_level.format
            text = text.replace(f"%{shown + 1}", format_number(value, number_format))
        return text.strip()


def format_number(value: int, number_format: str) -> str:
    """Render *value* in a Word number format (w:numFmt); unknown formats fall back to decimal."""
    if number_format == "lowerLetter":
        return _letters(value).lower()
    if number_format == "upperLetter":
        return _letters(value)
    if number_format == "lowerRoman":
        return _roman(value).lower()
    if number_format == "upperRoman":
        return _roman(value)
    if number_format == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _letters(value: int) -> str:
    # Word repeats the letter after z: 27 is "AA", 28 is "BB".
    if value < 1:
        return str(value)
    letter = chr(ord("A") + (value - 1) % 26)
    return letter * ((value - 1) // 26 + 1)


_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def _roman(value: int) -> str:
    if not 0 < value < 4000:
        return str(value)
    parts = []
    for amount, numeral in _ROMAN:
        count, value = divmod(value, amount)
        parts.append(numeral * count)
    return "".join(parts)


def _child_val(element: etree._Element, name: str) -> str | None:
    child = element.find(f"{W}{name}")
    return None if child is None else wattr(child, "val")


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default
