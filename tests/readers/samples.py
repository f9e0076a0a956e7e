"""Realistic small inputs shared by the reader tests."""

ARTICLE_TXT = (
    "Lavrov meets Wang Yi in Beijing\n"
    "\n"
    "BEIJING, April 9 — Russian Foreign Minister Sergei Lavrov met his Chinese "
    "counterpart Wang Yi in Beijing on Tuesday, the ministry said.\n"
    "\n"
    '"Our positions coincide on most issues," Lavrov told reporters.\n'
)

ARTICLE_HTML = """<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Lavrov meets Wang Yi in Beijing | World News Daily</title>
<link rel="canonical" href="https://news.example.com/world/2024/04/09/lavrov-wang-yi">
<meta property="og:site_name" content="World News Daily">
<meta property="article:published_time" content="2024-04-09T08:30:00+00:00">
<meta name="author" content="Jane Smith">
</head>
<body>
<header><nav><ul>
<li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/subscribe">Subscribe now for unlimited access</a></li>
</ul></nav></header>
<main><article>
<h1>Lavrov meets Wang Yi in Beijing</h1>
<p>BEIJING, April 9 — Russian Foreign Minister Sergei Lavrov met his Chinese counterpart
Wang Yi in Beijing on Tuesday, the Russian Foreign Ministry said in a statement.</p>
<p>The two ministers discussed the situation in Ukraine and the Asia-Pacific region.
"Our positions coincide on most issues," Lavrov told reporters after the talks.</p>
<p>Wang said China was ready to strengthen strategic coordination with Russia at the
United Nations and other multilateral forums.</p>
</article></main>
<aside><h2>Most read</h2><ul>
<li><a href="/a">Celebrity news you will not believe</a></li>
<li><a href="/b">Ten tips for cheaper summer travel</a></li>
</ul></aside>
<footer><p>© 2024 World News Daily. All rights reserved.</p>
<p><a href="/privacy">Privacy policy</a> | <a href="/cookies">Cookie settings</a></p></footer>
</body>
</html>
"""

PNG_BYTES = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06"
    b"\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00"
    b"\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)
