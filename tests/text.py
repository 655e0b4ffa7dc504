"""Assertions on the text of a page or a document."""


def assert_in_order(text: str, fragments, start: int = 0) -> int:
    """Assert that every fragment occurs in ``text`` after the one before it (from
    ``start``), naming the first one missing or out of order; returns the position just
    after the last."""
    position = start
    previous = None
    for fragment in fragments:
        found = text.find(fragment, position)
        assert found != -1, (
            f"{fragment!r} does not occur after {previous!r}"
            if previous is not None and fragment in text
            else f"{fragment!r} is missing"
        )
        position = found + len(fragment)
        previous = fragment
    return position
