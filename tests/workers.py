"""Stopping the Celery worker a test started in a process of its own."""

import signal
import subprocess


def stop_worker(process: subprocess.Popen, *, timeout: float = 20) -> str:
    """Stop at once (Celery's cold shutdown: the test has seen what it waited for, and
    a warm shutdown spends seconds saying goodbye to the broker); the end of what the
    worker printed, for the test's report."""
    process.send_signal(signal.SIGQUIT)
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        output, _ = process.communicate()
    return (output or "")[-4000:]
