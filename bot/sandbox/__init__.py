"""A local stand-in of the Telegram Bot API, for the demo, end-to-end tests and benchmarks."""

from bot.sandbox.server import SANDBOX_TOKEN, Sandbox

__all__ = ["SANDBOX_TOKEN", "Sandbox"]
