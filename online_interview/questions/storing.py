"""A submission stored in one statement, unless its key was stored before.

Questions arrive a hundred at a time while a session is live. The ORM's ``create`` spends
more CPU building and saving the model than the database spends on the row, and a retried
submission would then raise an IntegrityError and need a second query. One
``INSERT … ON CONFLICT (interview, submission_key) DO NOTHING RETURNING`` (PostgreSQL and
SQLite ≥ 3.35) stores the row or says that it exists, in one round trip. The statement is
built from the model's own fields, defaults and database conversions, so it follows the model.
"""

import contextlib
from functools import cache

from django.db import IntegrityError, connection, transaction

from .models import Question, new_receipt

RECEIPT_ATTEMPTS = 3  # receipts are random: a clash with an earlier one is retried with a new number


@cache
def _statement(vendor):
    """The INSERT for every non-null column; what the caller does not give takes the field's default."""
    meta, quote = Question._meta, connection.ops.quote_name
    fields = [field for field in meta.concrete_fields if not field.primary_key and not field.null]
    return (
        f"INSERT INTO {quote(meta.db_table)} ({', '.join(quote(field.column) for field in fields)}) "
        f"VALUES ({', '.join(['%s'] * len(fields))}) "
        f"ON CONFLICT ({quote(meta.get_field('interview').column)}, {quote(meta.get_field('submission_key').column)}) "
        f"DO NOTHING RETURNING {quote(meta.pk.column)}",
        fields,
    )


def insert_once(*, interview_id, submission_key, nickname, text, same_text_key, contact, asked_live, now):
    """``(question id, receipt, repeated)``: the new row, or the one stored under this key before."""
    sql, fields = _statement(connection.vendor)
    given = {
        "interview": interview_id,
        "submission_key": submission_key,
        "nickname": nickname,
        "text": text,
        "same_text_key": same_text_key,
        "contact": contact,
        "asked_live": asked_live,
        "submitted_at": now,
    }
    for _attempt in range(RECEIPT_ATTEMPTS):
        given["receipt"] = receipt = new_receipt()
        values = (given[field.name] if field.name in given else field.get_default() for field in fields)
        params = [field.get_db_prep_save(value, connection) for field, value in zip(fields, values)]
        try:
            # A savepoint only inside a transaction: a clash must not break the caller's.
            with transaction.atomic() if connection.in_atomic_block else contextlib.nullcontext():
                with connection.cursor() as cursor:
                    cursor.execute(sql, params)
                    row = cursor.fetchone()
        except IntegrityError:  # the receipt number clashed (the key's clash is DO NOTHING)
            continue
        if row is not None:
            return row[0], receipt, False
        first = Question.objects.values_list("pk", "receipt").get(
            interview_id=interview_id, submission_key=submission_key
        )
        return first[0], first[1], True
    raise IntegrityError(f"no free receipt number after {RECEIPT_ATTEMPTS} attempts")
