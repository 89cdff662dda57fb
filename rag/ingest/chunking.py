"""Split an Article into Chunks with llama-index's SentenceSplitter, keeping each chunk's span in the article."""

from __future__ import annotations

from functools import lru_cache

from ..types import Article, Chunk


@lru_cache(maxsize=4)
def _splitter(chunk_size: int, chunk_overlap: int):
    from llama_index.core.node_parser import SentenceSplitter

    return SentenceSplitter(chunk_size=chunk_size, chunk_overlap=chunk_overlap)


def chunk_article(article: Article, chunk_size: int = 256, chunk_overlap: int = 32) -> list[Chunk]:
    """Return the article's chunks; chunk.text == article.body[chunk.start:chunk.end]."""
    from llama_index.core.schema import Document

    nodes = _splitter(chunk_size, chunk_overlap).get_nodes_from_documents([Document(text=article.body)])
    chunks = []
    cursor = 0
    for position, node in enumerate(nodes):
        start, end = node.start_char_idx, node.end_char_idx
        if start is None or article.body[start:end] != node.text:
            # The splitter could not map the node back; find it ourselves from where the last one began.
            start = article.body.find(node.text, cursor)
            if start < 0:
                continue
            end = start + len(node.text)
        cursor = start
        chunks.append(Chunk(
            id=f"{article.id}:{article.content_hash[:8]}:{position}", article_id=article.id,
            text=article.body[start:end], start=start, end=end, title=article.title, source=article.source,
            published=article.published, url=article.url, position=position,
        ))
    return chunks
