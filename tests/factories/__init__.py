"""factory_boy factories for every model, one module per app, all importable from here."""

from .accounts import *  # noqa: F403
from .campaign import *  # noqa: F403
from .evaluations import *  # noqa: F403
from .models import *  # noqa: F403
from .registrations import *  # noqa: F403
