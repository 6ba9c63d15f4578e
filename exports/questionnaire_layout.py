"""The layout of the vendor questionnaire, shared by the writer and the reader.

The reader matches columns by their header text and rows by item id, so a
vendor may move, insert or delete rows and columns. The hidden sheet holds
the format version that tells the reader the file is one of ours.
"""

from __future__ import annotations

FORMAT_NAME = "baa-workbench.questionnaire"
FORMAT_VERSION = 1
FORMAT_ID = f"{FORMAT_NAME}/{FORMAT_VERSION}"

INSTRUCTIONS_SHEET = "Instructions"
QUESTIONNAIRE_SHEET = "Questionnaire"
LISTS_SHEET = "Lists"

# Cells on the hidden sheet: labels in column A, values in column B.
FORMAT_CELL = "B1"
VENDOR_CELL = "B2"
EXPORTED_CELL = "B3"
# Drop-down lists start in this column of the hidden sheet, one column per list.
FIRST_LIST_COLUMN = 4

ITEM_ID = "Item ID"
SECTION = "Section"
QUESTION = "Question"
EXPECTED = "Expected answer"
RESPONSE = "Response"
COMMENT = "Comment"
EVIDENCE = "Evidence"
HEADERS = (ITEM_ID, SECTION, QUESTION, EXPECTED, RESPONSE, COMMENT, EVIDENCE)
ANSWER_HEADERS = (RESPONSE, COMMENT, EVIDENCE)
# Column widths in characters, so questions wrap on a landscape page.
WIDTHS = {ITEM_ID: 31, SECTION: 16, QUESTION: 60, EXPECTED: 22, RESPONSE: 16, COMMENT: 36}
DEFAULT_WIDTH = 30
