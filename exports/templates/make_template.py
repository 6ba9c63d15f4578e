"""Build addendum_template.docx, the Word template the addendum writer starts from.

Run it after changing a style: ``python exports/templates/make_template.py``.
The template carries the styles (Title, Heading 1 and 2, body text, the
signature table), US Letter pages with one-inch margins, and a footer with
"Page X of Y" fields and the not-legal-advice line. Its body is empty.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from models.atomic import atomic_path

TEMPLATE = Path(__file__).with_name("addendum_template.docx")
BODY_FONT = "Times New Roman"
BLACK = RGBColor(0, 0, 0)
FOOTER_NOTE = (
    "Prepared with BAA Workbench; not legal advice. "
    "Have a qualified attorney review this addendum before signing."
)


def build_template(target: Path = TEMPLATE) -> Path:
    document = Document()
    _page_setup(document)
    _styles(document)
    _footer(document)
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    document.core_properties.title = "Addendum to Business Associate Agreement"
    document.core_properties.author = "BAA Workbench"
    document.core_properties.comments = "Template of BAA Workbench addenda"
    with atomic_path(target) as temporary:
        document.save(str(temporary))
    return target


def _page_setup(document: DocumentObject) -> None:
    section = document.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Inches(1))
    section.footer_distance = Inches(0.5)


def _styles(document: DocumentObject) -> None:
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = Pt(11)
    _east_asian_font(normal, BODY_FONT)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.1

    title = styles["Title"]
    _plain_heading(title, size=16)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = Pt(12)
    _remove_border(title)

    for name, size, before in (("Heading 1", 12, 14), ("Heading 2", 11, 8)):
        heading = styles[name]
        _plain_heading(heading, size=size)
        heading.paragraph_format.space_before = Pt(before)
        heading.paragraph_format.space_after = Pt(4)
        heading.paragraph_format.keep_with_next = True

    body = styles.add_style("Clause Text", 1)
    body.base_style = normal
    body.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    body.paragraph_format.left_indent = Inches(0.4)
    body.paragraph_format.space_after = Pt(8)

    footer = styles["Footer"]
    footer.font.size = Pt(8)
    footer.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.paragraph_format.space_after = Pt(0)


def _plain_heading(style: ParagraphStyle, size: int) -> None:
    style.font.name = BODY_FONT
    _east_asian_font(style, BODY_FONT)
    style.font.size = Pt(size)
    style.font.bold = True
    style.font.italic = False
    style.font.color.rgb = BLACK


def _east_asian_font(style: ParagraphStyle, font: str) -> None:
    """Set every script's font, since Word falls back to the theme font for some."""
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), font)
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)


def _remove_border(style: ParagraphStyle) -> None:
    properties = style.element.pPr
    if properties is None:
        return
    for border in properties.findall(qn("w:pBdr")):
        properties.remove(border)


def _footer(document: DocumentObject) -> None:
    footer = document.sections[0].footer
    footer.is_linked_to_previous = False
    pages = footer.paragraphs[0]
    pages.style = document.styles["Footer"]
    pages.add_run("Page ")
    _field(pages, "PAGE", "1")
    pages.add_run(" of ")
    _field(pages, "NUMPAGES", "1")
    note = footer.add_paragraph(FOOTER_NOTE, style=document.styles["Footer"])
    note.runs[0].italic = True


def _field(paragraph: Paragraph, instruction: str, placeholder: str) -> None:
    """Append a complex field (begin, instruction, separate, cached result, end)."""
    for kind in ("begin", None, "separate", "result", "end"):
        run = OxmlElement("w:r")
        if kind is None:
            text = OxmlElement("w:instrText")
            text.set(qn("xml:space"), "preserve")
            text.text = f" {instruction} "
            run.append(text)
        elif kind == "result":
            text = OxmlElement("w:t")
            text.text = placeholder
            run.append(text)
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run.append(char)
        paragraph._p.append(run)


if __name__ == "__main__":
    print(build_template())
