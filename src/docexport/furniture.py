"""Lines that are not the article: credits, bylines, prompts and page furniture.

"Reporting by ...; Editing by ...", "Follow him on Twitter @x", "Sign up for our
newsletter", "Related: ...", "Photo: X/AFP/Getty Images", comment policies, a
publisher's rights notice, a reader poll. The HTML and feed readers drop such
paragraphs from the body; the analysis draws no fact and no summary point from such a
sentence wherever it is left (plain text, Markdown, a paragraph that ends in one).
Nothing is fetched and nothing here depends on a particular site.
"""

from __future__ import annotations

import re

_MAX_FURNITURE_CHARS = 400

# Whole lines: each pattern must match from the start of the (stripped) line.
_LINE = re.compile(
    r"""(?ix)
    (?:
        # wire credits
        (?:additional\ )?(?:reporting|writing|editing|compiled|translated|
            research|graphics?|production|photos?|video)\ (?:by|from)\b
      | (?:edited|written|reported|translated)\ by\b
      | by\ (?-i:[A-Z][\w.'’-]+(?:\ [A-Z][\w.'’-]+){0,3})\s*$   # a byline alone
      # social and newsletter prompts
      | follow\ (?:\w+\ ){0,3}on\ (?:twitter|x|facebook|instagram|linkedin|threads|
            bluesky|mastodon|tiktok|youtube)\b
      | (?:sign\ up|subscribe|register)\b.{0,60}\b(?:newsletter|updates|alerts|
            briefing|email)s?\b
      | (?:get|receive)\ (?:our|the)\ .{0,40}newsletter\b
      | (?:share|like)\ (?:this|us)\ on\b
      # related links and read-more prompts
      | (?:related|read\ more|read\ also|see\ also|also\ read|more\ on\ this|
            most\ read|recommended|watch|listen|click\ here|more\ from)\s*[:|»]
      | read\ the\ full\ (?:transcript|story|report|interview|statement)\b
      | (?:some\ )?(?:information|material)\ (?:for\ this\ (?:report|story|article)\ )?
            (?:was\ )?(?:provided|contributed|supplied)\ by\b
      | .{0,80}\bcontributed\ to\ this\ (?:report|story|article)\b
      | no\ media\ source\ currently\ available\b
      | powered\ by\b
      # comment policies
      | (?:comments?\ (?:are|is)\ (?:closed|moderated|open)|
            we\ (?:welcome|moderate|review)\ (?:all\ )?comments|
            (?:please\ )?read\ our\ (?:comment|community)\ (?:policy|guidelines)|
            comment\ policy|join\ the\ (?:conversation|discussion))\b
      # picture credits and captions' credit tails
      | (?:photo|image|picture|foto|photograph|illustration|credit)s?\s*(?:credit)?
            \s*(?:[:©|]|by\b)
      | ©|\(c\)\ \d{4}|copyright\b|all\ rights\ reserved\b
      # publication stamps
      | (?:first\ )?(?:published|updated|posted)\ (?:on\ )?
            (?:\w+\ )?\d{1,2}[\w ,]*\d{4}
    )
    """
)
# Credit tails at the end of a line: "... (Photo: JIM WATSON/AFP/Getty Images)".
_AGENCY_CREDIT = re.compile(
    r"(?:^|[\s(])[A-Z][\w .'-]{1,40}/(?:AFP|AP|Reuters|Getty Images|EPA|Shutterstock|"
    r"Bloomberg|PA|ANP|dpa|Xinhua|SIPA|Anadolu)(?:/[\w ]+)*\)?\s*$"
)
# Other scripts: Chinese share/rights/editor lines, Arabic and Russian prompts.
_OTHER_SCRIPTS = re.compile(
    r"(?:转播到|分享到|责任编辑|编辑[:：]|记者[:：]|来源[:：]|未经授权|不得转载|版权所有|"
    r"精彩视频推荐|相关阅读|延伸阅读|点击进入|扫描二维码|相关度高吗|"
    r"تابعونا|تابعوا|للاشتراك|اشترك في|جميع الحقوق محفوظة|حقوق النشر|اقرأ أيضا|اقرأ أيضًا|"
    r"Подписывайтесь|Подпишитесь|Читайте также|Все права защищены)"
)
_HANDLE_OR_MAIL = re.compile(r"(?:^|\s)@\w{2,}|[\w.+-]+@[\w-]+\.[\w.]+")
# "Lucas Nolan is a reporter for Breitbart Tech covering ...": an author's note.
_AUTHOR_NOTE = re.compile(
    r"^[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){1,3}\s(?:is|was)\s(?:a|an|the)\s(?:[\w-]+\s){0,4}?"
    r"(?:reporter|correspondent|writer|editor|journalist|columnist|contributor|producer|"
    r"photographer|critic|analyst)\b"
)
# "TNW中文站2016年10月14日07:17", "Reuters 14/10/2016 07:17": a source and a time alone.
_STAMP = re.compile(r"^\S{1,30}?\s*\d{4}[年./-]\d{1,2}[月./-]\d{1,2}日?\s*\d{1,2}:\d{2}\s*$")


def is_furniture(text: str) -> bool:
    """Whether a line or a sentence is page furniture rather than the article."""
    line = " ".join(text.split())
    if not line or len(line) > _MAX_FURNITURE_CHARS:
        return False
    bare = line.strip("[]【】()（）「」 ")
    if _LINE.match(bare) or _OTHER_SCRIPTS.search(bare) or _STAMP.match(bare):
        return True
    if _AGENCY_CREDIT.search(line) and len(line.split()) <= 12:
        return True
    return bool(_AUTHOR_NOTE.match(line) and _HANDLE_OR_MAIL.search(line))


def is_shouted(text: str) -> bool:
    """A short line all in capitals ("SIGN UP FOR OUR NEWSLETTER", a masthead, a section
    label): no fact comes from it, though a reader keeps it (it may be a heading)."""
    line = " ".join(text.split())
    return line.isupper() and len(line.split()) <= 8 and not any(c.isdigit() for c in line)


def is_author_note(text: str) -> bool:
    """ "X is a reporter for Y ...": an author's note (a fact source only when it is not the
    article's last paragraph, which the caller decides)."""
    return _AUTHOR_NOTE.match(" ".join(text.split())) is not None
