"""Steps 2 and 3, offering and taking: who is offered a question, who wins, what the others see."""

from __future__ import annotations

from typing import Any

import pytest

from bot.sandbox.client import SandboxClient
from bot.settings import Settings
from storage.models import OfferState, ThreadState
from tests.e2e.helpers import (
    QUESTION,
    Script,
    button_data,
    buttons,
    get_thread,
    has,
    offers,
    thread_id_of,
    threads,
    user_record,
)

GP = 5001
NEPHRO = (5101, 5102, 5103, 5104, 5105)


@pytest.fixture
def s(bot: Any, client: SandboxClient, settings: Settings) -> Script:
    """The scripted users of one test (the bot is running)."""
    return Script(client, settings)


def nephrologist(user_id: int, *, on_call: bool = True) -> dict[str, Any]:
    """A verified nephrologist."""
    return user_record(user_id, specialties=["nephrology"], on_call=on_call)


def is_offer(message: dict[str, Any]) -> bool:
    """The message is an offer with Take / Pass."""
    return any(str(b["callback_data"]).startswith("take:") for b in buttons(message))


async def offered(s: Script, user_ids: tuple[int, ...]) -> list[int]:
    """Who among ``user_ids`` received an offer (after the bot settled)."""
    await s.settle()
    return [u for u in user_ids if any(is_offer(m) for m in await s.c.chat(u))]


async def test_fanout_offers_to_exactly_three_of_four(s: Script, settings: Settings) -> None:
    """Four nephrologists on call, FANOUT=3: exactly three get the offer, the asker is told 3."""
    assert settings.fanout == 3
    await s.seed(user_record(GP), *(nephrologist(n) for n in NEPHRO[:4]))
    notice = await s.send_question(GP, QUESTION)
    assert "proposée à 3 spécialiste(s) en Néphrologie" in notice["text"]
    assert len(await offered(s, NEPHRO[:4])) == 3


async def test_the_offer_shows_the_deidentified_question(s: Script) -> None:
    """The specialist sees the code, the specialty and the de-identified text, Take / Pass."""
    await s.seed(user_record(GP), nephrologist(NEPHRO[0]))
    await s.send_question(GP, QUESTION)
    offer = await s.offer(NEPHRO[0])
    assert offer["text"].startswith("🩺 Question #")
    assert "Néphrologie" in offer["text"]
    assert "[NOM]" in offer["text"]
    assert "Dupont" not in offer["text"]
    assert [b["text"] for b in buttons(offer)] == ["✋ Je prends", "Passer"]
    assert offer["protect_content"]


async def test_the_asker_is_never_offered_their_own_question(s: Script) -> None:
    """An asker who is an on-call nephrologist is not offered their own question."""
    await s.seed(nephrologist(GP), nephrologist(NEPHRO[0]))
    notice = await s.send_question(GP, QUESTION)
    assert "proposée à 1 " in notice["text"]
    assert await offered(s, (GP, NEPHRO[0])) == [NEPHRO[0]]


async def test_off_call_and_other_specialties_get_nothing(s: Script) -> None:
    """A nephrologist off call and an on-call dermatologist are not offered a nephro question."""
    derm = NEPHRO[1]
    await s.seed(
        user_record(GP),
        nephrologist(NEPHRO[0], on_call=False),
        user_record(derm, specialties=["dermatology"], on_call=True),
    )
    await s.send_question(GP, QUESTION)
    assert await offered(s, (NEPHRO[0], derm)) == []
    assert await s.c.chat(NEPHRO[0]) == []
    assert await s.c.chat(derm) == []


async def test_nobody_on_call_the_asker_is_told_at_once(s: Script, settings: Settings) -> None:
    """With nobody on call the asker is told the question waits; the thread is waiting."""
    await s.seed(user_record(GP), nephrologist(NEPHRO[0], on_call=False))
    notice = await s.send_question(GP, QUESTION)
    assert "Aucun spécialiste en Néphrologie n'est de garde" in notice["text"]
    (thread,) = await threads(settings)
    assert thread.state == ThreadState.WAITING


async def test_going_on_call_receives_the_waiting_question(s: Script, settings: Settings) -> None:
    """A nephrologist who does /oncall is offered the question that was waiting."""
    await s.seed(user_record(GP), nephrologist(NEPHRO[0], on_call=False))
    await s.send_question(GP, QUESTION)
    await s.c.send(NEPHRO[0], "/oncall")
    await s.expect_text(NEPHRO[0], "Vous êtes de garde")
    offer = await s.offer(NEPHRO[0])
    assert "[NOM]" in offer["text"]
    (thread,) = await threads(settings)
    assert thread.state == ThreadState.OFFERED


