"""A real SMTP server for the delivery tests (aiosmtpd on a free local port), which can
refuse every recipient until told to accept."""

import socket
import threading
from email import message_from_bytes
from email.header import decode_header, make_header

import pytest


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Mailbox:
    """The aiosmtpd handler: records what it accepts, answers 451 while refusing."""

    def __init__(self):
        self.refusing = False
        self.refusals = 0
        self.messages = []
        self._lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refusing:
            with self._lock:
                self.refusals += 1
            return "451 4.3.0 Hộp thư tạm thời không nhận"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.original_content or envelope.content)
        with self._lock:
            self.messages.append((tuple(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"

    def recipients(self) -> list[str]:
        with self._lock:
            return sorted(address for rcpt_tos, _ in self.messages for address in rcpt_tos)

    @staticmethod
    def header(message, name: str) -> str:
        return str(make_header(decode_header(message[name])))


@pytest.fixture
def smtp_server(settings):
    """Point Django's SMTP backend at a local aiosmtpd server for the test."""
    from aiosmtpd.controller import Controller

    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 10
    mailbox.port = controller.port
    try:
        yield mailbox
    finally:
        controller.stop()
