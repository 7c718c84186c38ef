"""Checks of our own for Schemathesis: tests/it/fuzz.rs runs it with this file."""

import schemathesis


@schemathesis.check
def refusals_keep_to_the_document(ctx, response, case):
    """A request the document allows is not refused for what the document allows.

    A schema-valid request may still break a rule the document cannot state (companions
    over this meeting's limit, a name of control characters): 422 with the field and its
    reason. But a field the document lets be null or left out is never refused for being
    null or missing: then the document and the API disagree.
    """
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive or response.status_code != 422:
        return None
    if not isinstance(case.body, dict):
        return None
    try:
        fields = response.json().get("fields") or {}
    except Exception:
        return None
    disagree = {
        name: reason
        for name, reason in fields.items()
        if case.body.get(name) is None
    }
    if disagree:
        raise AssertionError(
            "The document lets these fields be null or left out, the API refuses that: "
            + ", ".join(f"`{name}`: {reason}" for name, reason in sorted(disagree.items()))
        )
    return None
