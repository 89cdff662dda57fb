"""Files -> Articles -> Chunks: readers for .txt .md .html .json .jsonl, news cleaning, chunking."""
