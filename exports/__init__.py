"""Readers and writers of files: Word addenda, Excel workbooks, charts, vendor BAAs."""
