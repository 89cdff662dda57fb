"""Hard-wrapped plain-text articles are read as paragraphs, headings and lists kept."""

from rag.ingest.clean import unwrap

WRAPPED = """Unseeded Adaeze Okonjo won the Lowtherby Open women's singles title on Sunday, beating top seed Katya
Varnell 6-4,
3-6, 7-5. Okonjo, 21, collects $115,000.

Results
1. Okonjo
2. Varnell
Photo: Wire"""


def test_a_wrapped_paragraph_is_joined_and_headings_lists_and_short_lines_kept():
    lines = unwrap(WRAPPED).split("\n")
    assert lines[0] == ("Unseeded Adaeze Okonjo won the Lowtherby Open women's singles title on Sunday, beating top "
                        "seed Katya Varnell 6-4, 3-6, 7-5. Okonjo, 21, collects $115,000.")
    assert lines[1:] == ["", "Results", "1. Okonjo", "2. Varnell", "Photo: Wire"]
    one_per_line = "Title line\nFirst sentence of the body.\nSecond sentence."
    assert unwrap(one_per_line) == one_per_line
