def roles(request):
    """Role flags for the navigation; computed from the user's memberships, read once."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"is_organiser_staff": False, "is_focal_point": False, "is_viewer": False}
    return {
        "is_organiser_staff": user.is_organiser_staff,
        "is_board_head": user.is_board_head,
        "is_focal_point": user.is_focal_point,
        "is_viewer": user.is_viewer,
    }
