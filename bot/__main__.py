"""``confrere``: the command line.

run       the bot (long polling; a webhook when CONFRERE_WEBHOOK_URL is set)
demo      a whole consultation played by scripted users on the local Bot API stand-in
sandbox   the local Bot API stand-in and the bot together, to try the bot with curl
db        database migrations (``confrere db upgrade``)
deid      de-identify text from the argument or stdin
triage    suggest the specialty of a question
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
from pathlib import Path

from bot.domain.specialties import SPECIALTIES
from bot.settings import Settings, SettingsError, load_settings

EPILOG = (
    "Settings come from the environment (prefix CONFRERE_) or from .env; .env.example lists "
    "them all. `confrere demo` and `confrere sandbox` need no Telegram token."
)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every sub-command."""
    parser = argparse.ArgumentParser(
        prog="confrere",
        description="Confrère: physicians ask de-identified clinical questions to on-call "
        "volunteer specialists through a Telegram bot, anonymously on both sides.",
        epilog=EPILOG,
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    commands.add_parser(
        "run",
        help="run the bot against Telegram (needs CONFRERE_BOT_TOKEN)",
        description="Run the bot: long polling, or a webhook when CONFRERE_WEBHOOK_URL is set. "
        "The default SQLite database is migrated first; a PostgreSQL database must be "
        "migrated with `confrere db upgrade`.",
    )

    demo = commands.add_parser(
        "demo",
        help="play a whole consultation with scripted users on the local stand-in",
        description="Play a consultation (question, preview, offers, take, relay, close, "
        "survey) against the local Bot API stand-in on a throw-away SQLite file, print what "
        "each user saw; exit 0 when every step happened.",
    )
    demo.add_argument("--quiet", action="store_true", help="print only the steps' results")

    sandbox = commands.add_parser(
        "sandbox",
        help="run the local Bot API stand-in and the bot together",
        description="Run the local Bot API stand-in (127.0.0.1 only) and the bot on it. "
        "Drive scripted users with its control API (POST /sandbox/users, /sandbox/send, "
        "/sandbox/press; GET /sandbox/chats/ID). Uses a throw-away SQLite database unless "
        "CONFRERE_DATABASE_URL is set.",
    )
    sandbox.add_argument("--port", type=int, default=8081, help="port (default 8081; 0 = any)")
    sandbox.add_argument(
        "--seed",
        type=Path,
        help='JSON file of ready users: {"users": [{"id", "first_name", "verified", '
        '"moderator", "specialties", "on_call", ...}]}',
    )

    db = commands.add_parser("db", help="database migrations")
    db_commands = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    db_commands.add_parser("upgrade", help="apply every migration (CONFRERE_DATABASE_URL)")
    db_commands.add_parser("current", help="print the database's revision")

    deid = commands.add_parser(
        "deid",
        help="de-identify text (argument or stdin)",
        description='Remove patient identifiers. With --jsonl, read {"id", "text"} lines '
        'and write {"id", "redacted", "entities": [{"start", "end", "label"}]} lines.',
    )
    deid.add_argument("text", nargs="?", help="the text (default: read stdin)")
    deid.add_argument("--lang", choices=["fr", "en"], default="fr", help="language of the tags")
    deid.add_argument("--jsonl", action="store_true", help="JSON lines in and out")

    triage = commands.add_parser(
        "triage",
        help="suggest the specialty of a question (argument or stdin)",
        description="Rank specialties for a question and show which terms decided. With "
        '--jsonl, read {"id", "text"} lines and write {"id", "specialty", "confidence", '
        '"ranking"} lines.',
    )
    triage.add_argument("text", nargs="?", help="the question (default: read stdin)")
    triage.add_argument("--jsonl", action="store_true", help="JSON lines in and out")
    triage.add_argument(
        "--asker",
        action="append",
        metavar="SLUG",
        choices=SPECIALTIES,
        help="a specialty of the asker (repeatable): as the bot does for a specialist who asks,"
        " the asker's own specialties come last unless requested",
    )
    return parser


def configure_logging(level: str) -> None:
    """Log ids and codes, never message text; keep httpx quiet (it logs the token in URLs)."""
    logging.basicConfig(
        level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr
    )
    for noisy in ("httpx", "httpcore", "apscheduler", "tornado.access", "alembic"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``confrere`` console script."""
    # PTB 22 warns on every flood-control error unless time periods are timedeltas.
    os.environ.setdefault("PTB_TIMEDELTA", "true")
    args = build_parser().parse_args(argv)
    try:
        return _dispatch(args)
    except SettingsError as exc:
        print(f"confrere: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "deid":
        from bot.tools import deid_cmd

        return deid_cmd.run(lang=args.lang, jsonl=args.jsonl, text=args.text)
    if args.command == "triage":
        from bot.tools import triage_cmd

        return triage_cmd.run(jsonl=args.jsonl, text=args.text, asker=args.asker or ())
    if args.command == "demo":
        from bot import demo

        configure_logging("WARNING")
        return asyncio.run(demo.main(quiet=args.quiet))

    settings: Settings = load_settings()
    configure_logging(settings.log_level)
    from bot import runtime

    if args.command == "db":
        if args.db_command == "current":
            return asyncio.run(runtime.print_revision(settings))
        return asyncio.run(runtime.upgrade_database(settings))
    if args.command == "sandbox":
        return runtime.run_sandbox(settings, port=args.port, seed=args.seed)
    return runtime.run_bot(settings)


if __name__ == "__main__":
    sys.exit(main())
