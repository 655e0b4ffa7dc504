from .selectors import has_council_seat


def council(request):
    """Whether to show the council's pages in the navigation (one cached query)."""
    user = getattr(request, "user", None)
    return {"has_council_seat": bool(user and user.is_authenticated and has_council_seat(user))}
