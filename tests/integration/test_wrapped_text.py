"""A plain-text article wrapped at a fixed width answers like one written a paragraph per line: real model, real
Chroma in tmp_path."""

from rag import Pipeline

BODY = ("Unseeded Adaeze Okonjo won the Lowtherby Open women's singles title on Sunday, beating top seed Katya\n"
        "Varnell 6-4, 3-6, 7-5. Okonjo, 21, collects $115,000 and will rise to 48th in the world rankings.\n"
        "The men's final was postponed until Monday because of rain.\n")


def test_a_hard_wrapped_txt_file_is_answered(tmp_path, bundled_embedder):
    article = tmp_path / "okonjo.txt"
    article.write_text("Okonjo wins Lowtherby Open\n\n" + BODY)
    rag = Pipeline(index_dir=tmp_path / "index", embedder=bundled_embedder)
    rag.ingest(article)
    answer = rag.ask("Who won the Lowtherby Open women's title?")
    assert not answer.refused and "Adaeze Okonjo" in answer.short
    assert rag.ask("who won the men's final?").refused
