import logging

from rag.pipeline import StageReporter


def test_stage_reporter_forwards_every_step_and_logs_each_stage_about_every_ten_percent(caplog):
    seen = []
    report = StageReporter(lambda *step: seen.append(step))
    with caplog.at_level(logging.INFO, logger="rag.pipeline"):
        for done in range(0, 612):
            report("chunk", done, 611)
        report("keyword", 0, 6514)
        report("keyword", 6514, 6514)
    assert len(seen) == 614 and seen[-1] == ("keyword", 6514, 6514)
    lines = [r.getMessage() for r in caplog.records]
    chunk_lines = [line for line in lines if line.startswith("ingest chunk:")]
    assert chunk_lines[0] == "ingest chunk: 0 of 611 articles" and chunk_lines[-1] == "ingest chunk: 611 of 611 articles"
    assert len(chunk_lines) == 11  # 0 %, 10 %, ..., 100 %
    assert lines[-2:] == ["ingest keyword: 0 of 6514 passages", "ingest keyword: 6514 of 6514 passages"]
