"""POST data for Wagtail's page editor, as the browser would send it."""

import json


def rich_text(*paragraphs):
    """Draftail's content-state JSON for plain paragraphs."""
    blocks = [
        {"key": f"k{i}", "type": "unstyled", "text": text, "depth": 0, "inlineStyleRanges": [], "entityRanges": []}
        for i, text in enumerate(paragraphs)
    ]
    return json.dumps({"blocks": blocks, "entityMap": {}}, ensure_ascii=False)


def formset(prefix, rows=()):
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"{prefix}-{index}-{key}"] = value
    return data


def edit_form_data(item, attachments=(), **changes):
    """The catalogue item editor's fields for ``item``; ``changes`` override single fields."""
    data = {
        "title": item.title,
        "slug": item.slug,
        "summary": item.summary,
        "generated_date": f"{item.generated_date:%Y-%m-%d}",
        "category": item.category_id,
        "disclosure_mode": item.disclosure_mode,
        "non_disclosure_reason": item.non_disclosure_reason,
        "disclosure_note": item.disclosure_note,
        "validity": "valid",
        "body": rich_text("正文"),
        **formset(
            "attachments",
            [{"document": document.pk, "title": "", "ORDER": i} for i, document in enumerate(attachments)],
        ),
        **formset("interpreted_policies"),
        **formset("comments"),
    }
    data.update(changes)
    return data
