from datetime import date
from pathlib import Path

from rag.ingest.chunking import chunk_article
from rag.ingest.readers import make_article


def _article(paragraphs=40):
    body = "\n\n".join(f"Paragraph {i} says the council met on day {i} and voted on item {i} after a long debate."
                       for i in range(paragraphs))
    return make_article(Path("x.txt"), title="Council votes", body=body, source="Gazette",
                        published=date(2024, 1, 5), url="https://example.org/c")


def test_chunks_point_into_the_article_and_carry_metadata():
    article = _article()
    chunks = chunk_article(article, chunk_size=128, chunk_overlap=16)
    assert len(chunks) > 3
    for position, chunk in enumerate(chunks):
        assert article.body[chunk.start:chunk.end] == chunk.text
        assert (chunk.article_id, chunk.title, chunk.source, chunk.published, chunk.url, chunk.position) == (
            article.id, "Council votes", "Gazette", date(2024, 1, 5), "https://example.org/c", position)
    assert chunks[0].start == 0 and chunks[-1].end == len(article.body)
    assert len({c.id for c in chunks}) == len(chunks)


def test_chunks_cover_the_whole_article():
    article = _article()
    chunks = chunk_article(article, chunk_size=128, chunk_overlap=16)
    for before, after in zip(chunks, chunks[1:]):
        assert article.body[before.end:after.start].strip() == ""  # at most a paragraph break between chunks


def test_chunk_ids_change_with_content_so_old_vectors_never_collide():
    article = _article()
    changed = make_article(Path("x.txt"), title=article.title, body=article.body + "\n\nA correction.",
                           source=article.source, published=article.published, url=article.url)
    assert changed.id == article.id
    assert chunk_article(article)[0].id != chunk_article(changed)[0].id


def test_indexed_text_has_title_source_and_date_prefix():
    chunk = chunk_article(_article())[0]
    assert chunk.indexed_text.startswith("Council votes\nGazette, 2024-01-05\nParagraph 0")