async def test_first_take_wins(s: Script, settings: Settings) -> None:
    """The first Take claims the thread for that specialist."""
    await s.seed(user_record(GP), *(nephrologist(n) for n in NEPHRO[:2]))
    await s.send_question(GP, QUESTION)
    offer = await s.offer(NEPHRO[0])
    took = await s.take(NEPHRO[0], offer)
    assert "Vous apparaissez comme <b>Néphrologue #" in (took.get("html") or "")
    thread = await get_thread(settings, thread_id_of(offer))
    assert thread is not None
    assert (thread.state, thread.specialist_id) == (ThreadState.CLAIMED, NEPHRO[0])


async def test_the_other_offers_say_taken_by_a_colleague(s: Script) -> None:
    """When one takes it, the other offers are edited to "taken by a colleague", no buttons."""
    await s.seed(user_record(GP), *(nephrologist(n) for n in NEPHRO[:3]))
    await s.send_question(GP, QUESTION)
    offer_a = await s.offer(NEPHRO[0])
    others = [await s.offer(n) for n in NEPHRO[1:3]]
    await s.take(NEPHRO[0], offer_a)
    for n, offer in zip(NEPHRO[1:3], others, strict=True):
        edited = await s.expect_edit(n, offer["message_id"], has("prise par un confrère"))
        assert buttons(edited) == []


async def test_the_asker_learns_the_pseudonym_and_specialty(s: Script) -> None:
    """The asker is told a "Néphrologue #XX" took it — never the name."""
    await s.seed(
        user_record(GP),
        user_record(
            NEPHRO[0],
            first_name="Bérénice",
            last_name="Quintavalle",
            specialties=["nephrology"],
            on_call=True,
        ),
    )
    await s.send_question(GP, QUESTION)
    took = await s.take(NEPHRO[0], await s.offer(NEPHRO[0]))
    taken = await s.expect_text(GP, "a été prise par")
    assert "prise par Néphrologue #" in taken["text"]
    for name in ("Bérénice", "Quintavalle", str(NEPHRO[0])):
        assert name not in taken["text"]
    # Both sides see the same pseudonym for the specialist.
    pseudonym = taken["text"].split("prise par ")[1].split(".")[0]
    assert pseudonym in took["text"]


async def test_pass_by_all_offers_the_next_batch(s: Script, settings: Settings) -> None:
    """Five on call, three offered; when all three pass, the other two are offered."""
    await s.seed(user_record(GP), *(nephrologist(n) for n in NEPHRO))
    await s.send_question(GP, QUESTION)
    first = await offered(s, NEPHRO)
    assert len(first) == 3
    rest = [n for n in NEPHRO if n not in first]
    for n in first:
        offer = next(m for m in await s.c.chat(n) if is_offer(m))
        await s.c.press(n, offer["message_id"], data=button_data(offer, "pass:"))
        await s.expect_edit(n, offer["message_id"], has("passée"))
    for n in rest:
        await s.offer(n)
    (thread,) = await threads(settings)
    states = sorted(o.state for o in await offers(settings, thread.id or 0))
    assert states == sorted([OfferState.PASSED] * 3 + [OfferState.PENDING] * 2)
    assert thread.round == 2


async def test_pass_by_one_does_not_offer_more(s: Script, settings: Settings) -> None:
    """One pass while others still consider the offer: nobody new is offered."""
    await s.seed(user_record(GP), *(nephrologist(n) for n in NEPHRO))
    await s.send_question(GP, QUESTION)
    first = await offered(s, NEPHRO)
    offer = next(m for m in await s.c.chat(first[0]) if is_offer(m))
    await s.c.press(first[0], offer["message_id"], data=button_data(offer, "pass:"))
    await s.expect_edit(first[0], offer["message_id"], has("passée"))
    await s.settle()
    for n in NEPHRO:
        if n not in first:
            assert await s.c.chat(n) == []
    (thread,) = await threads(settings)
    assert len(await offers(settings, thread.id or 0)) == 3


async def test_everyone_passed_and_nobody_left_the_asker_is_told_it_waits(
    s: Script, settings: Settings
) -> None:
    """After the only specialist passes, the thread waits and the asker is told."""
    await s.seed(user_record(GP), nephrologist(NEPHRO[0]))
    await s.send_question(GP, QUESTION)
    offer = await s.offer(NEPHRO[0])
    await s.c.press(NEPHRO[0], offer["message_id"], data=button_data(offer, "pass:"))
    await s.expect_text(GP, "Aucun spécialiste en Néphrologie")
    (thread,) = await threads(settings)
    assert thread.state == ThreadState.WAITING
