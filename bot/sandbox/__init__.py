"""A local stand-in of the Telegram Bot API, for the demo, end-to-end tests and benchmarks."""
