"""``confrere demo``: a whole consultation, played by scripted users on the local stand-in.

A GP registers, asks about a patient with a kidney problem (a name and a birth date in the text),
the preview strips them, two on-call nephrologists are offered the question, one takes it, they
exchange two messages each way, the GP closes and answers the survey. Exit 0 when every step
happened; otherwise 1 with the failing step.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bot.app import build_application, running
from bot.context import utc_clock
from bot.sandbox.client import SandboxClient
from bot.sandbox.server import SANDBOX_TOKEN, Sandbox
from bot.services.seeding import seed_users
from bot.settings import Settings
from storage.db import create_engine, create_session_factory
from storage.migrate import upgrade

Json = dict[str, Any]

GP: Json = {
    "id": 1001,
    "first_name": "Claire",
    "last_name": "Vasseur",
    "username": "claire_v_md",
    "language_code": "fr",
}
NEPHROLOGISTS: list[Json] = [
    {
        "id": 2001,
        "first_name": "Bruno",
        "last_name": "Lemaire",
        "username": "bruno_nephro",
        "language_code": "fr",
        "verified": True,
        "specialties": ["nephrology"],
        "on_call": True,
    },
    {
        "id": 2002,
        "first_name": "Aïcha",
        "last_name": "Benali",
        "username": "aicha_nephro",
        "language_code": "en",
        "verified": True,
        "specialties": ["nephrology"],
        "on_call": True,
    },
]
RPPS = "10001234565"
QUESTION = (
    "Bonjour, patiente Mme Jeanne Dupont née le 12/03/1954, IRC stade 4 (DFG 18, créat "
    "280 µmol/L), kaliémie à 6,1 sous ramipril 10 mg. J'arrête l'IEC ou je baisse la dose ? "
    "Avis néphro svp"
)
STEP_TIMEOUT = 10.0


class StepFailedError(Exception):
    """A step of the scenario did not happen."""


class Demo:
    """The scenario, step by step, printing what each user sees."""

    def __init__(self, client: SandboxClient, *, quiet: bool) -> None:
        self.c = client
        self.quiet = quiet
        self.seen: dict[int, int] = {}
        self.step = 0

    def say(self, text: str) -> None:
        """Print a step title."""
        self.step += 1
        print(f"\n== {self.step}. {text}")

    def show(self, who: str, message: Json) -> None:
        """Print one message as its recipient sees it."""
        if self.quiet:
            return
        body = message.get("text") or message.get("caption") or ""
        buttons = [
            b["text"]
            for row in (message.get("reply_markup") or {}).get("inline_keyboard", [])
            for b in row
        ]
        print(f"  [{who}] " + body.replace("\n", "\n  " + " " * (len(who) + 3)))
        if buttons:
            print(f"  {' ' * (len(who) + 3)}buttons: {' | '.join(buttons)}")

    async def expect(
        self, user_id: int, who: str, predicate: Callable[[Json], bool], what: str
    ) -> Json:
        """Wait for a new message to ``user_id`` that satisfies ``predicate``."""
        after = self.seen.get(user_id, 0)
        try:
            message = await self.c.wait_for(
                user_id, lambda m: m["message_id"] > after and predicate(m), timeout=STEP_TIMEOUT
            )
        except TimeoutError:
            raise StepFailedError(f"step {self.step}: {who} never received {what}") from None
        self.seen[user_id] = message["message_id"]
        self.show(who, message)
        return message

    async def run(self) -> None:
        """Every step of the consultation."""
        c = self.c
        gp, neph_a, neph_b = GP["id"], NEPHROLOGISTS[0]["id"], NEPHROLOGISTS[1]["id"]
        for user in (GP, *NEPHROLOGISTS):
            await c.add_user(
                user["id"],
                user["first_name"],
                last_name=user["last_name"],
                username=user["username"],
                language_code=user["language_code"],
            )

        self.say("The GP registers: /start, charter, profession, RPPS")
        await c.send(gp, "/start")
        charter = await self.expect(gp, "GP", has("charte"), "the charter")
        await c.press(gp, charter["message_id"], data="charter:accept")
        profession = await self.expect(gp, "GP", has("profession"), "the profession question")
        await c.press(gp, profession["message_id"], data="prof:gp")
        await self.expect(gp, "GP", has("RPPS"), "the RPPS question")
        await c.send(gp, "12345678901")
        await self.expect(gp, "GP", has("pas valide"), "the refusal of an invalid RPPS")
        await c.send(gp, RPPS)
        await self.expect(gp, "GP", has("Inscription validée"), "the confirmation")

        self.say("The GP asks; the preview strips the name and the birth date")
        await c.send(gp, QUESTION)
        preview = await self.expect(gp, "GP", has("Aperçu"), "the preview")
        text = preview["text"]
        for leaked in ("Dupont", "Jeanne", "12/03/1954"):
            if leaked in text:
                raise StepFailedError(f"step {self.step}: the preview still shows {leaked!r}")
        if "Néphrologie" not in text and "Néphrologie" not in str(preview["reply_markup"]):
            raise StepFailedError(f"step {self.step}: nephrology was not suggested")
        send = next(
            b["callback_data"]
            for row in preview["reply_markup"]["inline_keyboard"]
            for b in row
            if "néphrologie" in b["text"].lower()
        )
        await c.press(gp, preview["message_id"], data=send)
        await self.expect(gp, "GP", has("proposée à 2"), "the confirmation it was offered")

        self.say("Both on-call nephrologists are offered the question")
        offer_a = await self.expect(neph_a, "Nephrologist A", has("Question #"), "the offer")
        offer_b = await self.expect(neph_b, "Nephrologist B", has("Question #"), "the offer")

        self.say("Nephrologist A takes it; B's offer says a colleague took it")
        await c.press(neph_a, offer_a["message_id"], text="✋ Je prends")
        took = await self.expect(neph_a, "Nephrologist A", has("Vous avez pris"), "the claim")
        await self.expect(gp, "GP", has("a été prise par"), "who took the question")
        await c.wait_for(
            neph_b,
            lambda m: (
                m["message_id"] == offer_b["message_id"] and "colleague" in (m.get("text") or "")
            ),
            timeout=STEP_TIMEOUT,
        )
        self.show("Nephrologist B", (await c.chat(neph_b))[-1])

        self.say("They talk: two messages each way, through the bot")
        await c.send(
            neph_a,
            "Bonjour. Quelle est la TA et la natrémie ?",
            reply_to_message_id=took["message_id"],
        )
        relayed = await self.expect(gp, "GP", has("natrémie"), "the specialist's first message")
        await c.send(
            gp, "TA 150/85, Na 136. Pas de diurétique.", reply_to_message_id=relayed["message_id"]
        )
        relayed_a = await self.expect(
            neph_a, "Nephrologist A", has("TA 150/85"), "the GP's first answer"
        )
        await c.send(
            neph_a,
            "Baissez le ramipril à 5 mg, kayexalate et contrôle K+ à 72 h.",
            reply_to_message_id=relayed_a["message_id"],
        )
        await self.expect(gp, "GP", has("ramipril à 5 mg"), "the specialist's advice")
        await c.send(gp, "Merci beaucoup, je fais ça.")
        await self.expect(neph_a, "Nephrologist A", has("Merci beaucoup"), "the GP's thanks")

        self.say("The GP closes and answers the two-question survey")
        await c.send(gp, "/close")
        await self.expect(gp, "GP", has("clos"), "the closing notice")
        await self.expect(neph_a, "Nephrologist A", has("clos"), "the closing notice")
        outcome = await self.expect(gp, "GP", has("1/2"), "the first survey question")
        await c.press(gp, outcome["message_id"], data=button(outcome, "new_plan"))
        referral = await self.expect(gp, "GP", has("2/2"), "the second survey question")
        await c.press(gp, referral["message_id"], data=button(referral, "avoided"))
        await self.expect(gp, "GP", has("Merci pour vos réponses"), "the thanks")

        self.say("Nobody saw anyone else's identity, and nothing was forwarded")
        await check_anonymity(c, [GP, *NEPHROLOGISTS])
        print("  ok")


def has(substring: str) -> Callable[[Json], bool]:
    """A predicate: the message's text or caption contains ``substring``."""
    return lambda m: substring in (m.get("text") or m.get("caption") or "")


