"""The domain of BAA Workbench: checklist, vendors, practice profile, scoring, storage.

Nothing in this package imports Qt, so the command line, the tests and the
exporters can use it without a display.
"""
