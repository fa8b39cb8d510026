"""Marks in a document's text: nested, escaped, each around exactly its characters."""

from __future__ import annotations

import html
import re

from workreport_api.resources.pages.marks import Mark, markup, nest


def test_markup_nests_and_escapes() -> None:
    text = "a<b>c&d efg"
    marks = nest(
        [
            Mark(0, 7, "measure", "m1", "/v1/measures/m1", "measure m1"),
            Mark(2, 5, "target", "t1", "/v1/targets/t1", "target t1"),
            Mark(8, 10, "body", 'b"1', "/v1/bodies/b1", "body", anchor=False),
        ]
    )
    out = str(markup(text, 0, len(text), marks))
    assert out.startswith("a" if False else "<mark ")
    assert "a&lt;<mark " in out and "b&gt;c</mark>&amp;d</mark>" in out
    assert 'data-record="b&#34;1"' in out and 'id="b&#34;1"' not in out
    assert html.unescape(re.sub(r"<[^>]+>", "", out)) == text
