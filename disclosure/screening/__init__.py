"""敏感信息筛查: automatic pre-screening of what is submitted for review."""
