"""Telegram edge: parse an Update, call one service, hand its result to delivery."""