def button(message: Json, suffix: str) -> str:
    """The callback data of the button whose data ends with ``suffix``."""
    for row in message["reply_markup"]["inline_keyboard"]:
        for b in row:
            if b["callback_data"].endswith(suffix):
                return str(b["callback_data"])
    raise StepFailedError(f"no button ending with {suffix}")


async def check_anonymity(c: SandboxClient, users: list[Json]) -> None:
    """No message to a user names another user, in its text or its buttons (labels and callback
    data); forwardMessage was never called."""
    if await c.calls("forwardMessage"):
        raise StepFailedError("forwardMessage was called")
    for user in users:
        chat = await c.chat(user["id"])
        text = "\n".join(
            (m.get("text") or "") + (m.get("caption") or "") + str(m.get("reply_markup") or "")
            for m in chat
        )
        for other in users:
            if other is user:
                continue
            for value in (
                other["first_name"],
                other["last_name"],
                other["username"],
                str(other["id"]),
            ):
                if value and value in text:
                    raise StepFailedError(f"user {user['id']} saw another user's identity")


async def main(*, quiet: bool = False) -> int:
    """Run the demo on a throw-away database; 0 when every step happened."""
    with tempfile.TemporaryDirectory(prefix="confrere-demo-") as tmp:
        settings = Settings(
            database_url=f"sqlite+aiosqlite:///{Path(tmp) / 'demo.db'}",
            require_approval=False,
            _env_file=None,
        )
        engine = create_engine(settings.database_url)
        await upgrade(engine)
        async with create_session_factory(engine)() as session:
            await seed_users(session, NEPHROLOGISTS, now=utc_clock(), settings=settings)
        await engine.dispose()
        sandbox = Sandbox()
        await sandbox.start(0)
        application = build_application(settings, token=SANDBOX_TOKEN, api_url=sandbox.url)
        try:
            async with running(application, poll_timeout=1), SandboxClient(sandbox.url) as client:
                print(f"Confrère demo — local Bot API stand-in on {sandbox.url}")
                await Demo(client, quiet=quiet).run()
        except StepFailedError as exc:
            print(f"\nDEMO FAILED: {exc}")
            return 1
        finally:
            await sandbox.stop()
    print("\nDemo complete: every step happened.")
    return 0
