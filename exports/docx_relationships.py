"""Find the parts of a .docx through its relationship files instead of assuming their names.

Word names the main part ``word/document.xml``. The package format lets a
writer choose any name and point to it from ``_rels/.rels``, and some writers
use names such as ``word/document2.xml``.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable

from exports.docx_xml import parse_part

RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
PACKAGE_RELATIONSHIPS = "_rels/.rels"

PartReader = Callable[[str], bytes | None]


def main_document_name(read: PartReader, source: str) -> str | None:
    """Return the name of the main document part, or None when no relationship names it."""
    return _target(read, PACKAGE_RELATIONSHIPS, "", "officeDocument", source)


def related_part_name(read: PartReader, part_name: str, kind: str, source: str) -> str | None:
    """Return the part that *part_name* relates to as *kind* (e.g. "numbering"), or None."""
    folder, base = posixpath.split(part_name)
    relationships = posixpath.join(folder, "_rels", f"{base}.rels")
    return _target(read, relationships, folder, kind, source)


def _target(
    read: PartReader, relationships: str, folder: str, kind: str, source: str
) -> str | None:
    data = read(relationships)
    if not data:
        return None
    root = parse_part(data, source, relationships)
    for relationship in root.iter(f"{{{RELATIONSHIPS_NS}}}Relationship"):
        if relationship.get("TargetMode") == "External":
            continue
        if (relationship.get("Type") or "").rsplit("/", 1)[-1] != kind:
            continue
        target = relationship.get("Target") or ""
        # A target is relative to the folder of the part that owns the relationships,
        # unless it starts with "/", which means the package root.
        joined = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        return posixpath.normpath(joined)
    return None
