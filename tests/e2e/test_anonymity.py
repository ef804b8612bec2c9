"""Anonymity: across a whole set of scenarios, no user ever receives another user's Telegram id,
username, first or last name, and nothing is ever forwarded."""

from __future__ import annotations

from typing import Any

from bot.sandbox.client import SandboxClient
from bot.settings import Settings
from tests.e2e.helpers import DERM_QUESTION, QUESTION, Script, body, button_data, user_record

GP = user_record(
    7_654_321_001, first_name="Ermengarde", last_name="Zwingelstein", username="ermen_zw_md"
)
GP2 = user_record(
    7_654_321_002, first_name="Théoduline", last_name="Quarrey", username="theo_quarrey"
)
NEPHROS = [
    user_record(
        7_654_321_101,
        first_name="Anatole",
        last_name="Vercingétorix",
        username="anatole_vx",
        specialties=["nephrology"],
        on_call=True,
    ),
    user_record(
        7_654_321_102,
        first_name="Séraphine",
        last_name="Oubliette",
        username="seraphine_oub",
        specialties=["nephrology"],
        on_call=True,
        language_code="en",
    ),
]
DERM = user_record(
    7_654_321_201,
    first_name="Philibert",
    last_name="Kowalczyk",
    username="phil_kow",
    specialties=["dermatology"],
    on_call=True,
)
EVERYONE = [GP, GP2, *NEPHROS, DERM]


async def test_nobody_sees_anyone_elses_identity(
    bot: Any, client: SandboxClient, settings: Settings
) -> None:
    """Questions, offers, a take, messages and photos both ways, a pass, a close and a survey:
    no message to a user holds another user's id, username, first or last name."""
    s = Script(client, settings)
    await s.seed(*EVERYONE)
    gp, gp2 = GP["id"], GP2["id"]
    neph_a, neph_b = (n["id"] for n in NEPHROS)
    derm = DERM["id"]

    # GP asks nephrology; A takes, B is told a colleague took it; they talk both ways.
    _, took = await s.conversation(gp, neph_a)
    await s.c.send(neph_a, "Bonjour, quelle TA ?", reply_to_message_id=took["message_id"])
    await s.expect_text(gp, "quelle TA")
    await s.c.send(gp, "TA 150/85.")
    await s.expect_text(neph_a, "TA 150/85.")
    await s.c.send(gp, photo=True, caption="Photo des œdèmes")
    await s.expect(neph_a, lambda m: m["photo"])
    await s.c.send(neph_a, photo=True, caption="Schéma explicatif")
    await s.expect(gp, lambda m: m["photo"])

    # GP2 asks dermatology, the dermatologist passes, GP2 is told it waits, then closes it.
    await s.send_question(gp2, DERM_QUESTION)
    offer = await s.offer(derm)
    await s.c.press(derm, offer["message_id"], data=button_data(offer, "pass:"))
    await s.expect_text(gp2, "Aucun spécialiste en Dermatologie")
    await s.c.send(gp2, "/close")
    await s.expect_text(gp2, "retirée")

    # GP2 asks nephrology; B takes it; then the specialist closes; GP2 answers the survey.
    await s.send_question(gp2, QUESTION)
    took_b = await s.take(neph_b, await s.offer(neph_b))
    await s.expect_text(gp2, "a été prise par")
    await s.c.send(gp2, "Merci d'avance.")
    await s.expect_text(neph_b, "Merci d'avance.")
    await s.c.press(neph_b, took_b["message_id"], data=button_data(took_b, "close:"))
    survey = await s.expect_text(gp2, "1/2")
    await s.c.press(gp2, survey["message_id"], data=button_data(survey, "sv1:"))
    await s.expect_text(gp2, "2/2")

    # The first conversation ends from the GP's side.
    await s.c.send(gp, "/close")
    await s.expect_text(neph_a, "a clos l'échange")
    await s.settle()

    assert await s.c.calls("forwardMessage") == []
    for user in EVERYONE:
        chat = await s.c.chat(user["id"])
        assert chat, f"user {user['id']} received nothing: the scenario did not run"
        seen = "\n".join(
            body(m) + (m.get("html") or "") + str(m.get("reply_markup")) for m in chat
        )
        for other in EVERYONE:
            if other is user:
                continue
            for value in (
                other["first_name"],
                other["last_name"],
                other["username"],
                str(other["id"]),
            ):
                assert value not in seen, f"user {user['id']} saw {value!r}"
