"""What every worker process of a run needs, loaded once, before any worker starts.

The process the rules' workers are forked from (the writer itself on Linux,
else a server process, `forkserver`; `workers.py`) imports this module first:
the rules and everything they import, and what they read the first time they
run (jieba's dictionary of common words, the compiled word lists), by
preparing one short article. Each worker then starts with all of it, instead
of importing and reading it again, which cost about as much CPU time as fifty
pages.
"""

from __future__ import annotations

from extractor.extract import rules
from extractor.models import Article
from extractor.pipeline import extract_article

#: An article of the genre: a headline, a dateline, figures, a campaign, a quotation.
SAMPLE = Article(
    seq=0,
    title="拉萨市开展“安全生产月”活动",
    text=(
        "本报讯（记者 卓玛）6月1日，拉萨市召开安全生产工作会议，全市共排查企业120家，"
        "整改隐患356处，投入资金2.5亿元。市应急管理局局长扎西说：“要把安全生产摆在"
        "重要位置。”"
    ),
)

extract_article(SAMPLE, rules.extract)
