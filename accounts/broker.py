"""Handing a task to the Celery broker without ever making a request wait on it."""

import logging

logger = logging.getLogger(__name__)


def queue_once(task, args: tuple = ()) -> bool:
    """Send ``task`` with ``args`` to the broker once, without reconnecting; False if
    the broker could not take it. With no broker configured (eager) the task runs here,
    now. The caller keeps what it asked for on a row of its own, so a refusal loses
    nothing: beat or the caller makes up for it."""
    app = task.app
    try:
        if app.conf.task_always_eager:
            task.apply_async(args)
        else:
            with app.connection_for_write(transport_options={"max_retries": 0}) as connection:
                task.apply_async(args, retry=False, connection=connection)
    except Exception as error:  # noqa: BLE001 - whatever the broker raises, the row is kept
        logger.warning("could not queue %s%r (%s)", task.name, args, error)
        return False
    return True
